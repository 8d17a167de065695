//! The pupil's card, its own small app under `/carte/`: a pupil's phone downloads only it.

#[cfg(target_arch = "wasm32")]
fn main() {
    passplus_web::mount_card();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The Pass+ app runs in a browser: build it with `cargo xtask run`.");
}
