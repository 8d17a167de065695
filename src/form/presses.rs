//! Presses in progress. A field shows its error when the person leaves it, which moves what is
//! below it down; when the field is left by pressing another control (a tap on a class, a click
//! on a button), the control would move away from under the finger between the press and the
//! click, and the click land on something else or nothing. So an error shown on leaving waits
//! until the press that left the field has landed: its click has run, or it was cancelled (a
//! scroll), or the pointer was lifted without a click (dragged away). Leaving by keyboard is
//! not a press: the error shows at once.

use std::cell::{Cell, RefCell};
use std::time::Duration;

use leptos::prelude::*;

/// How long after the pointer is lifted its click may still come: a tap's click follows the
/// touch's end as a separate gesture.
const CLICK_AFTER_RELEASE: Duration = Duration::from_millis(600);

thread_local! {
    /// Counts presses; the one in progress, if any.
    static PRESSES: Cell<u64> = const { Cell::new(0) };
    static PRESSING: Cell<Option<u64>> = const { Cell::new(None) };
    static WAITING: RefCell<Vec<Box<dyn FnOnce()>>> = const { RefCell::new(Vec::new()) };
    static TRACKING: Cell<bool> = const { Cell::new(false) };
}

/// Follows the pointer on the whole page (the app calls it once; later calls do nothing).
pub fn track_presses() {
    if TRACKING.replace(true) {
        return;
    }
    let _ = window_event_listener(leptos::ev::pointerdown, |_| {
        let press = PRESSES.get() + 1;
        PRESSES.set(press);
        PRESSING.set(Some(press));
    });
    // On the window, a click arrives after the handlers of what was clicked; the timeout lets
    // what they changed be drawn first.
    let _ = window_event_listener(leptos::ev::click, |_| {
        let press = PRESSING.get();
        set_timeout(move || end(press), Duration::ZERO);
    });
    let _ = window_event_listener(leptos::ev::pointercancel, |_| end(PRESSING.get()));
    let _ = window_event_listener(leptos::ev::pointerup, |_| {
        let press = PRESSING.get();
        set_timeout(move || end(press), CLICK_AFTER_RELEASE);
    });
}

/// Runs `then` once no press is in progress: now, or when the current one has landed.
pub fn after_press(then: impl FnOnce() + 'static) {
    if PRESSING.get().is_some() {
        WAITING.with_borrow_mut(|waiting| waiting.push(Box::new(then)));
    } else {
        then();
    }
}

/// Ends `press` if it is still the one in progress (a later press has its own end), and runs
/// what waited for it.
fn end(press: Option<u64>) {
    if press.is_none() || PRESSING.get() != press {
        return;
    }
    PRESSING.set(None);
    for then in WAITING.take() {
        then();
    }
}
