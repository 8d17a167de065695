//! The canteen through the API (the server's `canteen/`): enrolling pupils for a school year and
//! the meals it reserves, once per pupil even under concurrent requests, the collèges and years
//! it is offered for, Wednesday where served, cancelling a meal until its deadline, changing
//! weekdays until theirs, the statements and their CSV counted from the stored meals, the price
//! and the income it comes from — and another family's ids finding nothing on any route.

use passplus_validation::canteen::deadlines::may_change_meal;
use passplus_validation::canteen::school_calendar::SchoolCalendar;
use passplus_validation::codes::refusal;
use passplus_validation::{Date, SchoolYear};
use reqwest::Method;
use serde_json::{json, Value};

use crate::helpers::canteen::{enrolment, meal_days};
use crate::helpers::mail::words;
use crate::helpers::pupils::{pupil, pupil_body, COLLEGE_92, COLLEGE_NOT_RUN};
use crate::helpers::{assert_refused_from_other_sites, error_code, field_code, spawn_app};

const MONDAY_AND_THURSDAY: [&str; 2] = ["monday", "thursday"];

/// What the rules reserve for `weekdays` (chrono weekday numbers 0 = Monday) from `today`.
fn expected_days(weekdays: &[usize], today: &str) -> Vec<String> {
    let today = Date::parse_iso(today).unwrap();
    SchoolCalendar::zone_c()
        .school_days(SchoolYear { start_year: 2026 })
        .into_iter()
        .filter(|day| {
            weekdays.contains(
                &(day.days_since_epoch() + 3)
                    .rem_euclid(7)
                    .try_into()
                    .unwrap(),
            )
        })
        .filter(|day| may_change_meal(*day, today))
        .map(|day| day.to_string())
        .collect()
}

#[tokio::test]
async fn two_pupils_enrol_with_the_same_days_and_each_school_day_of_them_has_a_meal() {
    let app = spawn_app().await;
    let (family, pupils) = app
        .canteen_family("famille@example.fr", "2026-11-02", &["Inès", "Noé"])
        .await;
    let overview = family.read_json("/api/canteen").await;
    assert_eq!(overview["today"], "2026-11-02");
    let year = &overview["years"][0];
    assert_eq!(year["school_year"], 2026);
    assert_eq!(year["pupils"][0]["offer"], "open");
    assert_eq!(
        year["price"]["price_cents"], 700,
        "the full price, no notice yet"
    );

    let ids = family
        .enrolled(&enrolment(2026, &pupils, &MONDAY_AND_THURSDAY))
        .await;
    assert_eq!(ids.len(), 2);
    let expected = expected_days(&[0, 3], "2026-11-02");
    for id in &ids {
        let enrolment = family.enrolment(id).await;
        let days: Vec<String> = meal_days(&enrolment)
            .into_iter()
            .map(|(day, _)| day)
            .collect();
        assert_eq!(days, expected);
        // Monday 2 November's deadline has passed; Thursday 5's is today.
        assert_eq!(days.first().map(String::as_str), Some("2026-11-05"));
        assert!(days.contains(&"2026-11-12".to_owned()));
        assert!(!days
            .iter()
            .any(|day| day.as_str() >= "2026-12-19" && day.as_str() < "2027-01-04"));
        assert!(!days.contains(&"2027-03-29".to_owned()), "Easter Monday");
        assert!(!days.contains(&"2027-05-06".to_owned()), "Ascension");
        assert_eq!(enrolment["weekdays"], json!(MONDAY_AND_THURSDAY));
        assert_eq!(enrolment["class"], "5e");
        assert_eq!(enrolment["meals"][0]["last_day_to_cancel"], "2026-11-02");
    }
    let overview = family.read_json("/api/canteen").await;
    for (pupil, enrolment) in pupils.iter().zip(&ids) {
        let listed = overview["years"][0]["pupils"]
            .as_array()
            .unwrap()
            .iter()
            .find(|listed| listed["pupil_id"] == json!(pupil))
            .unwrap();
        assert_eq!(listed["offer"], "enrolled");
        assert_eq!(listed["enrolment"]["id"], json!(enrolment));
    }

    let sent = app.emails_to("famille@example.fr").await;
    let message = words(sent.last().expect("an e-mail"));
    for expected in [
        "Inès : lundi, jeudi",
        "Noé : lundi, jeudi",
        "Premier repas réservé : le 05/11/2026.",
        // Enrolled after 27 September: the days are final, and the message says so.
        "La date limite pour changer les jours est passée",
        "/cantine/",
    ] {
        assert!(message.contains(expected), "{expected} in\n{message}");
    }
}

