//! Pupils through the API: adding them with their files, the age and eligibility rules, the
//! dashboard's grants, changing and removing them, files served back clean — and another
//! family's ids finding nothing on any route.

use passplus_validation::pass_number::validate_pass_number;
use reqwest::multipart::{Form, Part};
use reqwest::Method;
use secrecy::ExposeSecret;
use serde_json::{json, Value};

use crate::held_upload::HeldUpload;
use crate::helpers::{
    log_in, restart, session_cookie, signed_in_family, spawn_app, TestApp, FAMILY_PASSWORD, START,
};

/// A collège the Hauts-de-Seine runs (Collège Anne Frank, Antony… any row of the list will do).
const COLLEGE_92: &str = "0921243B";
/// A valid UAI outside the list (a Paris collège's shape).
const COLLEGE_ELSEWHERE: &str = "0751234J";
/// Public but run by no Département (École de danse de l'Opéra de Paris, Nanterre).
const COLLEGE_NOT_RUN: &str = "0922579D";

fn pupil(given_name: &str, birth: (u32, u32, i32), uai: &str, bourse_holder: bool) -> Value {
    json!({
        "given_name": given_name,
        "family_name": "Martin",
        "birth_date": { "day": birth.0.to_string(), "month": birth.1.to_string(), "year": birth.2.to_string() },
        "college_uai": uai,
        "class": "5e",
        "bourse_holder": bourse_holder,
    })
}

fn ines() -> Value {
    pupil("Inès", (14, 3, 2014), COLLEGE_92, true)
}

/// A multipart body: the pupil, then files as (part name, media type, bytes).
fn body(pupil: &Value, files: Vec<(&'static str, &str, Vec<u8>)>) -> Form {
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

async fn send(
    app: &TestApp,
    method: Method,
    path: &str,
    cookie: &str,
    form: Option<Form>,
) -> reqwest::Response {
    let mut request = app.request(method, path).header("cookie", cookie);
    if let Some(form) = form {
        request = request.multipart(form);
    }
    request.send().await.unwrap()
}

async fn add(app: &TestApp, cookie: &str, form: Form) -> reqwest::Response {
    send(app, Method::POST, "/api/pupils", cookie, Some(form)).await
}

async fn added_id(response: reqwest::Response) -> String {
    assert_eq!(response.status(), 201);
    let body: Value = response.json().await.unwrap();
    body["id"].as_str().unwrap().to_owned()
}

async fn list(app: &TestApp, cookie: &str) -> Vec<Value> {
    let response = send(app, Method::GET, "/api/pupils", cookie, None).await;
    assert_eq!(response.status(), 200);
    let body: Value = response.json().await.unwrap();
    body["pupils"].as_array().unwrap().clone()
}

async fn field_code(response: reqwest::Response, field: &str) -> String {
    assert_eq!(response.status(), 422);
    let body: Value = response.json().await.unwrap();
    body["fields"][field][0]
        .as_str()
        .unwrap_or_default()
        .to_owned()
}

fn jpeg(width: u32, height: u32) -> Vec<u8> {
    let image = image::RgbImage::from_fn(width, height, |x, y| {
        image::Rgb([(x * 7 % 256) as u8, (y * 3 % 256) as u8, 90])
    });
    let mut out = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 90)
        .encode_image(&image)
        .unwrap();
    out
}

const SECRET: &[u8] = b"GPS 48.8924N 2.2069E Pixel 8 Pro";

/// A JPEG carrying an EXIF block: an orientation (6: turn 90° clockwise to view) and, after the
/// directory, the kind of text a phone writes (place, camera).
fn jpeg_with_exif(width: u32, height: u32) -> Vec<u8> {
    let mut tiff = Vec::new();
    tiff.extend_from_slice(b"II*\0");
    tiff.extend_from_slice(&8u32.to_le_bytes());
    tiff.extend_from_slice(&1u16.to_le_bytes()); // one entry
    tiff.extend_from_slice(&0x0112u16.to_le_bytes()); // Orientation
    tiff.extend_from_slice(&3u16.to_le_bytes()); // SHORT
    tiff.extend_from_slice(&1u32.to_le_bytes());
    tiff.extend_from_slice(&6u16.to_le_bytes());
    tiff.extend_from_slice(&[0, 0]);
    tiff.extend_from_slice(&0u32.to_le_bytes()); // no next directory
    tiff.extend_from_slice(SECRET);
    let mut segment = b"Exif\0\0".to_vec();
    segment.extend_from_slice(&tiff);
    let plain = jpeg(width, height);
    let mut out = plain[..2].to_vec(); // SOI
    out.extend_from_slice(&[0xFF, 0xE1]);
    out.extend_from_slice(&((segment.len() + 2) as u16).to_be_bytes());
    out.extend_from_slice(&segment);
    out.extend_from_slice(&plain[2..]);
    out
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack
        .windows(needle.len())
        .any(|window| window == needle)
}

/// A one-page PDF, the smallest the server accepts (a catalog, its pages, one page, the
/// cross-reference table).
fn pdf() -> Vec<u8> {
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

/// A stored certificate has lost what could run when an agent opens it, and kept its page.
#[tokio::test]
async fn a_certificate_with_a_script_is_stored_without_it() {
    let app = spawn_app().await;
    let cookie = signed_in_family(&app, "prudente@example.fr", "92160").await;
    let with_script = String::from_utf8(pdf())
        .unwrap()
        .replace(
            "/Pages 2 0 R >>",
            "/Pages 2 0 R /OpenAction << /S /JavaScript /JS (app.launchURL) >> >>",
        )
        .into_bytes();
    let id = added_id(
        add(
            &app,
            &cookie,
            body(
                &ines(),
                vec![("bourse_certificate", "application/pdf", with_script)],
            ),
        )
        .await,
    )
    .await;
    let stored = send(
        &app,
        Method::GET,
        &format!("/api/pupils/{id}/bourse-certificate"),
        &cookie,
        None,
    )
    .await
    .bytes()
    .await
    .unwrap();
    assert!(!contains(&stored, b"JavaScript") && !contains(&stored, b"launchURL"));
    assert_eq!(
        lopdf::Document::load_mem(&stored)
            .unwrap()
            .get_pages()
            .len(),
        1
    );
}

/// A one-page PDF of about `size` bytes, most of them its page's content.
fn pdf_of_size(size: usize) -> Vec<u8> {
    use lopdf::{dictionary, Document, Object, Stream};
    let mut document = Document::with_version("1.4");
    let pages = document.new_object_id();
    let content = b"q Q\n".repeat((size - 1000) / 4);
    let content = document.add_object(Stream::new(dictionary! {}, content));
    let page = document.add_object(dictionary! {
        "Type" => "Page", "Parent" => pages, "Contents" => content,
        "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
    });
    let kids = dictionary! { "Type" => "Pages", "Kids" => vec![page.into()], "Count" => 1 };
    document.objects.insert(pages, Object::Dictionary(kids));
    let catalog = document.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages });
    document.trailer.set("Root", catalog);
    let mut out = Vec::new();
    document.save_to(&mut out).unwrap();
    assert!(out.len() <= size, "{} bytes", out.len());
    out
}

