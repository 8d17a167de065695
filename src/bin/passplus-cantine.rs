//! The family's canteen pages, their own app under `/cantine/`: a family that only uses the
//! canteen never downloads the signup and pupil pages, nor the other way round.

#[cfg(target_arch = "wasm32")]
fn main() {
    passplus_web::mount_canteen();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The Pass+ app runs in a browser: build it with `cargo xtask run`.");
}
