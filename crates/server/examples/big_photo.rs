//! Writes a large, detailed JPEG photo (just under the 10 MiB upload limit, 24 megapixels, like
//! a phone camera's) to the path given, for `cargo xtask bench`'s upload measurement. Noise makes
//! it hard to compress, as real photos' detail is.

use image::codecs::jpeg::JpegEncoder;

fn main() {
    let path = std::env::args()
        .nth(1)
        .expect("usage: big_photo <output.jpg>");
    let limit = passplus_validation::upload::MAX_BYTES as usize;
    let mut state = 0x2545_f491_4f6c_dd1d_u64;
    let mut noise = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let image = image::RgbImage::from_fn(6000, 4000, |x, y| {
        let grain = noise();
        let base = ((x / 40 + y / 40) % 2) as u8 * 60;
        image::Rgb([
            base.wrapping_add((grain & 0x3f) as u8),
            base.wrapping_add(((grain >> 8) & 0x3f) as u8),
            base.wrapping_add(((grain >> 16) & 0x3f) as u8),
        ])
    });
    // The best quality that fits under the limit.
    for quality in (50..=95).rev() {
        let mut out = Vec::new();
        JpegEncoder::new_with_quality(&mut out, quality)
            .encode_image(&image)
            .expect("encoding works");
        if out.len() <= limit {
            std::fs::write(&path, &out).expect("the output path is writable");
            println!("{} bytes at quality {quality}", out.len());
            return;
        }
    }
    panic!("no quality fits under the limit");
}