/// The files stored, in the database; nothing is ever written to the files folder.
async fn stored_files(app: &TestApp) -> i64 {
    let on_disk = std::fs::read_dir(&app.config.files_dir)
        .map(|entries| entries.count())
        .unwrap_or(0);
    assert_eq!(on_disk, 0, "a file was written to disk");
    sqlx::query_scalar("SELECT COUNT(*) FROM pupil_files")
        .fetch_one(&app.state.pool)
        .await
        .unwrap()
}

#[tokio::test]
async fn a_family_adds_two_pupils_and_the_dashboard_shows_both_grants() {
    let app = spawn_app().await;
    let cookie = signed_in_family(&app, "famille@example.fr", "92160").await;
    let first = add(
        &app,
        &cookie,
        body(
            &ines(),
            vec![("bourse_certificate", "application/pdf", pdf())],
        ),
    )
    .await;
    added_id(first).await;
    let second = pupil("Noé", (2, 9, 2015), COLLEGE_92, false);
    added_id(add(&app, &cookie, body(&second, vec![])).await).await;

    let pupils = list(&app, &cookie).await;
    assert_eq!(pupils.len(), 2);
    let named = |name: &str| pupils.iter().find(|p| p["given_name"] == name).unwrap();
    let (ines, noe) = (named("Inès"), named("Noé"));
    assert_eq!(
        ines["grant"],
        json!({ "euros": 80, "after_validation": 100 })
    );
    assert_eq!(ines["certificate"], "pending");
    assert_eq!(
        noe["grant"],
        json!({ "euros": 80, "after_validation": null })
    );
    assert_eq!(noe["certificate"], "missing");
    assert_eq!(ines["college_uai"], COLLEGE_92);
    assert!(ines["college_name"]
        .as_str()
        .is_some_and(|name| !name.is_empty()));
    assert_eq!(ines["birth_date"], "2014-03-14");
    // START is in November 2027: the 2027-2028 school year.
    assert_eq!(ines["school_year"], 2027);
    let numbers: Vec<&str> = pupils
        .iter()
        .map(|p| p["pass_number"].as_str().unwrap())
        .collect();
    assert_ne!(numbers[0], numbers[1]);
    for number in numbers {
        assert!(validate_pass_number(number).is_ok(), "{number}");
    }
}

