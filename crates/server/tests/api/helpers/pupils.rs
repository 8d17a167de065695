//! The pupils' fixtures: pupils to add, their multipart bodies and files (a photo, a
//! certificate), what the database holds of them, and the family's pupil routes as methods.

use reqwest::multipart::{Form, Part};
use reqwest::Method;
use serde_json::{json, Value};

use super::{Family, TestApp};

/// A collège the Hauts-de-Seine runs (Collège Anne Frank, Antony… any row of the list will do).
pub const COLLEGE_92: &str = "0921243B";
/// A valid UAI outside the list (a Paris collège's shape).
pub const COLLEGE_ELSEWHERE: &str = "0751234J";
/// Public but run by no Département (École de danse de l'Opéra de Paris, Nanterre).
pub const COLLEGE_NOT_RUN: &str = "0922579D";

/// A pupil in 5e, born on `birth` (day, month, year).
pub fn pupil(given_name: &str, birth: (u32, u32, i32), uai: &str, bourse_holder: bool) -> Value {
    json!({
        "given_name": given_name,
        "family_name": "Martin",
        "birth_date": { "day": birth.0.to_string(), "month": birth.1.to_string(), "year": birth.2.to_string() },
        "college_uai": uai,
        "class": "5e",
        "bourse_holder": bourse_holder,
    })
}

/// Inès, 13, at Anne Frank, a bourse holder.
pub fn ines() -> Value {
    pupil("Inès", (14, 3, 2014), COLLEGE_92, true)
}

/// A multipart body: the pupil, then files as (part name, media type, bytes).
pub fn pupil_body(pupil: &Value, files: Vec<(&'static str, &str, Vec<u8>)>) -> Form {
    let mut form = Form::new().text("pupil", pupil.to_string());
    for (name, media_type, bytes) in files {
        let part = Part::bytes(bytes)
            .file_name("fichier")
            .mime_str(media_type)
            .unwrap();
        form = form.part(name, part);
    }
    form
}

/// A JPEG photo of `width` × `height`.
pub fn jpeg(width: u32, height: u32) -> Vec<u8> {
    let image = image::RgbImage::from_fn(width, height, |x, y| {
        image::Rgb([(x * 7 % 256) as u8, (y * 3 % 256) as u8, 90])
    });
    let mut out = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 90)
        .encode_image(&image)
        .unwrap();
    out
}

/// A one-page PDF, the smallest the server accepts (a catalog, its pages, one page, the
/// cross-reference table).
pub fn pdf() -> Vec<u8> {
    concat!(
        "%PDF-1.4\n",
        "1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n",
        "2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n",
        "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >> endobj\n",
        "xref\n0 4\n0000000000 65535 f \n0000000009 00000 n \n0000000058 00000 n \n",
        "0000000115 00000 n \ntrailer << /Size 4 /Root 1 0 R >>\nstartxref\n186\n%%EOF\n"
    )
    .as_bytes()
    .to_vec()
}

/// The files stored, in the database; nothing is ever written to the files folder.
pub async fn stored_files(app: &TestApp) -> i64 {
    let on_disk = std::fs::read_dir(&app.config.files_dir)
        .map(|entries| entries.count())
        .unwrap_or(0);
    assert_eq!(on_disk, 0, "a file was written to disk");
    sqlx::query_scalar("SELECT COUNT(*) FROM pupil_files")
        .fetch_one(&app.state.pool)
        .await
        .unwrap()
}

impl Family {
    pub async fn add_pupil(&self, form: Form) -> reqwest::Response {
        self.send_multipart(Method::POST, "/api/pupils", form).await
    }

    /// Adds a pupil the server must accept (asserts a 201): its id.
    pub async fn added_pupil(&self, form: Form) -> String {
        let response = self.add_pupil(form).await;
        assert_eq!(response.status(), 201);
        let body: Value = response.json().await.unwrap();
        body["id"].as_str().unwrap().to_owned()
    }

    /// The family's pupils, as the dashboard lists them.
    pub async fn pupils(&self) -> Vec<Value> {
        let body = self.read_json("/api/pupils").await;
        body["pupils"].as_array().unwrap().clone()
    }

    /// A pupil's photo as served (asserts a 200).
    pub async fn photo(&self, id: &str) -> Vec<u8> {
        let response = self.get(&format!("/api/pupils/{id}/photo")).await;
        assert_eq!(response.status(), 200);
        response.bytes().await.unwrap().to_vec()
    }
}
