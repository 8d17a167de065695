//! Raw argon2id hashes per second at the service's parameters, with as many at once as the
//! server allows: the ceiling of logins per second. `cargo xtask bench` prints it next to the
//! measured logins per second.

use std::time::{Duration, Instant};

use passplus_server::accounts::passwords::hashing;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let run_for = Duration::from_secs(5);
    let start = Instant::now();
    let mut hashes = 0u32;
    while start.elapsed() < run_for {
        let batch: Vec<_> = (0..4)
            .map(|_| tokio::spawn(hashing::hash("une phrase de passe solide".to_owned())))
            .collect();
        for hash in batch {
            hash.await??;
            hashes += 1;
        }
    }
    println!("{:.1}", f64::from(hashes) / start.elapsed().as_secs_f64());
    Ok(())
}
