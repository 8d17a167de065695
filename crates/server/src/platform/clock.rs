//! The time, injectable: tests move it forward to expire links, sessions and accounts.

use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::Arc;

/// Unix seconds now: the system's, or a test's settable value.
#[derive(Clone)]
pub enum Clock {
    System,
    Fixed(Arc<AtomicI64>),
}

impl Clock {
    pub fn now(&self) -> i64 {
        match self {
            Clock::System => std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map(|elapsed| elapsed.as_secs() as i64)
                .unwrap_or_default(),
            Clock::Fixed(now) => now.load(Ordering::SeqCst),
        }
    }

    /// A clock that stands still at `now` until advanced.
    pub fn fixed(now: i64) -> Clock {
        Clock::Fixed(Arc::new(AtomicI64::new(now)))
    }

    /// Moves a fixed clock forward (no effect on the system clock).
    pub fn advance(&self, seconds: i64) {
        if let Clock::Fixed(now) = self {
            now.fetch_add(seconds, Ordering::SeqCst);
        }
    }
}
