//! Re-encoding of uploaded images. A photo from a phone carries EXIF metadata (where and when it
//! was taken, the camera); decoding it to pixels and encoding those pixels again as a fresh JPEG
//! keeps none of it. The image is turned upright first (the orientation is metadata too) and
//! scaled down to a bounded size, so that every stored image is small and clean.

use std::io::{BufRead, Seek, SeekFrom};
use std::sync::{Arc, LazyLock};

use image::codecs::jpeg::JpegEncoder;
use image::{DynamicImage, ImageDecoder, ImageFormat, ImageReader, Limits};
use passplus_validation::FileType;
use tokio::sync::Semaphore;

/// A pixel count beyond which an image is refused rather than decoded: a 10 MB file can claim
/// enormous dimensions ("decompression bomb"). 50 megapixels covers every phone camera.
const MAX_PIXELS: u64 = 50_000_000;
/// The memory one decode may take (a 50-megapixel RGBA image, with room to spare).
const MAX_DECODE_BYTES: u64 = 256 * 1024 * 1024;
const JPEG_QUALITY: u8 = 85;

/// At most this many images are decoded at once (one per core of the reference machine), so a
/// burst of uploads cannot exhaust memory.
static DECODING: LazyLock<Arc<Semaphore>> = LazyLock::new(|| Arc::new(Semaphore::new(2)));

#[derive(Debug, PartialEq, Eq)]
pub struct Unreadable;

/// Re-encodes a JPEG or PNG image (read from `image`, a file as received) as a JPEG whose
/// longest side is at most `max_side` pixels, off the async threads. Returns the new bytes.
///
/// Tokio's blocking pool is fine here, unlike for password hashing (see `accounts::passwords::hashing`): a large
/// photo's pixels (72 MiB for 24 megapixels) are over 32 MiB, which the allocator always maps
/// and unmaps on its own, so no thread keeps them once done; small images leave little behind.
pub async fn reencode<R>(
    image: R,
    file_type: FileType,
    max_side: u32,
) -> anyhow::Result<Result<Vec<u8>, Unreadable>>
where
    R: BufRead + Seek + Send + 'static,
{
    // The header alone is read first: an image claiming too many pixels is refused at once,
    // without waiting for (or taking) a turn to decode.
    let header_read = tokio::task::spawn_blocking(move || {
        let mut image = image;
        has_acceptable_dimensions(&mut image, file_type).then_some(image)
    });
    let Some(image) = header_read.await? else {
        return Ok(Err(Unreadable));
    };
    let _permit = DECODING.clone().acquire_owned().await?;
    Ok(tokio::task::spawn_blocking(move || reencode_now(image, file_type, max_side)).await?)
}

fn image_format(file_type: FileType) -> Option<ImageFormat> {
    match file_type {
        FileType::Jpeg => Some(ImageFormat::Jpeg),
        FileType::Png => Some(ImageFormat::Png),
        FileType::Pdf => None,
    }
}

/// Whether the image's header names a size within `MAX_PIXELS` (reads the header only, then
/// goes back to the start).
fn has_acceptable_dimensions(image: &mut (impl BufRead + Seek), file_type: FileType) -> bool {
    let Some(format) = image_format(file_type) else {
        return false;
    };
    let dimensions = ImageReader::with_format(&mut *image, format).into_dimensions();
    let acceptable = match dimensions {
        Ok((width, height)) => u64::from(width) * u64::from(height) <= MAX_PIXELS,
        Err(_) => false,
    };
    acceptable && image.seek(SeekFrom::Start(0)).is_ok()
}

fn reencode_now(
    image: impl BufRead + Seek,
    file_type: FileType,
    max_side: u32,
) -> Result<Vec<u8>, Unreadable> {
    let format = image_format(file_type).ok_or(Unreadable)?;
    let mut reader = ImageReader::with_format(image, format);
    let mut limits = Limits::default();
    limits.max_alloc = Some(MAX_DECODE_BYTES);
    reader.limits(limits);
    let mut decoder = reader.into_decoder().map_err(|_| Unreadable)?;
    let (width, height) = decoder.dimensions();
    if u64::from(width) * u64::from(height) > MAX_PIXELS {
        return Err(Unreadable);
    }
    let orientation = decoder.orientation().map_err(|_| Unreadable)?;
    let mut image = DynamicImage::from_decoder(decoder).map_err(|_| Unreadable)?;
    // Scaled first, then turned: the bound is a square, so the order does not change the result,
    // and turning the small image copies kilobytes, not the hundreds of megabytes of a large one.
    // `thumbnail` averages the pixels each output pixel covers, in integers: as good as a filter
    // for a large reduction, without a filter's floating-point copy of the image.
    if image.width().max(image.height()) > max_side {
        image = image.thumbnail(max_side, max_side);
    }
    image.apply_orientation(orientation);
    let pixels = flatten_on_white(image);
    let mut out = Vec::new();
    JpegEncoder::new_with_quality(&mut out, JPEG_QUALITY)
        .encode_image(&pixels)
        .map_err(|_| Unreadable)?;
    Ok(out)
}

