//! A pupil's files (the server's `pupils/file_routes`, `images` and `pdfs`): what is accepted,
//! how photos and certificates are cleaned before they are kept, where they are kept (the
//! database, for every instance), and the limits on uploading them.

use passplus_validation::codes::refusal;
use reqwest::multipart::Form;
use reqwest::Method;
use secrecy::ExposeSecret;

use crate::held_upload::HeldUpload;
use crate::helpers::pupils::{ines, jpeg, pdf, pupil, pupil_body, stored_files, COLLEGE_92};
use crate::helpers::{error_code, field_code, restart, spawn_app, spawn_app_with};

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

/// A stored certificate has lost what could run when an agent opens it, and kept its page.
#[tokio::test]
async fn a_certificate_with_a_script_is_stored_without_it() {
    let app = spawn_app().await;
    let family = app.signed_in_family("prudente@example.fr", "92160").await;
    let with_script = String::from_utf8(pdf())
        .unwrap()
        .replace(
            "/Pages 2 0 R >>",
            "/Pages 2 0 R /OpenAction << /S /JavaScript /JS (app.launchURL) >> >>",
        )
        .into_bytes();
    let id = family
        .added_pupil(pupil_body(
            &ines(),
            vec![("bourse_certificate", "application/pdf", with_script)],
        ))
        .await;
    let stored = family
        .get(&format!("/api/pupils/{id}/bourse-certificate"))
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

#[tokio::test]
async fn refused_files_are_named_and_nothing_is_stored() {
    let app = spawn_app().await;
    let family = app.signed_in_family("famille@example.fr", "92160").await;
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
        let response = family
            .add_pupil(pupil_body(&ines(), vec![(field, media_type, bytes)]))
            .await;
        assert_eq!(
            field_code(response, field).await,
            code,
            "{field} {media_type}"
        );
    }
    let not_holder = pupil("Noé", (2, 9, 2015), COLLEGE_92, false);
    let response = family
        .add_pupil(pupil_body(
            &not_holder,
            vec![("bourse_certificate", "application/pdf", pdf())],
        ))
        .await;
    assert_eq!(
        field_code(response, "bourse_certificate").await,
        "certificate_not_needed"
    );

    assert!(family.pupils().await.is_empty());
    assert_eq!(stored_files(&app).await, 0);
}

#[tokio::test]
async fn the_photo_served_back_has_no_exif_block_and_stands_upright() {
    let app = spawn_app().await;
    let family = app.signed_in_family("famille@example.fr", "92160").await;
    let original = jpeg_with_exif(40, 20);
    assert!(contains(&original, b"Exif") && contains(&original, SECRET));
    let id = family
        .added_pupil(pupil_body(&ines(), vec![("photo", "image/jpeg", original)]))
        .await;

    let response = family.get(&format!("/api/pupils/{id}/photo")).await;
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
    assert_eq!(family.pupils().await[0]["has_photo"], true);
}

#[tokio::test]
async fn large_photos_are_stored_at_a_bounded_size() {
    let app = spawn_app().await;
    let family = app.signed_in_family("famille@example.fr", "92160").await;
    let id = family
        .added_pupil(pupil_body(
            &ines(),
            vec![("photo", "image/jpeg", jpeg(3000, 2000))],
        ))
        .await;
    let response = family.get(&format!("/api/pupils/{id}/photo")).await;
    let image = image::load_from_memory(&response.bytes().await.unwrap()).unwrap();
    assert_eq!((image.width(), image.height()), (1000, 667));
}

