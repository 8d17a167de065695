//! A family's pupils through the API (the server's `pupils/routes`): adding them, the age and
//! eligibility rules, the dashboard's grants, changing and removing them, how many a family
//! keeps — and another family's ids finding nothing on any route. Their files are in
//! `pupil_files.rs`.

use passplus_validation::codes::refusal;
use passplus_validation::pass_number::validate_pass_number;
use reqwest::Method;
use serde_json::{json, Value};

use crate::helpers::pupils::{
    ines, jpeg, pdf, pupil, pupil_body, stored_files, COLLEGE_92, COLLEGE_ELSEWHERE,
    COLLEGE_NOT_RUN,
};
use crate::helpers::{error_code, field_code, spawn_app, FAMILY_PASSWORD, START};

#[tokio::test]
async fn a_family_adds_two_pupils_and_the_dashboard_shows_both_grants() {
    let app = spawn_app().await;
    let family = app.signed_in_family("famille@example.fr", "92160").await;
    family
        .added_pupil(pupil_body(
            &ines(),
            vec![("bourse_certificate", "application/pdf", pdf())],
        ))
        .await;
    let second = pupil("Noé", (2, 9, 2015), COLLEGE_92, false);
    family.added_pupil(pupil_body(&second, vec![])).await;

    let pupils = family.pupils().await;
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
    let family = app.signed_in_family("famille@example.fr", "92160").await;
    // Ages on 2027-09-01.
    let too_young = pupil("Léa", (2, 9, 2017), COLLEGE_92, false);
    let response = family.add_pupil(pupil_body(&too_young, vec![])).await;
    assert_eq!(
        field_code(response, "birth_date").await,
        "birth_date_too_young"
    );
    let too_old = pupil("Léa", (1, 9, 2008), COLLEGE_92, false);
    let response = family.add_pupil(pupil_body(&too_old, vec![])).await;
    assert_eq!(
        field_code(response, "birth_date").await,
        "birth_date_too_old"
    );
    let just_ten = pupil("Léa", (1, 9, 2017), COLLEGE_92, false);
    family.added_pupil(pupil_body(&just_ten, vec![])).await;
    assert_eq!(family.pupils().await.len(), 1);
}

#[tokio::test]
async fn living_or_going_to_collège_in_the_92_or_78_makes_a_pupil_eligible() {
    let app = spawn_app().await;
    let paris = app.signed_in_family("paris@example.fr", "75015").await;
    let nanterre = app.signed_in_family("nanterre@example.fr", "92000").await;

    let at_92 = pupil("Inès", (14, 3, 2014), COLLEGE_92, false);
    paris.added_pupil(pupil_body(&at_92, vec![])).await;

    for uai in [COLLEGE_ELSEWHERE, COLLEGE_NOT_RUN] {
        let outside = pupil("Inès", (14, 3, 2014), uai, false);
        let response = paris.add_pupil(pupil_body(&outside, vec![])).await;
        assert_eq!(
            field_code(response, "college_uai").await,
            "pupil_not_eligible",
            "{uai}"
        );
    }

    let elsewhere = pupil("Inès", (14, 3, 2014), COLLEGE_ELSEWHERE, false);
    nanterre.added_pupil(pupil_body(&elsewhere, vec![])).await;
    let pupils = nanterre.pupils().await;
    assert_eq!(pupils[0]["college_name"], Value::Null);
    assert_eq!(paris.pupils().await.len(), 1);
}

#[tokio::test]
async fn a_wrong_uai_gets_the_uai_rule_code() {
    let app = spawn_app().await;
    let family = app.signed_in_family("famille@example.fr", "92160").await;
    let wrong = pupil("Inès", (14, 3, 2014), "0921243C", false);
    let response = family.add_pupil(pupil_body(&wrong, vec![])).await;
    assert_eq!(
        field_code(response, "college_uai").await,
        "uai_check_letter"
    );
}