#[tokio::test]
async fn the_age_range_is_10_to_18_on_1_september_of_the_school_year() {
    let app = spawn_app().await;
    let cookie = signed_in_family(&app, "famille@example.fr", "92160").await;
    // Ages on 2027-09-01.
    let too_young = pupil("Léa", (2, 9, 2017), COLLEGE_92, false);
    let response = add(&app, &cookie, body(&too_young, vec![])).await;
    assert_eq!(
        field_code(response, "birth_date").await,
        "birth_date_too_young"
    );
    let too_old = pupil("Léa", (1, 9, 2008), COLLEGE_92, false);
    let response = add(&app, &cookie, body(&too_old, vec![])).await;
    assert_eq!(
        field_code(response, "birth_date").await,
        "birth_date_too_old"
    );
    let just_ten = pupil("Léa", (1, 9, 2017), COLLEGE_92, false);
    added_id(add(&app, &cookie, body(&just_ten, vec![])).await).await;
    assert_eq!(list(&app, &cookie).await.len(), 1);
}

#[tokio::test]
async fn living_or_going_to_collège_in_the_92_or_78_makes_a_pupil_eligible() {
    let app = spawn_app().await;
    let paris = signed_in_family(&app, "paris@example.fr", "75015").await;
    let nanterre = signed_in_family(&app, "nanterre@example.fr", "92000").await;

    let at_92 = pupil("Inès", (14, 3, 2014), COLLEGE_92, false);
    added_id(add(&app, &paris, body(&at_92, vec![])).await).await;

    for uai in [COLLEGE_ELSEWHERE, COLLEGE_NOT_RUN] {
        let outside = pupil("Inès", (14, 3, 2014), uai, false);
        let response = add(&app, &paris, body(&outside, vec![])).await;
        assert_eq!(
            field_code(response, "college_uai").await,
            "pupil_not_eligible",
            "{uai}"
        );
    }

    let elsewhere = pupil("Inès", (14, 3, 2014), COLLEGE_ELSEWHERE, false);
    added_id(add(&app, &nanterre, body(&elsewhere, vec![])).await).await;
    let pupils = list(&app, &nanterre).await;
    assert_eq!(pupils[0]["college_name"], Value::Null);
    assert_eq!(list(&app, &paris).await.len(), 1);
}

#[tokio::test]
async fn a_wrong_uai_gets_the_uai_rule_code() {
    let app = spawn_app().await;
    let cookie = signed_in_family(&app, "famille@example.fr", "92160").await;
    let wrong = pupil("Inès", (14, 3, 2014), "0921243C", false);
    let response = add(&app, &cookie, body(&wrong, vec![])).await;
    assert_eq!(
        field_code(response, "college_uai").await,
        "uai_check_letter"
    );
}

#[tokio::test]
async fn refused_files_are_named_and_nothing_is_stored() {
    let app = spawn_app().await;
    let cookie = signed_in_family(&app, "famille@example.fr", "92160").await;
    let cases: Vec<(&'static str, &str, Vec<u8>, &str)> = vec![
        (
            "photo",
            "image/jpeg",
            vec![0xFF; 10 * 1024 * 1024 + 1],
            "file_too_large",
        ),
        (
            "photo",
            "image/jpeg",
            b"une lettre, pas une photo".to_vec(),
            "photo_content_not_allowed",
        ),
        ("photo", "image/png", pdf(), "photo_content_not_allowed"),
        ("photo", "application/pdf", pdf(), "photo_type_not_allowed"),
        (
            "bourse_certificate",
            "application/pdf",
            pdf()[..120].to_vec(),
            "certificate_content_not_allowed",
        ),
        ("photo", "image/jpeg", Vec::new(), "file_empty"),
        (
            "photo",
            "image/jpeg",
            jpeg(64, 64)[..300].to_vec(),
            "image_unreadable",
        ),
        (
            "bourse_certificate",
            "application/pdf",
            b"MZ\x90\0".to_vec(),
            "certificate_content_not_allowed",
        ),
        (
            "bourse_certificate",
            "image/gif",
            b"GIF89a".to_vec(),
            "certificate_type_not_allowed",
        ),
    ];
    for (field, media_type, bytes, code) in cases {
        let response = add(
            &app,
            &cookie,
            body(&ines(), vec![(field, media_type, bytes)]),
        )
        .await;
        assert_eq!(
            field_code(response, field).await,
            code,
            "{field} {media_type}"
        );
    }
    let not_holder = pupil("Noé", (2, 9, 2015), COLLEGE_92, false);
    let response = add(
        &app,
        &cookie,
        body(
            &not_holder,
            vec![("bourse_certificate", "application/pdf", pdf())],
        ),
    )
    .await;
    assert_eq!(
        field_code(response, "bourse_certificate").await,
        "certificate_not_needed"
    );

    assert!(list(&app, &cookie).await.is_empty());
    assert_eq!(stored_files(&app).await, 0);
}

