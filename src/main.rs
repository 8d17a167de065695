#[cfg(target_arch = "wasm32")]
fn main() {
    passplus_web::mount();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The Pass+ app runs in a browser: build it with `cargo xtask run`.");
}