#[tokio::test]
async fn a_pupil_is_changed_its_certificate_added_later_and_removed_with_its_files() {
    let app = spawn_app().await;
    let family = app.signed_in_family("famille@example.fr", "92160").await;
    let id = family
        .added_pupil(pupil_body(
            &ines(),
            vec![("photo", "image/jpeg", jpeg(30, 40))],
        ))
        .await;
    let before = family.pupils().await[0].clone();
    assert_eq!(before["certificate"], "missing");

    let mut changed = ines();
    changed["class"] = json!("4e");
    let path = format!("/api/pupils/{id}");
    let response = family
        .send_multipart(
            Method::PUT,
            &path,
            pupil_body(
                &changed,
                vec![("bourse_certificate", "application/pdf", pdf())],
            ),
        )
        .await;
    assert_eq!(response.status(), 200);
    let after: Value = response.json().await.unwrap();
    assert_eq!(after["class"], "4e");
    assert_eq!(after["certificate"], "pending");
    assert_eq!(after["has_photo"], true);
    assert_eq!(after["pass_number"], before["pass_number"]);
    let certificate = family.get(&format!("{path}/bourse-certificate")).await;
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
    let response = family
        .send_multipart(Method::PUT, &path, pupil_body(&changed, vec![]))
        .await;
    assert_eq!(response.status(), 200);
    let after: Value = response.json().await.unwrap();
    assert_eq!(after["certificate"], "missing");
    assert_eq!(stored_files(&app).await, 1);

    let photo_path = format!("{path}/photo");
    assert_eq!(family.delete(&photo_path).await.status(), 204);
    assert_eq!(family.get(&photo_path).await.status(), 404);
    assert_eq!(stored_files(&app).await, 0);

    let noe = pupil("Noé", (2, 9, 2015), COLLEGE_92, false);
    let id = family
        .added_pupil(pupil_body(
            &noe,
            vec![("photo", "image/jpeg", jpeg(30, 40))],
        ))
        .await;
    assert_eq!(stored_files(&app).await, 1);
    let path = format!("/api/pupils/{id}");
    assert_eq!(family.delete(&path).await.status(), 204);
    assert_eq!(family.get(&path).await.status(), 404);
    assert_eq!(stored_files(&app).await, 0);
    assert_eq!(family.pupils().await.len(), 1);
}

#[tokio::test]
async fn a_refused_change_changes_nothing() {
    let app = spawn_app().await;
    let family = app.signed_in_family("famille@example.fr", "92160").await;
    let id = family.added_pupil(pupil_body(&ines(), vec![])).await;
    let before = family.pupils().await;
    let mut wrong = ines();
    wrong["class"] = json!("2nde");
    wrong["given_name"] = json!("Zoé");
    let response = family
        .send_multipart(
            Method::PUT,
            &format!("/api/pupils/{id}"),
            pupil_body(&wrong, vec![("photo", "image/jpeg", jpeg(30, 40))]),
        )
        .await;
    assert_eq!(field_code(response, "class").await, "class_unknown");
    assert_eq!(family.pupils().await, before);
    assert_eq!(stored_files(&app).await, 0);
}

#[tokio::test]
async fn another_familys_pupil_ids_find_nothing_on_any_route() {
    let app = spawn_app().await;
    let owner = app.signed_in_family("famille@example.fr", "92160").await;
    let other = app.signed_in_family("autre@example.fr", "78000").await;
    let id = owner
        .added_pupil(pupil_body(
            &ines(),
            vec![
                ("photo", "image/jpeg", jpeg(30, 40)),
                ("bourse_certificate", "application/pdf", pdf()),
            ],
        ))
        .await;
    let before = owner.pupils().await;

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
        let mut request = other.request(method.clone(), &path);
        if with_body {
            let intruder = pupil("Intrus", (1, 1, 2014), COLLEGE_92, false);
            request = request.multipart(pupil_body(&intruder, vec![]));
        }
        let response = other.send(request).await;
        assert_eq!(response.status(), 404, "{method} {path}");
    }
    assert!(other.pupils().await.is_empty());
    assert_eq!(owner.pupils().await, before);
    assert_eq!(stored_files(&app).await, 2);
}