#[tokio::test]
async fn the_photo_served_back_has_no_exif_block_and_stands_upright() {
    let app = spawn_app().await;
    let cookie = signed_in_family(&app, "famille@example.fr", "92160").await;
    let original = jpeg_with_exif(40, 20);
    assert!(contains(&original, b"Exif") && contains(&original, SECRET));
    let id = added_id(
        add(
            &app,
            &cookie,
            body(&ines(), vec![("photo", "image/jpeg", original)]),
        )
        .await,
    )
    .await;

    let response = send(
        &app,
        Method::GET,
        &format!("/api/pupils/{id}/photo"),
        &cookie,
        None,
    )
    .await;
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()["content-type"], "image/jpeg");
    assert_eq!(response.headers()["cache-control"], "private, no-store");
    let served = response.bytes().await.unwrap();
    assert!(!contains(&served, b"Exif"), "an EXIF block was served back");
    assert!(!contains(&served, SECRET));
    assert!(
        !contains(&served, &[0xFF, 0xE1]),
        "an APP1 segment was served back"
    );
    // Orientation 6 was applied, then dropped: the 40×20 picture is now 20×40.
    let image = image::load_from_memory(&served).unwrap();
    assert_eq!((image.width(), image.height()), (20, 40));
    assert_eq!(list(&app, &cookie).await[0]["has_photo"], true);
}

#[tokio::test]
async fn large_photos_are_stored_at_a_bounded_size() {
    let app = spawn_app().await;
    let cookie = signed_in_family(&app, "famille@example.fr", "92160").await;
    let id = added_id(
        add(
            &app,
            &cookie,
            body(&ines(), vec![("photo", "image/jpeg", jpeg(3000, 2000))]),
        )
        .await,
    )
    .await;
    let response = send(
        &app,
        Method::GET,
        &format!("/api/pupils/{id}/photo"),
        &cookie,
        None,
    )
    .await;
    let image = image::load_from_memory(&response.bytes().await.unwrap()).unwrap();
    assert_eq!((image.width(), image.height()), (1000, 667));
}

#[tokio::test]
async fn a_pupil_is_changed_its_certificate_added_later_and_removed_with_its_files() {
    let app = spawn_app().await;
    let cookie = signed_in_family(&app, "famille@example.fr", "92160").await;
    let id = added_id(
        add(
            &app,
            &cookie,
            body(&ines(), vec![("photo", "image/jpeg", jpeg(30, 40))]),
        )
        .await,
    )
    .await;
    let before = list(&app, &cookie).await[0].clone();
    assert_eq!(before["certificate"], "missing");

    let mut changed = ines();
    changed["class"] = json!("4e");
    let path = format!("/api/pupils/{id}");
    let response = send(
        &app,
        Method::PUT,
        &path,
        &cookie,
        Some(body(
            &changed,
            vec![("bourse_certificate", "application/pdf", pdf())],
        )),
    )
    .await;
    assert_eq!(response.status(), 200);
    let after: Value = response.json().await.unwrap();
    assert_eq!(after["class"], "4e");
    assert_eq!(after["certificate"], "pending");
    assert_eq!(after["has_photo"], true);
    assert_eq!(after["pass_number"], before["pass_number"]);
    let certificate = send(
        &app,
        Method::GET,
        &format!("{path}/bourse-certificate"),
        &cookie,
        None,
    )
    .await;
    assert_eq!(certificate.status(), 200);
    assert!(certificate.headers()["content-disposition"]
        .to_str()
        .unwrap()
        .starts_with("attachment"));
    // Stored as the server saved it once disarmed: the same one page.
    let stored = lopdf::Document::load_mem(&certificate.bytes().await.unwrap()).unwrap();
    assert_eq!(stored.get_pages().len(), 1);

    // No longer a bourse holder: the certificate is not kept.
    changed["bourse_holder"] = json!(false);
    let response = send(
        &app,
        Method::PUT,
        &path,
        &cookie,
        Some(body(&changed, vec![])),
    )
    .await;
    assert_eq!(response.status(), 200);
    let after: Value = response.json().await.unwrap();
    assert_eq!(after["certificate"], "missing");
    assert_eq!(stored_files(&app).await, 1);

    let photo_path = format!("{path}/photo");
    assert_eq!(
        send(&app, Method::DELETE, &photo_path, &cookie, None)
            .await
            .status(),
        204
    );
    assert_eq!(
        send(&app, Method::GET, &photo_path, &cookie, None)
            .await
            .status(),
        404
    );
    assert_eq!(stored_files(&app).await, 0);

    let noe = pupil("Noé", (2, 9, 2015), COLLEGE_92, false);
    let id = added_id(
        add(
            &app,
            &cookie,
            body(&noe, vec![("photo", "image/jpeg", jpeg(30, 40))]),
        )
        .await,
    )
    .await;
    assert_eq!(stored_files(&app).await, 1);
    let path = format!("/api/pupils/{id}");
    assert_eq!(
        send(&app, Method::DELETE, &path, &cookie, None)
            .await
            .status(),
        204
    );
    assert_eq!(
        send(&app, Method::GET, &path, &cookie, None).await.status(),
        404
    );
    assert_eq!(stored_files(&app).await, 0);
    assert_eq!(list(&app, &cookie).await.len(), 1);
}

