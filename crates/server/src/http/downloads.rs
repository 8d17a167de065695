//! A file the API hands back (a pupil's photo, a certificate, a tax notice, a statement's CSV):
//! its type, whether the browser shows it or saves it, and the name it is saved under. The
//! file names are the server's own, ASCII: nothing a family typed goes into a header unfolded.

use axum::http::header::{CACHE_CONTROL, CONTENT_DISPOSITION, CONTENT_TYPE};
use axum::response::{IntoResponse, Response};

/// Whether the browser shows the file in the page or saves it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Disposition {
    /// Shown in the page (an image in an `<img>`).
    Inline,
    /// Saved: a document never opens inside the site.
    Attachment,
}

/// The answer carrying `bytes`, never kept by a cache (they are a family's own).
pub fn file(
    media_type: &str,
    disposition: Disposition,
    file_name: &str,
    bytes: Vec<u8>,
) -> Response {
    let disposition = match disposition {
        Disposition::Inline => "inline",
        Disposition::Attachment => "attachment",
    };
    (
        [
            (CONTENT_TYPE, media_type.to_owned()),
            (CACHE_CONTROL, "private, no-store".to_owned()),
            (
                CONTENT_DISPOSITION,
                format!("{disposition}; filename=\"{file_name}\""),
            ),
        ],
        bytes,
    )
        .into_response()
}

/// The extension of a stored document's file name: documents are kept as PDF or JPEG.
pub fn extension_of(media_type: &str) -> &'static str {
    if media_type == "application/pdf" {
        "pdf"
    } else {
        "jpg"
    }
}