#[tokio::test]
async fn pupil_routes_need_a_session_and_the_sites_own_origin() {
    let app = spawn_app().await;
    let family = app.signed_in_family("famille@example.fr", "92160").await;
    let id = family.added_pupil(pupil_body(&ines(), vec![])).await;
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
        let request = family
            .request_from("https://ailleurs.example", method.clone(), &path)
            .multipart(pupil_body(&ines(), vec![]));
        let response = family.send(request).await;
        assert_eq!(response.status(), 403, "{method} {path}");
    }
    assert_eq!(family.pupils().await.len(), 1);
}

#[tokio::test]
async fn an_enrolled_pupil_can_still_be_changed_once_families_apply_for_the_next_year() {
    let app = spawn_app().await;
    let email = "famille@example.fr";
    let family = app.signed_in_family(email, "92160").await;
    // 18 on 1 September 2027 (the school year being applied for at START), 19 a year later.
    let oldest = pupil("Yanis", (1, 9, 2009), COLLEGE_92, false);
    let id = family.added_pupil(pupil_body(&oldest, vec![])).await;

    // 12 July 2028: families now apply for 2028-2029.
    let july_2028 = 1_846_972_800;
    app.clock.advance(july_2028 - START);
    let family = app.log_in_as_family(email, FAMILY_PASSWORD).await;
    let mut changed = oldest.clone();
    changed["class"] = json!("3e");
    let response = family
        .send_multipart(
            Method::PUT,
            &format!("/api/pupils/{id}"),
            pupil_body(&changed, vec![]),
        )
        .await;
    assert_eq!(response.status(), 200);
    let after: Value = response.json().await.unwrap();
    assert_eq!(after["school_year"], 2027);
    // A new pupil with that birth date is counted for 2028-2029: too old.
    let response = family.add_pupil(pupil_body(&oldest, vec![])).await;
    assert_eq!(
        field_code(response, "birth_date").await,
        "birth_date_too_old"
    );
}

#[tokio::test]
async fn a_family_keeps_ten_pupils_at_most() {
    let app = spawn_app().await;
    let family = app.signed_in_family("nombreuse@example.fr", "92160").await;
    for index in 0..10 {
        let name = format!("Enfant{}", (b'A' + index) as char);
        let added = family
            .add_pupil(pupil_body(
                &pupil(&name, (3, 4, 2014), COLLEGE_92, false),
                vec![],
            ))
            .await;
        assert_eq!(added.status(), 201, "pupil {index}");
    }
    let eleventh = family.add_pupil(pupil_body(&ines(), vec![])).await;
    assert_eq!(eleventh.status(), 409);
    assert_eq!(error_code(eleventh).await, refusal::TOO_MANY_PUPILS);
    assert_eq!(family.pupils().await.len(), 10);
}

#[tokio::test]
async fn the_same_child_twice_is_refused_whatever_the_case_and_accents() {
    let app = spawn_app().await;
    let family = app.signed_in_family("famille@example.fr", "92160").await;
    let first = family.added_pupil(pupil_body(&ines(), vec![])).await;
    let mut again = ines();
    again["given_name"] = json!("INES");
    again["family_name"] = json!("  martin ");
    let refused = family.add_pupil(pupil_body(&again, vec![])).await;
    assert_eq!(refused.status(), 409);
    assert_eq!(error_code(refused).await, refusal::PUPIL_ALREADY_ADDED);
    assert_eq!(family.pupils().await.len(), 1);
    // A twin (another name, same date) is welcome; the child itself can still be changed.
    let mut twin = ines();
    twin["given_name"] = json!("Inaya");
    let twin_id = family.added_pupil(pupil_body(&twin, vec![])).await;
    let changed = family
        .send_multipart(
            Method::PUT,
            &format!("/api/pupils/{first}"),
            pupil_body(&ines(), vec![]),
        )
        .await;
    assert_eq!(changed.status(), 200);
    // But a twin cannot be changed into the other child.
    let merged = family
        .send_multipart(
            Method::PUT,
            &format!("/api/pupils/{twin_id}"),
            pupil_body(&ines(), vec![]),
        )
        .await;
    assert_eq!(merged.status(), 409);
}
