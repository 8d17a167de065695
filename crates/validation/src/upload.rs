//! Files a family uploads: for a pupil, an identity photo for the Pass+ card (JPEG or PNG) and
//! the bourse certificate (JPEG, PNG or PDF); for the canteen's price, its tax notice (JPEG, PNG
//! or PDF). At most 10 MiB each.
//!
//! The browser checks what the file says it is (its declared type and size) before sending it;
//! the server checks the same and then the content itself ([`FileType::sniff`]), since a name or
//! a declared type can lie.

use serde::{Deserialize, Serialize};
use validator::ValidationError;

use crate::codes;

/// 10 Mio, the largest file accepted.
pub const MAX_BYTES: u64 = 10 * 1024 * 1024;

/// The codes files valid for the OpenAPI schema (any bytes) can still get: their type, size
/// and content are checked by reading them (see [`crate::field_schemas`]).
pub const BEYOND_SCHEMA: &[&str] = &[
    codes::FILE_EMPTY,
    codes::FILE_TOO_LARGE,
    codes::PHOTO_TYPE_NOT_ALLOWED,
    codes::PHOTO_CONTENT_NOT_ALLOWED,
    codes::CERTIFICATE_TYPE_NOT_ALLOWED,
    codes::CERTIFICATE_CONTENT_NOT_ALLOWED,
    codes::IMAGE_UNREADABLE,
    codes::CERTIFICATE_NOT_NEEDED,
];

/// The same for a tax notice (see [`crate::codes::TAX_NOTICE`]).
pub const TAX_NOTICE_BEYOND_SCHEMA: &[&str] = &[
    codes::FILE_EMPTY,
    codes::FILE_TOO_LARGE,
    codes::TAX_NOTICE_TYPE_NOT_ALLOWED,
    codes::TAX_NOTICE_CONTENT_NOT_ALLOWED,
    codes::IMAGE_UNREADABLE,
];

/// What the file is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum UploadKind {
    Photo,
    BourseCertificate,
    TaxNotice,
}

/// The file formats accepted anywhere.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FileType {
    Jpeg,
    Png,
    Pdf,
}

impl FileType {
    pub fn media_type(self) -> &'static str {
        match self {
            FileType::Jpeg => "image/jpeg",
            FileType::Png => "image/png",
            FileType::Pdf => "application/pdf",
        }
    }

    pub fn from_media_type(media_type: &str) -> Option<FileType> {
        match media_type.trim().to_ascii_lowercase().as_str() {
            "image/jpeg" | "image/jpg" | "image/pjpeg" => Some(FileType::Jpeg),
            "image/png" => Some(FileType::Png),
            "application/pdf" => Some(FileType::Pdf),
            _ => None,
        }
    }

    /// What the first bytes say the file is: the JPEG, PNG and PDF signatures.
    pub fn sniff(bytes: &[u8]) -> Option<FileType> {
        if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
            Some(FileType::Jpeg)
        } else if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
            Some(FileType::Png)
        } else if bytes.starts_with(b"%PDF-") {
            Some(FileType::Pdf)
        } else {
            None
        }
    }
}

impl UploadKind {
    /// The name of the file's part in a request, and of its field in a 422.
    pub fn field(self) -> &'static str {
        match self {
            UploadKind::Photo => "photo",
            UploadKind::BourseCertificate => "bourse_certificate",
            UploadKind::TaxNotice => "tax_notice",
        }
    }

    pub fn accepts(self, file_type: FileType) -> bool {
        match self {
            UploadKind::Photo => matches!(file_type, FileType::Jpeg | FileType::Png),
            UploadKind::BourseCertificate | UploadKind::TaxNotice => true,
        }
    }

    /// What the browser's file picker offers.
    pub fn accepted_media_types(self) -> &'static str {
        match self {
            UploadKind::Photo => "image/jpeg,image/png",
            UploadKind::BourseCertificate | UploadKind::TaxNotice => {
                "application/pdf,image/jpeg,image/png"
            }
        }
    }

    fn type_code(self) -> &'static str {
        match self {
            UploadKind::Photo => codes::PHOTO_TYPE_NOT_ALLOWED,
            UploadKind::BourseCertificate => codes::CERTIFICATE_TYPE_NOT_ALLOWED,
            UploadKind::TaxNotice => codes::TAX_NOTICE_TYPE_NOT_ALLOWED,
        }
    }

    /// The code of a file whose content is not what this kind accepts.
    pub fn content_code(self) -> &'static str {
        match self {
            UploadKind::Photo => codes::PHOTO_CONTENT_NOT_ALLOWED,
            UploadKind::BourseCertificate => codes::CERTIFICATE_CONTENT_NOT_ALLOWED,
            UploadKind::TaxNotice => codes::TAX_NOTICE_CONTENT_NOT_ALLOWED,
        }
    }
}