#[tokio::test]
async fn a_pupil_is_enrolled_once_a_year_even_when_two_requests_race() {
    let app = spawn_app().await;
    let (family, pupils) = app
        .canteen_family("famille@example.fr", "2026-11-02", &["Inès"])
        .await;
    let body = enrolment(2026, &pupils, &MONDAY_AND_THURSDAY);
    let answers = futures_util::future::join_all((0..4).map(|_| family.enrol(&body))).await;
    let statuses: Vec<u16> = answers
        .iter()
        .map(|answer| answer.status().as_u16())
        .collect();
    assert_eq!(
        statuses.iter().filter(|status| **status == 201).count(),
        1,
        "{statuses:?}"
    );
    for answer in answers.into_iter().filter(|answer| answer.status() == 409) {
        assert_eq!(error_code(answer).await, refusal::ALREADY_ENROLLED);
    }
    assert_eq!(app.table_rows("canteen_enrolments").await, 1);
    let meals = expected_days(&[0, 3], "2026-11-02").len() as i64;
    assert_eq!(app.table_rows("canteen_meals").await, meals);

    // Again later, in a batch with a pupil not enrolled yet: refused whole.
    let second = family
        .added_pupil(pupil_body(
            &pupil("Noé", (2, 9, 2014), COLLEGE_92, false),
            vec![],
        ))
        .await;
    let both = enrolment(2026, &[second, pupils[0].clone()], &["friday"]);
    let answer = family.enrol(&both).await;
    assert_eq!(error_code(answer).await, refusal::ALREADY_ENROLLED);
    assert_eq!(app.table_rows("canteen_enrolments").await, 1);
    assert_eq!(app.table_rows("canteen_meals").await, meals);
}

#[tokio::test]
async fn the_canteen_is_offered_only_where_and_when_it_is_run() {
    let app = spawn_app().await;
    let (family, _) = app
        .canteen_family("famille@example.fr", "2026-11-02", &[])
        .await;
    let elsewhere = family
        .added_pupil(pupil_body(
            &pupil("Léa", (5, 5, 2014), COLLEGE_NOT_RUN, false),
            vec![],
        ))
        .await;
    let overview = family.read_json("/api/canteen").await;
    assert_eq!(
        overview["years"][0]["pupils"][0]["offer"],
        "college_not_run"
    );
    let answer = family
        .enrol(&enrolment(
            2026,
            std::slice::from_ref(&elsewhere),
            &["monday"],
        ))
        .await;
    assert_eq!(answer.status(), 409);
    assert_eq!(error_code(answer).await, refusal::CANTEEN_NOT_OFFERED);

    // 2025-2026 is over and 2027-2028 not open (nor its calendar shipped).
    let (other, ours) = app
        .canteen_family("autre@example.fr", "2026-11-02", &["Inès"])
        .await;
    for year in [2025, 2027] {
        let answer = other.enrol(&enrolment(year, &ours, &["monday"])).await;
        assert_eq!(
            error_code(answer).await,
            refusal::CANTEEN_NOT_OFFERED,
            "{year}"
        );
    }
    assert_eq!(app.table_rows("canteen_enrolments").await, 0);
}