#[tokio::test]
async fn a_refused_change_changes_nothing() {
    let app = spawn_app().await;
    let cookie = signed_in_family(&app, "famille@example.fr", "92160").await;
    let id = added_id(add(&app, &cookie, body(&ines(), vec![])).await).await;
    let before = list(&app, &cookie).await;
    let mut wrong = ines();
    wrong["class"] = json!("2nde");
    wrong["given_name"] = json!("Zoé");
    let response = send(
        &app,
        Method::PUT,
        &format!("/api/pupils/{id}"),
        &cookie,
        Some(body(&wrong, vec![("photo", "image/jpeg", jpeg(30, 40))])),
    )
    .await;
    assert_eq!(field_code(response, "class").await, "class_unknown");
    assert_eq!(list(&app, &cookie).await, before);
    assert_eq!(stored_files(&app).await, 0);
}

#[tokio::test]
async fn another_familys_pupil_ids_find_nothing_on_any_route() {
    let app = spawn_app().await;
    let owner = signed_in_family(&app, "famille@example.fr", "92160").await;
    let other = signed_in_family(&app, "autre@example.fr", "78000").await;
    let id = added_id(
        add(
            &app,
            &owner,
            body(
                &ines(),
                vec![
                    ("photo", "image/jpeg", jpeg(30, 40)),
                    ("bourse_certificate", "application/pdf", pdf()),
                ],
            ),
        )
        .await,
    )
    .await;
    let before = list(&app, &owner).await;

    let pupil_path = format!("/api/pupils/{id}");
    let attempts = [
        (Method::GET, pupil_path.clone(), false),
        (Method::PUT, pupil_path.clone(), true),
        (Method::DELETE, pupil_path.clone(), false),
        (Method::GET, format!("{pupil_path}/photo"), false),
        (Method::DELETE, format!("{pupil_path}/photo"), false),
        (
            Method::GET,
            format!("{pupil_path}/bourse-certificate"),
            false,
        ),
        (
            Method::DELETE,
            format!("{pupil_path}/bourse-certificate"),
            false,
        ),
    ];
    for (method, path, with_body) in attempts {
        let form =
            with_body.then(|| body(&pupil("Intrus", (1, 1, 2014), COLLEGE_92, false), vec![]));
        let response = send(&app, method.clone(), &path, &other, form).await;
        assert_eq!(response.status(), 404, "{method} {path}");
    }
    assert!(list(&app, &other).await.is_empty());
    assert_eq!(list(&app, &owner).await, before);
    assert_eq!(stored_files(&app).await, 2);
}

