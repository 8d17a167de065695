//! A photo scaled down in the browser before it is sent: a phone's 10 MB, 12-megapixel photo
//! becomes a JPEG of a few hundred kilobytes, 1000 px on its longest side (what the server keeps
//! anyway), so that it uploads in seconds on 4G. The server still checks and re-encodes whatever
//! it receives. Where the browser cannot do it (no `OffscreenCanvas`, an image it cannot decode),
//! the original file is sent as chosen.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::OffscreenCanvasRenderingContext2d as Context;
use web_sys::{Blob, File, ImageBitmap, ImageEncodeOptions, OffscreenCanvas};

/// The longest side the server stores (`PHOTO_MAX_SIDE` on its side).
const MAX_SIDE: f64 = 1000.0;
const JPEG_QUALITY: f64 = 0.85;

/// Whether this browser can scale a photo (`OffscreenCanvas`: Safari before 16.4 cannot).
pub fn can_scale() -> bool {
    web_sys::window().is_some_and(|window| {
        js_sys::Reflect::has(&window, &wasm_bindgen::JsValue::from_str("OffscreenCanvas"))
            .unwrap_or(false)
    })
}

/// The photo as a smaller JPEG, or `None` when it is small enough already or cannot be scaled.
pub async fn scaled_down(photo: &File) -> Option<Blob> {
    let window = web_sys::window()?;
    // Decoding follows the photo's EXIF orientation, as the server does.
    let decoding = window.create_image_bitmap_with_blob(photo).ok()?;
    let bitmap: ImageBitmap = JsFuture::from(decoding).await.ok()?.dyn_into().ok()?;
    let scaled = draw_scaled(&bitmap).await;
    bitmap.close();
    scaled
}

async fn draw_scaled(bitmap: &ImageBitmap) -> Option<Blob> {
    let (width, height) = (f64::from(bitmap.width()), f64::from(bitmap.height()));
    let scale = MAX_SIDE / width.max(height);
    if scale >= 1.0 {
        return None;
    }
    let (width, height) = ((width * scale).round(), (height * scale).round());
    let canvas = OffscreenCanvas::new(width as u32, height as u32).ok()?;
    let context: Context = canvas.get_context("2d").ok()??.dyn_into().ok()?;
    // JPEG has no transparency: a transparent PNG goes on white, as on the server.
    context.set_fill_style_str("#fff");
    context.fill_rect(0.0, 0.0, width, height);
    context
        .draw_image_with_image_bitmap_and_dw_and_dh(bitmap, 0.0, 0.0, width, height)
        .ok()?;
    let options = ImageEncodeOptions::new();
    options.set_type("image/jpeg");
    options.set_quality(JPEG_QUALITY);
    let encoding = canvas.convert_to_blob_with_options(&options).ok()?;
    JsFuture::from(encoding).await.ok()?.dyn_into().ok()
}