#[tokio::test]
async fn wednesday_is_chosen_only_where_the_collège_serves_it() {
    let app = spawn_app().await;
    let (family, pupils) = app
        .canteen_family("famille@example.fr", "2026-11-02", &["Inès"])
        .await;
    let body = enrolment(2026, &pupils, &["monday", "wednesday"]);
    let answer = family.enrol(&body).await;
    assert_eq!(answer.status(), 422);
    assert_eq!(
        field_code(answer, "pupils.0.weekdays").await,
        "wednesday_not_served"
    );
    assert_eq!(app.table_rows("canteen_enrolments").await, 0);

    app.serve_wednesday(COLLEGE_92).await;
    let overview = family.read_json("/api/canteen").await;
    assert_eq!(overview["years"][0]["pupils"][0]["serves_wednesday"], true);
    let ids = family.enrolled(&body).await;
    let days = meal_days(&family.enrolment(&ids[0]).await);
    assert_eq!(days.len(), expected_days(&[0, 2], "2026-11-02").len());
    assert!(
        !days.iter().any(|(day, _)| day == "2026-11-11"),
        "Armistice day"
    );
}

#[tokio::test]
async fn a_meal_is_cancelled_until_2359_paris_time_on_the_third_working_day_before_it() {
    let app = spawn_app().await;
    let (family, pupils) = app
        .canteen_family("famille@example.fr", "2026-11-02", &["Inès"])
        .await;
    let id = family
        .enrolled(&enrolment(2026, &pupils, &MONDAY_AND_THURSDAY))
        .await
        .remove(0);

    // Thursday 10 December: until Monday 7 at 23:59.
    let family = app
        .family_later("famille@example.fr", "2026-12-07", 23)
        .await;
    let answers =
        futures_util::future::join_all((0..4).map(|_| family.change_meal(&id, "2026-12-10", true)))
            .await;
    for answer in answers {
        assert_eq!(answer.status(), 200);
        let meal: Value = answer.json().await.unwrap();
        assert_eq!(meal["cancelled"], true);
        assert_eq!(meal["last_day_to_cancel"], "2026-12-07");
    }
    let cancelled: Vec<String> = meal_days(&family.enrolment(&id).await)
        .into_iter()
        .filter(|(_, cancelled)| *cancelled)
        .map(|(day, _)| day)
        .collect();
    assert_eq!(cancelled, ["2026-12-10"]);

    // At 00:00 on Tuesday 8 it is too late, to book it again as to cancel another.
    let family = app
        .family_later("famille@example.fr", "2026-12-08", 0)
        .await;
    let late = family.change_meal(&id, "2026-12-10", false).await;
    assert_eq!(late.status(), 409);
    assert_eq!(error_code(late).await, refusal::MEAL_DEADLINE_PASSED);
    let answer = family.change_meal(&id, "2026-12-14", true).await;
    assert_eq!(answer.status(), 200, "Monday 14's deadline is Wednesday 9");
    // A day without a meal, or not a day.
    assert_eq!(
        family.change_meal(&id, "2026-12-15", true).await.status(),
        404
    );
    assert_eq!(
        family.change_meal(&id, "2026-02-30", true).await.status(),
        404
    );
    let meals = meal_days(&family.enrolment(&id).await);
    assert!(meals.contains(&("2026-12-10".into(), true)));
    assert!(meals.contains(&("2026-12-14".into(), true)));
}