#[tokio::test]
async fn pupil_routes_need_a_session_and_the_sites_own_origin() {
    let app = spawn_app().await;
    let cookie = signed_in_family(&app, "famille@example.fr", "92160").await;
    let id = added_id(add(&app, &cookie, body(&ines(), vec![])).await).await;
    let path = format!("/api/pupils/{id}");
    for (method, path) in [
        (Method::GET, "/api/pupils".to_owned()),
        (Method::POST, "/api/pupils".to_owned()),
        (Method::GET, path.clone()),
        (Method::PUT, path.clone()),
        (Method::DELETE, path.clone()),
        (Method::GET, format!("{path}/photo")),
    ] {
        let response = app.request(method.clone(), &path).send().await.unwrap();
        assert_eq!(response.status(), 401, "{method} {path}");
    }
    for (method, path) in [
        (Method::POST, "/api/pupils".to_owned()),
        (Method::PUT, path.clone()),
        (Method::DELETE, path.clone()),
        (Method::DELETE, format!("{path}/photo")),
    ] {
        let response = app
            .client
            .request(method.clone(), app.url(&path))
            .header("cookie", &cookie)
            .header("origin", "https://ailleurs.example")
            .multipart(body(&ines(), vec![]))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 403, "{method} {path}");
    }
    assert_eq!(list(&app, &cookie).await.len(), 1);
}

#[tokio::test]
async fn unreadable_bodies_are_400_and_oversized_ones_413() {
    let app = spawn_app().await;
    let cookie = signed_in_family(&app, "famille@example.fr", "92160").await;
    let no_pupil = Form::new().text("other", "x");
    assert_eq!(add(&app, &cookie, no_pupil).await.status(), 400);
    let not_json = Form::new().text("pupil", "{not json");
    assert_eq!(add(&app, &cookie, not_json).await.status(), 400);
    let json_body = app
        .request(Method::POST, "/api/pupils")
        .header("cookie", &cookie)
        .json(&ines())
        .send()
        .await
        .unwrap();
    assert_eq!(json_body.status(), 400);
    let huge = body(
        &ines(),
        vec![
            ("photo", "image/jpeg", vec![0xFF; 10 * 1024 * 1024]),
            (
                "bourse_certificate",
                "application/pdf",
                vec![b'%'; 10 * 1024 * 1024],
            ),
            ("photo", "image/jpeg", vec![0xFF; 1024 * 1024]),
        ],
    );
    let response = add(&app, &cookie, huge).await;
    assert_eq!(response.status(), 413);
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["error"], "too_large");
    // A part sent twice is refused, whichever part it is.
    let photo = ("photo", "image/jpeg", jpeg(40, 30));
    let twice = self::body(&ines(), vec![photo.clone(), photo]);
    assert_eq!(add(&app, &cookie, twice).await.status(), 400);
    let two_pupils = self::body(&ines(), vec![]).text("pupil", ines().to_string());
    assert_eq!(add(&app, &cookie, two_pupils).await.status(), 400);
    assert!(list(&app, &cookie).await.is_empty());
}

#[tokio::test]
async fn a_body_declared_over_the_limit_is_refused_before_it_is_sent() {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let app = spawn_app().await;
    let cookie = signed_in_family(&app, "famille@example.fr", "92160").await;
    let host = app.address.trim_start_matches("http://");
    let mut stream = tokio::net::TcpStream::connect(host).await.unwrap();
    let request = format!(
        "POST /api/pupils HTTP/1.1\r\nHost: {host}\r\nOrigin: {}\r\nCookie: {cookie}\r\n\
         Content-Type: multipart/form-data; boundary=x\r\nContent-Length: 30000000\r\n\r\n--x",
        app.address
    );
    stream.write_all(request.as_bytes()).await.unwrap();
    // Answered at once: nothing more of the body is sent.
    let mut answer = String::new();
    while !answer.contains("too_large") {
        let mut chunk = vec![0u8; 512];
        let read = tokio::time::timeout(std::time::Duration::from_secs(5), stream.read(&mut chunk))
            .await
            .expect("answered before the body")
            .unwrap();
        if read == 0 {
            break;
        }
        answer.push_str(&String::from_utf8_lossy(&chunk[..read]));
    }
    assert!(answer.starts_with("HTTP/1.1 413"), "{answer}");
    assert!(answer.contains("too_large"), "{answer}");
}

