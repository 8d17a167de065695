//! Named phases with their durations, printed as each ends and summed up at the end, so that a
//! slow first run says where its time went.

use std::sync::Mutex;
use std::time::{Duration, Instant};

static DONE: Mutex<Vec<(String, Duration)>> = Mutex::new(Vec::new());

/// Runs `work` as the phase `name`, and prints how long it took.
pub fn timed<T>(name: &str, work: impl FnOnce() -> anyhow::Result<T>) -> anyhow::Result<T> {
    println!("\n⏱ {name}…");
    let start = Instant::now();
    let outcome = work();
    let took = start.elapsed();
    let how = if outcome.is_ok() { "done" } else { "failed" };
    println!("⏱ {name}: {how} in {}", seconds(took));
    DONE.lock()
        .expect("no phase panicked")
        .push((name.to_owned(), took));
    outcome
}

/// Every phase so far and the time since `start`, on one line each.
pub fn summary(start: Instant) -> String {
    let done = DONE.lock().expect("no phase panicked");
    let mut text = String::from("phases:\n");
    for (name, took) in done.iter() {
        text.push_str(&format!("  {name}: {}\n", seconds(*took)));
    }
    text.push_str(&format!(
        "  total (wall clock, phases that overlapped counted once): {}",
        seconds(start.elapsed())
    ));
    text
}

fn seconds(duration: Duration) -> String {
    format!("{:.0} s", duration.as_secs_f64())
}