#[tokio::test]
async fn weekdays_change_until_their_deadline_and_the_open_meals_follow() {
    let app = spawn_app().await;
    let (family, pupils) = app
        .canteen_family("famille@example.fr", "2026-09-07", &["Inès"])
        .await;
    let id = family
        .enrolled(&enrolment(2026, &pupils, &MONDAY_AND_THURSDAY))
        .await
        .remove(0);
    let thursday = "2026-09-24";
    assert_eq!(family.change_meal(&id, thursday, true).await.status(), 200);

    let family = app
        .family_later("famille@example.fr", "2026-09-21", 12)
        .await;
    let answer = family.change_weekdays(&id, &["tuesday", "thursday"]).await;
    assert_eq!(answer.status(), 200);
    let changed: Value = answer.json().await.unwrap();
    let meals = meal_days(&changed);
    // Meals past their deadline stay as they were; the others follow the new days.
    assert!(
        meals.contains(&("2026-09-21".into(), false)),
        "Monday 21, past its deadline"
    );
    assert!(
        !meals.iter().any(|(day, _)| day == "2026-09-28"),
        "a Monday left"
    );
    assert!(
        meals.contains(&("2026-09-29".into(), false)),
        "a Tuesday came"
    );
    assert!(
        meals.contains(&(thursday.into(), true)),
        "a day kept keeps its cancellation"
    );
    assert_eq!(changed["weekdays"], json!(["tuesday", "thursday"]));
    let sent = app.emails_to("famille@example.fr").await;
    assert!(words(sent.last().unwrap()).contains("mardi, jeudi"));

    let family = app
        .family_later("famille@example.fr", "2026-09-28", 8)
        .await;
    let late = family.change_weekdays(&id, &["friday"]).await;
    assert_eq!(late.status(), 409);
    assert_eq!(error_code(late).await, refusal::WEEKDAYS_DEADLINE_PASSED);
    assert_eq!(
        family.enrolment(&id).await["weekdays"],
        json!(["tuesday", "thursday"])
    );
}

#[tokio::test]
async fn a_statement_counts_the_month_from_the_stored_meals() {
    let app = spawn_app().await;
    let (family, pupils) = app
        .canteen_family("famille@example.fr", "2026-11-02", &["Inès"])
        .await;
    let id = family
        .enrolled(&enrolment(2026, &pupils, &MONDAY_AND_THURSDAY))
        .await
        .remove(0);
    for day in ["2026-12-03", "2026-12-10"] {
        assert_eq!(family.change_meal(&id, day, true).await.status(), 200);
    }
    let december = family.statement(&id, "2026-12").await;
    let reserved: Vec<(String, bool)> = meal_days(&family.enrolment(&id).await)
        .into_iter()
        .filter(|(day, _)| day.starts_with("2026-12"))
        .collect();
    let billed = reserved.iter().filter(|(_, cancelled)| !cancelled).count();
    assert_eq!(december["reserved"], reserved.len());
    assert_eq!(december["cancelled"], 2);
    assert_eq!(december["billed"], billed);
    assert_eq!(december["price_cents"], 700);
    assert_eq!(december["amount_cents"], 700 * billed);
    assert_eq!(december["full_price"], true);
    assert_eq!(december["provisional"], true);

    let response = family
        .get(&format!(
            "/api/canteen/enrolments/{id}/statements/2026-12/csv"
        ))
        .await;
    assert_eq!(response.status(), 200);
    assert_eq!(
        response.headers()["content-type"],
        "text/csv; charset=utf-8"
    );
    assert!(response.headers()["content-disposition"]
        .to_str()
        .unwrap()
        .contains("cantine-2026-12-Ines.csv"));
    let text = response.text().await.unwrap();
    let rows: Vec<&str> = text.trim_start_matches('\u{feff}').lines().collect();
    assert_eq!(
        rows[0],
        "date;repas;facturé;prix_du_repas_euros;montant_euros"
    );
    assert_eq!(rows.len(), 1 + reserved.len());
    assert!(rows.contains(&"2026-12-03;annulé;non;7,00;0,00"));
    assert!(rows.contains(&"2026-12-07;réservé;oui;7,00;7,00"));

    // A month without meals, and what is not a month.
    assert_eq!(family.statement(&id, "2026-08").await["amount_cents"], 0);
    assert_eq!(
        family
            .get(&format!("/api/canteen/enrolments/{id}/statements/2026-13"))
            .await
            .status(),
        404
    );
}

