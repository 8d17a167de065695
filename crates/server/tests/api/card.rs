//! The pupil's card through the API (the server's `card/`): opened with the Pass+ number and
//! date of birth (one answer for a wrong number or a wrong date, counted per number), read with
//! the key the device keeps, showing only the card's fields; a parent's personal link with its
//! QR code, its last use, and its revocation ending access at once; another family finding
//! nothing, and changes from another site refused.

use passplus_validation::codes::refusal;
use passplus_validation::pass_number::grouped;
use reqwest::Method;
use serde_json::{json, Value};

use crate::helpers::canteen::enrolment;
use crate::helpers::{
    assert_refused_from_other_sites, error_code, field_code, spawn_app, Family, TestApp,
};

/// A family with Inès (born 1 March 2014) enrolled on Monday and Thursday from Monday
/// 2 November 2026, 10:00, her meal of Thursday 5 November cancelled: the family and her id
/// and Pass+ number.
async fn enrolled_pupil(app: &TestApp) -> (Family, String, String) {
    let (family, pupils) = app
        .canteen_family("famille@example.fr", "2026-11-02", &["Inès"])
        .await;
    let id = family
        .enrolled(&enrolment(2026, &pupils, &["monday", "thursday"]))
        .await
        .remove(0);
    assert_eq!(
        family.change_meal(&id, "2026-11-05", true).await.status(),
        200
    );
    let number = family.pupils().await[0]["pass_number"]
        .as_str()
        .unwrap()
        .to_owned();
    (family, pupils[0].clone(), number)
}

fn opening(number: &str, day: &str) -> Value {
    json!({ "pass_number": number, "birth_date": { "day": day, "month": "3", "year": "2014" } })
}

async fn card_with(browser: &Family, key: &str) -> reqwest::Response {
    browser
        .send(browser.request(Method::GET, "/api/card").bearer_auth(key))
        .await
}

#[tokio::test]
async fn a_card_opened_with_the_number_and_birth_date_shows_only_its_fields() {
    let app = spawn_app().await;
    let (_, _, number) = enrolled_pupil(&app).await;
    let phone = app.browser();

    let opened = phone
        .post_json("/api/card/accesses", &opening(&grouped(&number), "1"))
        .await;
    assert_eq!(opened.status(), 201);
    let opened: Value = opened.json().await.unwrap();
    let card = &opened["card"];
    let mut fields: Vec<&String> = card.as_object().unwrap().keys().collect();
    fields.sort();
    assert_eq!(
        fields,
        [
            "college_name",
            "given_name",
            "next_days",
            "school_year",
            "today",
            "updated_at",
            "weekdays"
        ]
    );
    assert_eq!(card["given_name"], "Inès");
    assert_eq!(card["school_year"], 2026);
    assert_eq!(card["weekdays"], json!(["monday", "thursday"]));
    // Today's meal was past its deadline when she was enrolled: none.
    assert_eq!(
        card["today"],
        json!({ "day": "2026-11-02", "meal": "none" })
    );
    assert_eq!(
        card["next_days"],
        json!([
            { "day": "2026-11-03", "meal": "none" },
            { "day": "2026-11-04", "meal": "none" },
            { "day": "2026-11-05", "meal": "cancelled" },
            { "day": "2026-11-06", "meal": "none" },
            { "day": "2026-11-09", "meal": "reserved" },
        ])
    );
    let text = card.to_string();
    for private in ["Martin", "famille@example.fr", "price", &number] {
        assert!(!text.contains(private), "{private} on the card: {text}");
    }

    // The device reads its card again with its key, a day later.
    app.set_paris_time("2026-11-09", 8);
    let key = opened["token"].as_str().unwrap();
    let again = card_with(&phone, key).await;
    assert_eq!(again.status(), 200);
    let again: Value = again.json().await.unwrap();
    assert_eq!(
        again["today"],
        json!({ "day": "2026-11-09", "meal": "reserved" })
    );
    // 11 November is a public holiday: not a school day.
    assert_eq!(again["next_days"][1]["day"], "2026-11-12");
    assert_eq!(card_with(&phone, "pas-une-cle").await.status(), 401);
    let no_key = phone.get("/api/card").await;
    assert_eq!(no_key.status(), 401);
    assert_eq!(error_code(no_key).await, refusal::UNAUTHORIZED);
}