#[tokio::test]
async fn an_enrolled_pupil_can_still_be_changed_once_families_apply_for_the_next_year() {
    let app = spawn_app().await;
    let email = "famille@example.fr";
    let cookie = signed_in_family(&app, email, "92160").await;
    // 18 on 1 September 2027 (the school year being applied for at START), 19 a year later.
    let oldest = pupil("Yanis", (1, 9, 2009), COLLEGE_92, false);
    let id = added_id(add(&app, &cookie, body(&oldest, vec![])).await).await;

    // 12 July 2028: families now apply for 2028-2029.
    let july_2028 = 1_846_972_800;
    app.clock.advance(july_2028 - START);
    let cookie = session_cookie(&log_in(&app, email, FAMILY_PASSWORD).await);
    let mut changed = oldest.clone();
    changed["class"] = json!("3e");
    let response = send(
        &app,
        Method::PUT,
        &format!("/api/pupils/{id}"),
        &cookie,
        Some(body(&changed, vec![])),
    )
    .await;
    assert_eq!(response.status(), 200);
    let after: Value = response.json().await.unwrap();
    assert_eq!(after["school_year"], 2027);
    // A new pupil with that birth date is counted for 2028-2029: too old.
    let response = add(&app, &cookie, body(&oldest, vec![])).await;
    assert_eq!(
        field_code(response, "birth_date").await,
        "birth_date_too_old"
    );
}

async fn photo_bytes(app: &TestApp, cookie: &str, id: &str) -> Vec<u8> {
    let response = send(
        app,
        Method::GET,
        &format!("/api/pupils/{id}/photo"),
        cookie,
        None,
    )
    .await;
    assert_eq!(response.status(), 200);
    response.bytes().await.unwrap().to_vec()
}

#[tokio::test]
async fn a_photo_added_through_one_server_is_read_through_another() {
    let first = spawn_app().await;
    let cookie = signed_in_family(&first, "deux-serveurs@example.fr", "92160").await;
    let id = added_id(
        add(
            &first,
            &cookie,
            body(&ines(), vec![("photo", "image/jpeg", jpeg(300, 400))]),
        )
        .await,
    )
    .await;
    // Another instance on the same database, as behind a load balancer, with a files folder of
    // its own.
    let second = crate::helpers::spawn_app_with(
        first.config.database_url.expose_secret().to_owned(),
        std::sync::Arc::new(tempfile::tempdir().unwrap()),
        None,
    )
    .await;
    let through_first = photo_bytes(&first, &cookie, &id).await;
    let through_second = photo_bytes(&second, &cookie, &id).await;
    assert_eq!(through_first, through_second);
    assert!(through_second.starts_with(&[0xFF, 0xD8]));
}

#[tokio::test]
async fn a_file_an_earlier_version_kept_on_disk_moves_into_the_database_at_start() {
    let app = spawn_app().await;
    let cookie = signed_in_family(&app, "ancienne-version@example.fr", "92160").await;
    let id = added_id(
        add(
            &app,
            &cookie,
            body(&ines(), vec![("photo", "image/jpeg", jpeg(300, 400))]),
        )
        .await,
    )
    .await;
    let served = photo_bytes(&app, &cookie, &id).await;
    // As the earlier version left it: the bytes in a file named by the row's id.
    let file_id: String = sqlx::query_scalar("SELECT id FROM pupil_files")
        .fetch_one(&app.state.pool)
        .await
        .unwrap();
    std::fs::create_dir_all(&app.config.files_dir).unwrap();
    std::fs::write(app.config.files_dir.join(&file_id), &served).unwrap();
    sqlx::query("UPDATE pupil_files SET content = NULL")
        .execute(&app.state.pool)
        .await
        .unwrap();
    assert_eq!(
        send(
            &app,
            Method::GET,
            &format!("/api/pupils/{id}/photo"),
            &cookie,
            None
        )
        .await
        .status(),
        404
    );

    let app = restart(app).await;
    assert_eq!(photo_bytes(&app, &cookie, &id).await, served);
    assert_eq!(stored_files(&app).await, 1);
}

#[tokio::test]
async fn a_family_keeps_ten_pupils_at_most() {
    let app = spawn_app().await;
    let cookie = signed_in_family(&app, "nombreuse@example.fr", "92160").await;
    for index in 0..10 {
        let name = format!("Enfant{}", (b'A' + index) as char);
        let added = add(
            &app,
            &cookie,
            body(&pupil(&name, (3, 4, 2014), COLLEGE_92, false), vec![]),
        )
        .await;
        assert_eq!(added.status(), 201, "pupil {index}");
    }
    let eleventh = add(&app, &cookie, body(&ines(), vec![])).await;
    assert_eq!(eleventh.status(), 409);
    let code: Value = eleventh.json().await.unwrap();
    assert_eq!(code["error"], "too_many_pupils");
    assert_eq!(list(&app, &cookie).await.len(), 10);
}