/// JPEG has no transparency: a transparent PNG's background becomes white, not black.
fn flatten_on_white(image: DynamicImage) -> image::RgbImage {
    if !image.color().has_alpha() {
        return image.into_rgb8();
    }
    let rgba = image.into_rgba8();
    image::RgbImage::from_fn(rgba.width(), rgba.height(), |x, y| {
        let [r, g, b, a] = rgba.get_pixel(x, y).0;
        let over_white =
            |c: u8| ((u16::from(c) * u16::from(a) + 255 * (255 - u16::from(a))) / 255) as u8;
        image::Rgb([over_white(r), over_white(g), over_white(b)])
    })
}

#[cfg(test)]
mod tests {
    use std::io::Cursor;

    use super::*;

    fn jpeg(width: u32, height: u32) -> Vec<u8> {
        let image = image::RgbImage::from_fn(width, height, |x, y| {
            image::Rgb([(x % 256) as u8, (y % 256) as u8, 128])
        });
        let mut out = Vec::new();
        JpegEncoder::new_with_quality(&mut out, 90)
            .encode_image(&image)
            .unwrap();
        out
    }

    #[test]
    fn large_images_are_scaled_to_the_bound_keeping_their_shape() {
        let out = reencode_now(Cursor::new(jpeg(1600, 800)), FileType::Jpeg, 1000).unwrap();
        let image = image::load_from_memory(&out).unwrap();
        assert_eq!((image.width(), image.height()), (1000, 500));
    }

    #[test]
    fn transparent_png_becomes_a_jpeg_on_white() {
        let png = {
            let image = image::RgbaImage::from_pixel(4, 4, image::Rgba([0, 0, 0, 0]));
            let mut out = Vec::new();
            image
                .write_to(&mut Cursor::new(&mut out), ImageFormat::Png)
                .unwrap();
            out
        };
        let out = reencode_now(Cursor::new(png), FileType::Png, 1000).unwrap();
        assert_eq!(FileType::sniff(&out), Some(FileType::Jpeg));
        let pixel = image::load_from_memory(&out)
            .unwrap()
            .into_rgb8()
            .get_pixel(1, 1)
            .0;
        assert!(pixel.iter().all(|c| *c > 245), "{pixel:?}");
    }

    /// A PNG that is only a header (and an empty start of pixels) claiming `width` × `height` (a decompression bomb's start).
    fn png_header(width: u32, height: u32) -> Vec<u8> {
        let mut header = b"\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR".to_vec();
        let mut chunk = Vec::new();
        chunk.extend(width.to_be_bytes());
        chunk.extend(height.to_be_bytes());
        chunk.extend([8, 2, 0, 0, 0]);
        header.extend(&chunk);
        let mut crc_input = b"IHDR".to_vec();
        crc_input.extend(&chunk);
        header.extend(crc32(&crc_input).to_be_bytes());
        // Where the pixels would begin (a decoder reads the header up to here).
        header.extend(0u32.to_be_bytes());
        header.extend(b"IDAT");
        header.extend(crc32(b"IDAT").to_be_bytes());
        header
    }

    fn crc32(bytes: &[u8]) -> u32 {
        let mut crc = !0u32;
        for byte in bytes {
            crc ^= u32::from(*byte);
            for _ in 0..8 {
                crc = if crc & 1 == 1 {
                    (crc >> 1) ^ 0xEDB8_8320
                } else {
                    crc >> 1
                };
            }
        }
        !crc
    }

    #[tokio::test]
    async fn an_image_claiming_too_many_pixels_is_refused_from_its_header_without_a_turn() {
        let bomb = png_header(60_000, 60_000);
        assert!(!has_acceptable_dimensions(
            &mut Cursor::new(&bomb),
            FileType::Png
        ));
        assert!(has_acceptable_dimensions(
            &mut Cursor::new(png_header(4000, 3000)),
            FileType::Png
        ));
        // Both decoding turns taken: the refusal must not wait for one.
        let _turns = DECODING.clone().acquire_many_owned(2).await.unwrap();
        let answered = tokio::time::timeout(
            std::time::Duration::from_secs(5),
            reencode(Cursor::new(bomb), FileType::Png, 1000),
        )
        .await
        .expect("answered without a decoding turn");
        assert_eq!(answered.unwrap(), Err(Unreadable));
    }

    #[test]
    fn a_truncated_or_fake_image_is_unreadable() {
        let whole = jpeg(64, 64);
        assert_eq!(
            reencode_now(Cursor::new(&whole[..40]), FileType::Jpeg, 1000),
            Err(Unreadable)
        );
        assert_eq!(
            reencode_now(Cursor::new(b"\xFF\xD8\xFFnot really"), FileType::Jpeg, 1000),
            Err(Unreadable)
        );
    }
}
