//! The family's copy of their data (`GET /api/account/data`): built from the personal-data map,
//! it holds what the family entered, field by field, every column the map copies, why the
//! others are left out, and nothing of another family.

use serde_json::Value;

use crate::helpers::canteen::enrolment;
use crate::helpers::{spawn_app, Family};
use passplus_server::privacy::data_map::{Holds, InCopy, TABLES};

async fn data_copy(family: &Family) -> Value {
    let response = family.get("/api/account/data").await;
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()["cache-control"], "private, no-store");
    assert_eq!(
        response.headers()["content-disposition"],
        "attachment; filename=\"passplus-mes-donnees.json\""
    );
    response.json().await.unwrap()
}

fn rows<'a>(copy: &'a Value, table: &str) -> &'a Vec<Value> {
    copy["tables"]
        .as_array()
        .unwrap()
        .iter()
        .find(|entry| entry["table"] == table)
        .unwrap_or_else(|| panic!("no table {table} in the copy"))["rows"]
        .as_array()
        .unwrap()
}

#[tokio::test]
async fn the_copy_holds_what_the_family_entered_and_nothing_of_another() {
    let app = spawn_app().await;
    let (family, pupils) = app
        .canteen_family("famille@example.fr", "2026-11-02", &["Inès", "Noé"])
        .await;
    family
        .enrolled(&enrolment(2026, &pupils, &["monday", "thursday"]))
        .await;
    assert_eq!(family.declare_income("24000", "2.5").await.status(), 200);
    let (_other, _) = app
        .canteen_family("voisins@example.fr", "2026-11-02", &["Zoé"])
        .await;

    let copy = data_copy(&family).await;
    assert_eq!(copy["format"], "passplus-data-copy/1");
    let account = &rows(&copy, "accounts")[0];
    assert_eq!(account["email"], "famille@example.fr");
    assert_eq!(account["given_name"], "Amélie");
    assert_eq!(account["family_name"], "N’Diaye-Lefèvre");
    assert_eq!(
        account["phone"], "+33612345678",
        "as stored, in international form"
    );
    assert_eq!(account["street"], "57 rue des Longues Raies");
    assert_eq!(account["postal_code"], "92160");
    assert!(account.get("password_hash").is_none());

    let children = rows(&copy, "pupils");
    let names: Vec<&str> = children
        .iter()
        .map(|pupil| pupil["given_name"].as_str().unwrap())
        .collect();
    assert_eq!(children.len(), 2, "{names:?}");
    assert!(names.contains(&"Inès") && names.contains(&"Noé"));
    for pupil in children {
        assert_eq!(pupil["family_name"], "Martin");
        assert_eq!(pupil["class"], "5e");
        assert_eq!(pupil["school_year"], 2026);
        assert!(pupil["pass_number"].as_str().is_some_and(|n| !n.is_empty()));
    }
    let enrolments = rows(&copy, "canteen_enrolments");
    assert_eq!(enrolments.len(), 2);
    assert!(enrolments
        .iter()
        .all(|e| e["weekdays"].as_str().unwrap().contains("monday")));
    assert!(rows(&copy, "canteen_meals").len() > 40);
    let income = &rows(&copy, "canteen_incomes")[0];
    assert_eq!(income["reference_income_euros"], 24000);
    assert_eq!(income["tax_quarters"], 10);
    assert!(!rows(&copy, "sessions").is_empty());

    let text = copy.to_string();
    assert!(!text.contains("voisins@example.fr") && !text.contains("Zoé"));
    assert!(!text.contains("$argon2"), "no password hash");
}

#[tokio::test]
async fn the_copy_covers_every_column_the_map_ties_to_an_account() {
    let app = spawn_app().await;
    let (family, _) = app
        .canteen_family("famille@example.fr", "2026-11-02", &["Inès"])
        .await;
    let copy = data_copy(&family).await;
    for table in TABLES {
        let Holds::PersonalData {
            of_account: Some(_),
            category,
        } = table.holds
        else {
            continue;
        };
        let entry = copy["tables"]
            .as_array()
            .unwrap()
            .iter()
            .find(|entry| entry["table"] == table.name)
            .unwrap_or_else(|| panic!("{} is not in the copy", table.name));
        assert_eq!(entry["category"], category);
        for column in table.columns {
            match column.in_copy {
                InCopy::Yes => {
                    for row in entry["rows"].as_array().unwrap() {
                        assert!(
                            row.get(column.name).is_some(),
                            "{}.{}",
                            table.name,
                            column.name
                        );
                    }
                }
                InCopy::No(why) => assert!(
                    entry["left_out"]
                        .as_array()
                        .unwrap()
                        .iter()
                        .any(|left| left["column"] == column.name && left["why"] == why),
                    "{}.{} is left out without saying why",
                    table.name,
                    column.name
                ),
            }
        }
    }
}
