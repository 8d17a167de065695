//! The canteen's fixtures: a clock on a chosen day of Paris, a family with pupils at a collège
//! the Département runs, the enrolment body, and the canteen routes as methods.

use passplus_server::platform::paris_time::start_of_day_in_paris;
use passplus_validation::Date;
use serde_json::{json, Value};

use super::pupils::{pupil, pupil_body, COLLEGE_92};
use super::{Family, TestApp, FAMILY_PASSWORD};

impl TestApp {
    /// Moves the clock to `hour`:00 in Paris on `day` (`YYYY-MM-DD`), forward or back.
    pub fn set_paris_time(&self, day: &str, hour: i64) {
        let day = Date::parse_iso(day).expect("a date");
        let target = start_of_day_in_paris(day) + hour * 3600;
        self.clock.advance(target - self.clock.now());
    }

    /// The family signed in again at `hour`:00 in Paris on `day` (its session has ended by
    /// then).
    pub async fn family_later(&self, email: &str, day: &str, hour: i64) -> Family {
        self.set_paris_time(day, hour);
        self.log_in_as_family(email, FAMILY_PASSWORD).await
    }

    /// A signed-in family of the 92 with pupils of these names at `COLLEGE_92`, in 5e, on a
    /// clock set to 10:00 on `day`: the family and its pupils' ids.
    pub async fn canteen_family(
        &self,
        email: &str,
        day: &str,
        names: &[&str],
    ) -> (Family, Vec<String>) {
        self.set_paris_time(day, 10);
        let family = self.signed_in_family(email, "92160").await;
        let mut ids = Vec::new();
        for (index, name) in names.iter().enumerate() {
            let born = pupil(name, (1 + index as u32, 3, 2014), COLLEGE_92, false);
            ids.push(family.added_pupil(pupil_body(&born, vec![])).await);
        }
        (family, ids)
    }

    /// Whether the collège's canteen serves Wednesday (an administrator's setting).
    pub async fn serve_wednesday(&self, uai: &str) {
        sqlx::query("UPDATE colleges SET canteen_serves_wednesday = 1 WHERE uai = $1")
            .bind(uai)
            .execute(&self.state.pool)
            .await
            .unwrap();
    }

    /// An agent's decision on the family's tax notice for 2026-2027 (the staff desk's, later).
    pub async fn set_tax_notice(&self, email: &str, status: &str) {
        sqlx::query(
            "INSERT INTO canteen_tax_notices \
             (account_id, school_year, media_type, size_bytes, status, uploaded_at, content) \
             SELECT id, 2026, 'application/pdf', 3, $1, 0, $2 FROM accounts WHERE email = $3 \
             ON CONFLICT (account_id, school_year) DO UPDATE SET status = $1",
        )
        .bind(status)
        .bind(b"pdf".as_slice())
        .bind(email)
        .execute(&self.state.pool)
        .await
        .unwrap();
    }

    /// The purge, as the server runs it at this hour.
    pub async fn purge(&self) -> passplus_server::platform::jobs::Purged {
        use passplus_server::privacy::{periods::periods, retention::Mode};
        self.purge_with(periods(), Mode::Delete).await
    }

    /// The purge with these periods, deleting or not. On PostgreSQL the server's own hourly
    /// purge, which starts with it, may hold the lock for a moment: this waits for its turn.
    pub async fn purge_with(
        &self,
        periods: &passplus_server::privacy::periods::Periods,
        mode: passplus_server::privacy::retention::Mode,
    ) -> passplus_server::platform::jobs::Purged {
        for _ in 0..100 {
            let purged = passplus_server::platform::jobs::purge_with(
                &self.state.pool,
                &self.config,
                periods,
                self.clock.now(),
                mode,
            )
            .await
            .unwrap();
            if let Some(purged) = purged {
                return purged;
            }
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        }
        panic!("the purge lock was held for 5 s");
    }

    /// Rows in a table.
    pub async fn table_rows(&self, table: &str) -> i64 {
        sqlx::query_scalar(&format!("SELECT COUNT(*) FROM {table}"))
            .fetch_one(&self.state.pool)
            .await
            .unwrap()
    }
}

/// An enrolment body: the same choices for each pupil.
pub fn enrolment(school_year: i32, pupil_ids: &[String], weekdays: &[&str]) -> Value {
    let pupils: Vec<Value> = pupil_ids
        .iter()
        .map(|id| json!({ "pupil_id": id, "weekdays": weekdays, "diet": "standard", "allergy_plan": false }))
        .collect();
    json!({ "school_year": school_year, "pupils": pupils })
}

impl Family {
    pub async fn enrol(&self, body: &Value) -> reqwest::Response {
        self.post_json("/api/canteen/enrolments", body).await
    }

    /// Enrols the pupils (asserts a 201): their enrolments' ids.
    pub async fn enrolled(&self, body: &Value) -> Vec<String> {
        let response = self.enrol(body).await;
        assert_eq!(response.status(), 201);
        let answer: Value = response.json().await.unwrap();
        answer["enrolments"]
            .as_array()
            .unwrap()
            .iter()
            .map(|enrolment| enrolment["id"].as_str().unwrap().to_owned())
            .collect()
    }

    pub async fn enrolment(&self, id: &str) -> Value {
        self.read_json(&format!("/api/canteen/enrolments/{id}"))
            .await
    }

    pub async fn change_meal(&self, id: &str, day: &str, cancelled: bool) -> reqwest::Response {
        self.put_json(
            &format!("/api/canteen/enrolments/{id}/meals/{day}"),
            &json!({ "cancelled": cancelled }),
        )
        .await
    }

    pub async fn change_weekdays(&self, id: &str, weekdays: &[&str]) -> reqwest::Response {
        self.put_json(
            &format!("/api/canteen/enrolments/{id}/weekdays"),
            &json!({ "weekdays": weekdays }),
        )
        .await
    }

    pub async fn statement(&self, id: &str, month: &str) -> Value {
        self.read_json(&format!("/api/canteen/enrolments/{id}/statements/{month}"))
            .await
    }

    pub async fn declare_income(&self, income: &str, parts: &str) -> reqwest::Response {
        self.put_json(
            "/api/canteen/years/2026/income",
            &json!({ "reference_income": income, "tax_parts": parts }),
        )
        .await
    }
}

/// The days of an enrolment's meals, and which are cancelled.
pub fn meal_days(enrolment: &Value) -> Vec<(String, bool)> {
    enrolment["meals"]
        .as_array()
        .unwrap()
        .iter()
        .map(|meal| {
            (
                meal["day"].as_str().unwrap().to_owned(),
                meal["cancelled"].as_bool().unwrap(),
            )
        })
        .collect()
}