#[tokio::test]
async fn a_wrong_number_or_date_gets_one_answer_and_a_number_is_tried_ten_times_an_hour() {
    let app = spawn_app().await;
    let (_, _, number) = enrolled_pupil(&app).await;
    let phone = app.browser();

    let wrong_date = phone
        .post_json("/api/card/accesses", &opening(&number, "2"))
        .await;
    assert_eq!(wrong_date.status(), 404);
    let wrong_date = wrong_date.text().await.unwrap();
    let other_number = passplus_validation::pass_number::from_random_digits([1; 11]);
    let wrong_number = phone
        .post_json("/api/card/accesses", &opening(&other_number, "1"))
        .await;
    assert_eq!(wrong_number.status(), 404);
    assert_eq!(wrong_number.text().await.unwrap(), wrong_date);
    assert!(wrong_date.contains(refusal::CARD_NOT_FOUND));

    let malformed = phone
        .post_json("/api/card/accesses", &opening("4821 0937 552", "31"))
        .await;
    assert_eq!(malformed.status(), 422);
    assert_eq!(
        field_code(malformed, "pass_number").await,
        "pass_number_length"
    );

    // Nine more wrong dates use the number's ten openings of the hour; the next, even right,
    // waits.
    for day in 3..=11 {
        let attempt = phone
            .post_json("/api/card/accesses", &opening(&number, &day.to_string()))
            .await;
        assert_eq!(attempt.status(), 404, "day {day}");
    }
    let limited = phone
        .post_json("/api/card/accesses", &opening(&number, "1"))
        .await;
    assert_eq!(limited.status(), 429);
    assert!(limited.headers().contains_key("retry-after"));
    assert_eq!(app.table_rows("card_accesses").await, 0);
    app.set_paris_time("2026-11-02", 12);
    let later = phone
        .post_json("/api/card/accesses", &opening(&number, "1"))
        .await;
    assert_eq!(later.status(), 201);
}

#[tokio::test]
async fn a_parents_link_opens_the_card_until_it_is_revoked_and_its_last_use_shows() {
    let app = spawn_app().await;
    let (family, pupil, number) = enrolled_pupil(&app).await;
    let accesses = format!("/api/pupils/{pupil}/card-accesses");
    let links = format!("/api/pupils/{pupil}/card-links");

    let created = family.post_json(&links, &json!({})).await;
    assert_eq!(created.status(), 201);
    let created: Value = created.json().await.unwrap();
    let url = created["url"].as_str().unwrap();
    let (address, key) = url.split_once("#cle=").unwrap();
    assert_eq!(address, format!("{}/carte/", app.config.public_base_url));
    assert!(created["qr_svg"].as_str().unwrap().starts_with("<svg"));
    assert_eq!(created["access"]["kind"], "link");
    assert_eq!(created["access"]["last_used_at"], Value::Null);

    let tablet = app.browser();
    app.clock.advance(600);
    assert_eq!(card_with(&tablet, key).await.status(), 200);
    let phone = app.browser();
    let opened = phone
        .post_json("/api/card/accesses", &opening(&number, "1"))
        .await;
    let phone_key = opened.json::<Value>().await.unwrap()["token"]
        .as_str()
        .unwrap()
        .to_owned();
    let listed = family.read_json(&accesses).await;
    let listed = listed["accesses"].as_array().unwrap();
    assert_eq!(listed.len(), 2);
    assert_eq!(listed[0]["kind"], "number", "newest first");
    let link = &listed[1];
    assert_eq!(link["kind"], "link");
    assert_eq!(link["last_used_at"], app.clock.now());
    assert!(link.get("token").is_none() && link.get("token_hash").is_none());

    let revoked = family
        .delete(&format!("{accesses}/{}", link["id"].as_str().unwrap()))
        .await;
    assert_eq!(revoked.status(), 204);
    let ended = card_with(&tablet, key).await;
    assert_eq!(ended.status(), 401);
    assert_eq!(error_code(ended).await, refusal::CARD_ACCESS_ENDED);
    assert_eq!(
        card_with(&phone, &phone_key).await.status(),
        200,
        "the other stays"
    );
    let again = family
        .delete(&format!("{accesses}/{}", link["id"].as_str().unwrap()))
        .await;
    assert_eq!(again.status(), 404);

    for made in 1..=5 {
        let response = family.post_json(&links, &json!({})).await;
        assert_eq!(response.status(), 201, "link {made}");
    }
    let sixth = family.post_json(&links, &json!({})).await;
    assert_eq!(sixth.status(), 409);
    assert_eq!(error_code(sixth).await, refusal::TOO_MANY_CARD_LINKS);
}

#[tokio::test]
async fn another_family_reaches_no_card_route_of_a_pupil_and_other_sites_change_nothing() {
    let app = spawn_app().await;
    let (owner, pupil, _) = enrolled_pupil(&app).await;
    let accesses = format!("/api/pupils/{pupil}/card-accesses");
    let links = format!("/api/pupils/{pupil}/card-links");
    let created: Value = owner
        .post_json(&links, &json!({}))
        .await
        .json()
        .await
        .unwrap();
    let link = created["access"]["id"].as_str().unwrap();
    let other = app.signed_in_family("autre@example.fr", "78000").await;

    let attempts = [
        (Method::GET, accesses.clone()),
        (Method::POST, links.clone()),
        (Method::DELETE, format!("{accesses}/{link}")),
    ];
    for (method, path) in attempts {
        let response = other.send(other.request(method.clone(), &path)).await;
        assert_eq!(response.status(), 404, "{method} {path}");
        assert_eq!(error_code(response).await, refusal::NOT_FOUND);
    }
    for (method, path) in [
        (Method::POST, links.clone()),
        (Method::DELETE, format!("{accesses}/{link}")),
        (Method::POST, "/api/card/accesses".to_owned()),
    ] {
        assert_refused_from_other_sites(&owner, method, &path, &json!({})).await;
    }
    assert_eq!(app.table_rows("card_accesses").await, 1);
    let anonymous = app.browser().get(&accesses).await;
    assert_eq!(anonymous.status(), 401);
}