#[tokio::test]
async fn a_familys_files_are_kept_within_60_mib() {
    let app = spawn_app().await;
    let cookie = signed_in_family(&app, "archiviste@example.fr", "92160").await;
    // Certificates are kept (disarmed, saved again at about their size): each just under the
    // 10 MiB a file may weigh.
    let big_pdf = pdf_of_size(passplus_validation::upload::MAX_BYTES as usize - 1024);
    for index in 0..6 {
        let name = format!("Boursier{}", (b'A' + index) as char);
        let added = add(
            &app,
            &cookie,
            body(
                &pupil(&name, (3, 4, 2014), COLLEGE_92, true),
                vec![("bourse_certificate", "application/pdf", big_pdf.clone())],
            ),
        )
        .await;
        assert_eq!(added.status(), 201, "pupil {index}");
    }
    let over = add(
        &app,
        &cookie,
        body(
            &pupil("Septieme", (3, 4, 2014), COLLEGE_92, true),
            vec![("bourse_certificate", "application/pdf", big_pdf.clone())],
        ),
    )
    .await;
    assert_eq!(over.status(), 409);
    let code: Value = over.json().await.unwrap();
    assert_eq!(code["error"], "files_quota_reached");
    assert_eq!(list(&app, &cookie).await.len(), 6, "nothing was added");
    // Replacing a certificate by one of the same size is not adding one.
    let first = list(&app, &cookie).await[0]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let first_pupil = list(&app, &cookie).await[0].clone();
    let replaced = send(
        &app,
        Method::PUT,
        &format!("/api/pupils/{first}"),
        &cookie,
        Some(body(
            &pupil(
                first_pupil["given_name"].as_str().unwrap(),
                (3, 4, 2014),
                COLLEGE_92,
                true,
            ),
            vec![("bourse_certificate", "application/pdf", big_pdf)],
        )),
    )
    .await;
    assert_eq!(replaced.status(), 200);
}

#[tokio::test]
async fn a_familys_third_upload_waits_for_its_two_but_a_change_without_files_does_not() {
    let app = spawn_app().await;
    let cookie = signed_in_family(&app, "trois.envois@example.fr", "92000").await;
    let held = [
        HeldUpload::start(&app.address, &cookie, 64 * 1024).await,
        HeldUpload::start(&app.address, &cookie, 64 * 1024).await,
    ];
    // Both turns are taken once the server reads their photo parts, within moments; a third
    // upload sent before that could take the second turn itself, so it waits a little.
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    let photo = ("photo", "image/jpeg", jpeg(40, 30));
    let third = add(&app, &cookie, body(&ines(), vec![photo.clone()])).await;
    assert_eq!(third.status(), 429);
    let refusal: Value = third.json().await.unwrap();
    assert_eq!(refusal["error"], "uploads_in_progress");
    // A pupil without files needs no upload turn.
    let without_files = add(
        &app,
        &cookie,
        body(&pupil("Noé", (2, 9, 2015), COLLEGE_92, false), vec![]),
    )
    .await;
    assert_eq!(without_files.status(), 201);
    for upload in held {
        assert!(upload.finish().await.contains(" 422 "));
    }
    let after = add(&app, &cookie, body(&ines(), vec![photo])).await;
    assert_eq!(after.status(), 201);
}

#[tokio::test]
async fn the_same_child_twice_is_refused_whatever_the_case_and_accents() {
    let app = spawn_app().await;
    let cookie = signed_in_family(&app, "famille@example.fr", "92160").await;
    let first = added_id(add(&app, &cookie, body(&ines(), vec![])).await).await;
    let mut again = ines();
    again["given_name"] = json!("INES");
    again["family_name"] = json!("  martin ");
    let refused = add(&app, &cookie, body(&again, vec![])).await;
    assert_eq!(refused.status(), 409);
    let refusal: Value = refused.json().await.unwrap();
    assert_eq!(refusal["error"], "pupil_already_added");
    assert_eq!(list(&app, &cookie).await.len(), 1);
    // A twin (another name, same date) is welcome; the child itself can still be changed.
    let mut twin = ines();
    twin["given_name"] = json!("Inaya");
    let twin_id = added_id(add(&app, &cookie, body(&twin, vec![])).await).await;
    let changed = send(
        &app,
        Method::PUT,
        &format!("/api/pupils/{first}"),
        &cookie,
        Some(body(&ines(), vec![])),
    )
    .await;
    assert_eq!(changed.status(), 200);
    // But a twin cannot be changed into the other child.
    let merged = send(
        &app,
        Method::PUT,
        &format!("/api/pupils/{twin_id}"),
        &cookie,
        Some(body(&ines(), vec![])),
    )
    .await;
    assert_eq!(merged.status(), 409);
}