#[tokio::test]
async fn next_year_repeats_last_years_choices_in_the_class_after_and_not_after_3e() {
    let app = spawn_app().await;
    // June 2026: 2025-2026 is under way; Inès is in 5e, Noé in 3e.
    let (family, pupils) = app
        .canteen_family("famille@example.fr", "2026-06-01", &["Inès"])
        .await;
    let mut noe = pupil("Noé", (2, 5, 2011), COLLEGE_92, false);
    noe["class"] = json!("3e");
    let noe = family.added_pupil(pupil_body(&noe, vec![])).await;
    let both = [pupils[0].clone(), noe.clone()];
    let mut choices = enrolment(2025, &both, &MONDAY_AND_THURSDAY);
    choices["pupils"][0]["diet"] = json!("no_pork");
    choices["pupils"][0]["allergy_plan"] = json!(true);
    family.enrolled(&choices).await;

    // From 1 July, 2026-2027 is open too: Inès's choices come with her, Noé leaves collège.
    let family = app
        .family_later("famille@example.fr", "2026-07-02", 10)
        .await;
    let overview = family.read_json("/api/canteen").await;
    let next = &overview["years"][1];
    assert_eq!(next["school_year"], 2026);
    // Added at the same second: found by name.
    let named = |name: &str| {
        next["pupils"]
            .as_array()
            .unwrap()
            .iter()
            .find(|pupil| pupil["given_name"] == name)
            .unwrap()
            .clone()
    };
    let ines = named("Inès");
    assert_eq!(ines["offer"], "open");
    assert_eq!(ines["class"], "4e");
    assert_eq!(ines["year_before"]["weekdays"], json!(MONDAY_AND_THURSDAY));
    assert_eq!(ines["year_before"]["diet"], "no_pork");
    assert_eq!(ines["year_before"]["allergy_plan"], true);
    let leaving = named("Noé");
    assert_eq!(leaving["offer"], "left_college");
    assert_eq!(leaving["year_before"], Value::Null);
    assert_eq!(
        overview["years"][0]["pupils"][0]["year_before"],
        Value::Null
    );

    let mut again = enrolment(2026, &pupils, &MONDAY_AND_THURSDAY);
    again["pupils"][0]["diet"] = ines["year_before"]["diet"].clone();
    again["pupils"][0]["allergy_plan"] = ines["year_before"]["allergy_plan"].clone();
    let id = family.enrolled(&again).await.remove(0);
    let enrolled = family.enrolment(&id).await;
    assert_eq!(enrolled["school_year"], 2026);
    assert_eq!(enrolled["class"], "4e");
    assert_eq!(enrolled["diet"], "no_pork");
    assert_eq!(
        meal_days(&enrolled)[0].0,
        "2026-09-03",
        "from the first school day"
    );
    let refused = family
        .enrol(&enrolment(2026, &[noe], &MONDAY_AND_THURSDAY))
        .await;
    assert_eq!(refused.status(), 409);
    assert_eq!(error_code(refused).await, refusal::CANTEEN_NOT_OFFERED);
    let overview = family.read_json("/api/canteen").await;
    let ines = overview["years"][1]["pupils"]
        .as_array()
        .unwrap()
        .iter()
        .find(|pupil| pupil["given_name"] == "Inès")
        .unwrap();
    assert_eq!(ines["offer"], "enrolled");
    assert_eq!(ines["year_before"], Value::Null);
}

#[tokio::test]
async fn the_price_is_the_full_one_until_the_tax_notice_is_validated() {
    let app = spawn_app().await;
    let (family, pupils) = app
        .canteen_family("famille@example.fr", "2026-11-02", &["Inès"])
        .await;
    let id = family
        .enrolled(&enrolment(2026, &pupils, &MONDAY_AND_THURSDAY))
        .await
        .remove(0);
    let answer = family.declare_income("21 090", "2").await;
    assert_eq!(answer.status(), 200);
    let price: Value = answer.json().await.unwrap();
    assert_eq!(price["price_cents"], 700);
    assert_eq!(price["tax_notice"], "missing");
    assert_eq!(
        price["income"],
        json!({ "reference_income_euros": 21090, "tax_quarters": 8 })
    );

    app.set_tax_notice("famille@example.fr", "pending").await;
    assert_eq!(family.enrolment(&id).await["price_cents"], 700);
    app.set_tax_notice("famille@example.fr", "validated").await;
    // 0.50 % × 21,090 € ÷ 2 ÷ 12 = 4.39375 €.
    assert_eq!(family.enrolment(&id).await["price_cents"], 439);
    assert_eq!(family.statement(&id, "2026-12").await["full_price"], false);

    // A new income has not been checked against the notice: back to waiting.
    let answer = family.declare_income("30 000", "2").await;
    let price: Value = answer.json().await.unwrap();
    assert_eq!(price["tax_notice"], "pending");
    assert_eq!(price["price_cents"], 700);

    let wrong = family.declare_income("32 500,50", "2,3").await;
    assert_eq!(wrong.status(), 422);
    let body: Value = wrong.json().await.unwrap();
    assert_eq!(
        body["fields"]["reference_income"][0],
        "reference_income_not_euros"
    );
    assert_eq!(body["fields"]["tax_parts"][0], "tax_parts_not_a_quarter");
    let overview = family.read_json("/api/canteen").await;
    assert_eq!(
        overview["years"][0]["price"]["income"]["reference_income_euros"],
        30000
    );
}

