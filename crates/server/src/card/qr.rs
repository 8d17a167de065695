//! A card link as a QR code, drawn by the server as SVG: a parent shows it on a screen or
//! prints it for the pupil's phone to scan. Dark on white with the quiet zone the standard asks
//! for, so that any reader finds it.

use qrcode::render::svg;
use qrcode::{EcLevel, QrCode};

/// The QR code of `text`, as an SVG element (no XML prolog: it sits inside an HTML page).
pub fn svg_of(text: &str) -> anyhow::Result<String> {
    // Medium correction: a link of about 80 characters stays a small code, readable off a
    // slightly scratched screen or a crumpled print.
    let code = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M)?;
    let image = code
        .render::<svg::Color>()
        .min_dimensions(200, 200)
        .dark_color(svg::Color("#000000"))
        .light_color(svg::Color("#ffffff"))
        .quiet_zone(true)
        .build();
    let start = image
        .find("<svg")
        .ok_or_else(|| anyhow::anyhow!("the QR code has no svg element"))?;
    Ok(image[start..].to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_link_is_drawn_as_one_svg_element_of_dark_modules() {
        let image = svg_of("https://passplus.example/carte/#cle=abcdefghijklmnopqrstuv").unwrap();
        assert!(image.starts_with("<svg"), "{image}");
        assert!(image.trim_end().ends_with("</svg>"));
        assert!(image.contains("#000000"));
        assert!(!image.contains("<?xml"));
    }
}
