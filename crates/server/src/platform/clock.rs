//! The time, injectable: tests move it forward to expire links, sessions and accounts, and an
//! end-to-end test moves a running server's days through a file.

use std::path::PathBuf;
use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::Arc;

/// Unix seconds now: the system's, a test's settable value, or the system's shifted by the
/// seconds a file holds.
#[derive(Clone)]
pub enum Clock {
    System,
    Fixed(Arc<AtomicI64>),
    /// The system clock plus the whole number of seconds in the file (none while the file is
    /// missing or holds no number).
    OffsetByFile(Arc<PathBuf>),
}

impl Clock {
    pub fn now(&self) -> i64 {
        match self {
            Clock::System => system_now(),
            Clock::Fixed(now) => now.load(Ordering::SeqCst),
            Clock::OffsetByFile(path) => system_now() + offset_in(path),
        }
    }

    /// A clock that stands still at `now` until advanced.
    pub fn fixed(now: i64) -> Clock {
        Clock::Fixed(Arc::new(AtomicI64::new(now)))
    }

    /// The system clock shifted by the seconds in the file at `path`.
    pub fn offset_by_file(path: PathBuf) -> Clock {
        Clock::OffsetByFile(Arc::new(path))
    }

    /// The system clock, or the one shifted by the file the configuration names for tests.
    pub fn configured(test_clock_offset_file: Option<&PathBuf>) -> Clock {
        match test_clock_offset_file {
            Some(path) => {
                tracing::warn!(file = %path.display(), "the clock is shifted by a file: for tests only");
                Clock::offset_by_file(path.clone())
            }
            None => Clock::System,
        }
    }

    /// Moves a fixed clock forward (no effect on the others).
    pub fn advance(&self, seconds: i64) {
        if let Clock::Fixed(now) = self {
            now.fetch_add(seconds, Ordering::SeqCst);
        }
    }
}

fn system_now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|elapsed| elapsed.as_secs() as i64)
        .unwrap_or_default()
}

fn offset_in(path: &PathBuf) -> i64 {
    std::fs::read_to_string(path)
        .ok()
        .and_then(|text| text.trim().parse().ok())
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_shifts_the_system_clock_by_its_seconds_once_it_holds_a_number() {
        let folder = tempfile::tempdir().unwrap();
        let path = folder.path().join("offset");
        let clock = Clock::offset_by_file(path.clone());
        let drift = |clock: &Clock| clock.now() - system_now();
        assert!(drift(&clock).abs() <= 1, "no file: the system clock");
        std::fs::write(&path, "86400\n").unwrap();
        assert!((drift(&clock) - 86_400).abs() <= 1);
        std::fs::write(&path, "-3600").unwrap();
        assert!((drift(&clock) + 3_600).abs() <= 1);
        std::fs::write(&path, "demain").unwrap();
        assert!(drift(&clock).abs() <= 1, "not a number: the system clock");
    }
}