#[tokio::test]
async fn another_familys_ids_find_nothing_on_any_canteen_route() {
    let app = spawn_app().await;
    let (owner, pupils) = app
        .canteen_family("famille@example.fr", "2026-11-02", &["Inès"])
        .await;
    let id = owner
        .enrolled(&enrolment(2026, &pupils, &MONDAY_AND_THURSDAY))
        .await
        .remove(0);
    let before = owner.enrolment(&id).await;
    let other = app.signed_in_family("autre@example.fr", "78000").await;

    let path = format!("/api/canteen/enrolments/{id}");
    let attempts = [
        (Method::GET, path.clone(), json!(null)),
        (
            Method::PUT,
            format!("{path}/weekdays"),
            json!({ "weekdays": ["friday"] }),
        ),
        (
            Method::PUT,
            format!("{path}/meals/2026-12-10"),
            json!({ "cancelled": true }),
        ),
        (
            Method::GET,
            format!("{path}/statements/2026-12"),
            json!(null),
        ),
        (
            Method::GET,
            format!("{path}/statements/2026-12/csv"),
            json!(null),
        ),
        (
            Method::POST,
            "/api/canteen/enrolments".into(),
            enrolment(2026, &pupils, &["friday"]),
        ),
    ];
    for (method, path, body) in attempts {
        let mut request = other.request(method.clone(), &path);
        if !body.is_null() {
            request = request.json(&body);
        }
        let response = other.send(request).await;
        assert_eq!(response.status(), 404, "{method} {path}");
        assert_eq!(error_code(response).await, refusal::NOT_FOUND);
    }
    let theirs = other.read_json("/api/canteen").await;
    assert_eq!(theirs["years"][0]["pupils"], json!([]));
    assert_eq!(owner.enrolment(&id).await, before);
    assert_eq!(app.table_rows("canteen_enrolments").await, 1);
}

#[tokio::test]
async fn canteen_changes_from_another_site_are_refused() {
    let app = spawn_app().await;
    let (family, pupils) = app
        .canteen_family("famille@example.fr", "2026-11-02", &["Inès"])
        .await;
    let id = family
        .enrolled(&enrolment(2026, &pupils, &MONDAY_AND_THURSDAY))
        .await
        .remove(0);
    let before = family.enrolment(&id).await;
    let routes = [
        (
            Method::POST,
            "/api/canteen/enrolments".to_owned(),
            enrolment(2026, &pupils, &["friday"]),
        ),
        (
            Method::PUT,
            format!("/api/canteen/enrolments/{id}/weekdays"),
            json!({ "weekdays": ["friday"] }),
        ),
        (
            Method::PUT,
            format!("/api/canteen/enrolments/{id}/meals/2026-12-10"),
            json!({ "cancelled": true }),
        ),
        (
            Method::PUT,
            "/api/canteen/years/2026/income".to_owned(),
            json!({ "reference_income": "1", "tax_parts": "1" }),
        ),
    ];
    for (method, path, body) in routes {
        assert_refused_from_other_sites(&family, method, &path, &body).await;
    }
    assert_eq!(family.enrolment(&id).await, before);
    assert_eq!(app.table_rows("canteen_incomes").await, 0);
}