/// The rule on what a file declares: not empty, not over 10 MiB, an accepted type. An empty
/// declared type (browsers give one for unknown extensions) is left to the content check.
pub fn validate_declared(
    kind: UploadKind,
    media_type: &str,
    size: u64,
) -> Result<(), ValidationError> {
    if size == 0 {
        return Err(ValidationError::new(codes::FILE_EMPTY));
    }
    if size > MAX_BYTES {
        return Err(ValidationError::new(codes::FILE_TOO_LARGE));
    }
    if media_type.trim().is_empty() {
        return Ok(());
    }
    match FileType::from_media_type(media_type) {
        Some(file_type) if kind.accepts(file_type) => Ok(()),
        _ => Err(ValidationError::new(kind.type_code())),
    }
}

/// The rule on the content itself (the server's): the declared rule on the size received, then
/// the signature in the file's first bytes (`head`). Returns the file's real type.
pub fn validate_content(
    kind: UploadKind,
    media_type: &str,
    size: u64,
    head: &[u8],
) -> Result<FileType, ValidationError> {
    validate_declared(kind, media_type, size)?;
    match FileType::sniff(head) {
        Some(file_type) if kind.accepts(file_type) => Ok(file_type),
        _ => Err(ValidationError::new(kind.content_code())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn declared(kind: UploadKind, media_type: &str, size: u64) -> Option<String> {
        validate_declared(kind, media_type, size)
            .err()
            .map(|error| error.code.to_string())
    }

    #[test]
    fn declared_size_and_type_are_checked_per_kind() {
        use UploadKind::*;
        assert_eq!(declared(Photo, "image/jpeg", MAX_BYTES), None);
        assert_eq!(
            declared(Photo, "image/jpeg", MAX_BYTES + 1).as_deref(),
            Some("file_too_large")
        );
        assert_eq!(
            declared(Photo, "image/png", 0).as_deref(),
            Some("file_empty")
        );
        assert_eq!(
            declared(Photo, "application/pdf", 10).as_deref(),
            Some("photo_type_not_allowed")
        );
        assert_eq!(declared(BourseCertificate, "application/pdf", 10), None);
        assert_eq!(
            declared(BourseCertificate, "image/gif", 10).as_deref(),
            Some("certificate_type_not_allowed")
        );
        assert_eq!(declared(Photo, "", 10), None);
        assert_eq!(declared(TaxNotice, "image/png", 10), None);
        assert_eq!(
            declared(TaxNotice, "text/plain", 10).as_deref(),
            Some("tax_notice_type_not_allowed")
        );
        assert_eq!(
            declared(TaxNotice, "application/pdf", MAX_BYTES + 1).as_deref(),
            Some("file_too_large")
        );
    }

    fn validate_content(
        kind: UploadKind,
        media_type: &str,
        bytes: &[u8],
    ) -> Result<FileType, ValidationError> {
        super::validate_content(kind, media_type, bytes.len() as u64, bytes)
    }

    #[test]
    fn content_decides_whatever_the_declared_type() {
        let text = b"ceci n'est pas une image";
        let error = validate_content(UploadKind::Photo, "image/jpeg", text).unwrap_err();
        assert_eq!(error.code, "photo_content_not_allowed");
        let pdf = b"%PDF-1.7\n...";
        let error = validate_content(UploadKind::Photo, "image/png", pdf).unwrap_err();
        assert_eq!(error.code, "photo_content_not_allowed");
        assert_eq!(
            validate_content(UploadKind::BourseCertificate, "", pdf).unwrap(),
            FileType::Pdf
        );
        let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
        assert_eq!(
            validate_content(UploadKind::Photo, "image/png", png).unwrap(),
            FileType::Png
        );
        let error = validate_content(UploadKind::TaxNotice, "application/pdf", text).unwrap_err();
        assert_eq!(error.code, "tax_notice_content_not_allowed");
        assert_eq!(
            validate_content(UploadKind::TaxNotice, "image/jpeg", pdf).unwrap(),
            FileType::Pdf
        );
    }

    #[test]
    fn the_size_received_is_checked_before_the_content() {
        let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
        let error = super::validate_content(UploadKind::Photo, "image/png", MAX_BYTES + 1, png)
            .unwrap_err();
        assert_eq!(error.code, "file_too_large");
        let error = super::validate_content(UploadKind::Photo, "image/png", 0, b"").unwrap_err();
        assert_eq!(error.code, "file_empty");
    }
}