#[tokio::test]
async fn unreadable_bodies_are_400_and_oversized_ones_413() {
    let app = spawn_app().await;
    let family = app.signed_in_family("famille@example.fr", "92160").await;
    let no_pupil = Form::new().text("other", "x");
    assert_eq!(family.add_pupil(no_pupil).await.status(), 400);
    let not_json = Form::new().text("pupil", "{not json");
    assert_eq!(family.add_pupil(not_json).await.status(), 400);
    let json_body = family.post_json("/api/pupils", &ines()).await;
    assert_eq!(json_body.status(), 400);
    let huge = pupil_body(
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
    let response = family.add_pupil(huge).await;
    assert_eq!(response.status(), 413);
    assert_eq!(error_code(response).await, refusal::TOO_LARGE);
    // A part sent twice is refused, whichever part it is.
    let photo = ("photo", "image/jpeg", jpeg(40, 30));
    let twice = pupil_body(&ines(), vec![photo.clone(), photo]);
    assert_eq!(family.add_pupil(twice).await.status(), 400);
    let two_pupils = pupil_body(&ines(), vec![]).text("pupil", ines().to_string());
    assert_eq!(family.add_pupil(two_pupils).await.status(), 400);
    assert!(family.pupils().await.is_empty());
}

#[tokio::test]
async fn a_body_declared_over_the_limit_is_refused_before_it_is_sent() {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let app = spawn_app().await;
    let family = app.signed_in_family("famille@example.fr", "92160").await;
    let host = app.address.trim_start_matches("http://");
    let mut stream = tokio::net::TcpStream::connect(host).await.unwrap();
    let request = format!(
        "POST /api/pupils HTTP/1.1\r\nHost: {host}\r\nOrigin: {}\r\nCookie: {}\r\n\
         Content-Type: multipart/form-data; boundary=x\r\nContent-Length: 30000000\r\n\r\n--x",
        app.address,
        family.cookie_header()
    );
    stream.write_all(request.as_bytes()).await.unwrap();
    // Answered at once: nothing more of the body is sent.
    let mut answer = String::new();
    while !answer.contains(refusal::TOO_LARGE) {
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
    assert!(answer.contains(refusal::TOO_LARGE), "{answer}");
}

#[tokio::test]
async fn a_photo_added_through_one_server_is_read_through_another() {
    let first = spawn_app().await;
    let family = first
        .signed_in_family("deux-serveurs@example.fr", "92160")
        .await;
    let id = family
        .added_pupil(pupil_body(
            &ines(),
            vec![("photo", "image/jpeg", jpeg(300, 400))],
        ))
        .await;
    // Another instance on the same database, as behind a load balancer, with a files folder of
    // its own.
    let second = spawn_app_with(
        first.config.database_url.expose_secret().to_owned(),
        std::sync::Arc::new(tempfile::tempdir().unwrap()),
        None,
    )
    .await;
    let through_first = family.photo(&id).await;
    let through_second = family.through(&second).photo(&id).await;
    assert_eq!(through_first, through_second);
    assert!(through_second.starts_with(&[0xFF, 0xD8]));
}

#[tokio::test]
async fn a_file_an_earlier_version_kept_on_disk_moves_into_the_database_at_start() {
    let app = spawn_app().await;
    let family = app
        .signed_in_family("ancienne-version@example.fr", "92160")
        .await;
    let id = family
        .added_pupil(pupil_body(
            &ines(),
            vec![("photo", "image/jpeg", jpeg(300, 400))],
        ))
        .await;
    let served = family.photo(&id).await;
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
        family
            .get(&format!("/api/pupils/{id}/photo"))
            .await
            .status(),
        404
    );

    let app = restart(app).await;
    assert_eq!(family.through(&app).photo(&id).await, served);
    assert_eq!(stored_files(&app).await, 1);
}

#[tokio::test]
async fn a_familys_files_are_kept_within_60_mib() {
    let app = spawn_app().await;
    let family = app.signed_in_family("archiviste@example.fr", "92160").await;
    // Certificates are kept (disarmed, saved again at about their size): each just under the
    // 10 MiB a file may weigh.
    let big_pdf = pdf_of_size(passplus_validation::upload::MAX_BYTES as usize - 1024);
    for index in 0..6 {
        let name = format!("Boursier{}", (b'A' + index) as char);
        let added = family
            .add_pupil(pupil_body(
                &pupil(&name, (3, 4, 2014), COLLEGE_92, true),
                vec![("bourse_certificate", "application/pdf", big_pdf.clone())],
            ))
            .await;
        assert_eq!(added.status(), 201, "pupil {index}");
    }
    let over = family
        .add_pupil(pupil_body(
            &pupil("Septieme", (3, 4, 2014), COLLEGE_92, true),
            vec![("bourse_certificate", "application/pdf", big_pdf.clone())],
        ))
        .await;
    assert_eq!(over.status(), 409);
    assert_eq!(error_code(over).await, refusal::FILES_QUOTA_REACHED);
    assert_eq!(family.pupils().await.len(), 6, "nothing was added");
    // Replacing a certificate by one of the same size is not adding one.
    let first = family.pupils().await[0]["id"].as_str().unwrap().to_owned();
    let first_pupil = family.pupils().await[0].clone();
    let replaced = family
        .send_multipart(
            Method::PUT,
            &format!("/api/pupils/{first}"),
            pupil_body(
                &pupil(
                    first_pupil["given_name"].as_str().unwrap(),
                    (3, 4, 2014),
                    COLLEGE_92,
                    true,
                ),
                vec![("bourse_certificate", "application/pdf", big_pdf)],
            ),
        )
        .await;
    assert_eq!(replaced.status(), 200);
}

#[tokio::test]
async fn a_familys_third_upload_waits_for_its_two_but_a_change_without_files_does_not() {
    let app = spawn_app().await;
    let family = app
        .signed_in_family("trois.envois@example.fr", "92000")
        .await;
    let held = [
        HeldUpload::start(&app.address, &family.cookie_header(), 64 * 1024).await,
        HeldUpload::start(&app.address, &family.cookie_header(), 64 * 1024).await,
    ];
    // Both turns are taken once the server reads their photo parts, within moments; a third
    // upload sent before that could take the second turn itself, so it waits a little.
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    let photo = ("photo", "image/jpeg", jpeg(40, 30));
    let third = family
        .add_pupil(pupil_body(&ines(), vec![photo.clone()]))
        .await;
    assert_eq!(third.status(), 429);
    assert_eq!(error_code(third).await, refusal::UPLOADS_IN_PROGRESS);
    // A pupil without files needs no upload turn.
    let without_files = family
        .add_pupil(pupil_body(
            &pupil("Noé", (2, 9, 2015), COLLEGE_92, false),
            vec![],
        ))
        .await;
    assert_eq!(without_files.status(), 201);
    for upload in held {
        assert!(upload.finish().await.contains(" 422 "));
    }
    let after = family.add_pupil(pupil_body(&ines(), vec![photo])).await;
    assert_eq!(after.status(), 201);
}
