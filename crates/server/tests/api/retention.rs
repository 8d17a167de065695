//! The registry's retention rules as the purge applies them, each at its boundary: the day
//! before, kept; the day after, gone (on SQLite, and on PostgreSQL with `cargo xtask pg`). The
//! clock moves in Paris time; a school year ends on 31 August.

use std::path::Path;

use passplus_server::platform::jobs::PURGE_LOCK;
use passplus_server::privacy::periods::{periods, Periods};
use passplus_server::privacy::retention::Mode;
use passplus_validation::privacy::{registry, Retention};

use crate::helpers::canteen::enrolment;
use crate::helpers::{spawn_app, TestApp, FAMILY_PASSWORD};

const MONDAY: [&str; 1] = ["monday"];

/// A family of 2026-2027 with one pupil enrolled in the canteen and a declared income.
async fn canteen_family_of_2026(app: &TestApp, email: &str) {
    let (family, pupils) = app.canteen_family(email, "2026-11-02", &["Inès"]).await;
    family.enrolled(&enrolment(2026, &pupils, &MONDAY)).await;
    assert_eq!(family.declare_income("24000", "2.5").await.status(), 200);
}

async fn accounts_named(app: &TestApp, email: &str) -> i64 {
    sqlx::query_scalar("SELECT COUNT(*) FROM accounts WHERE email = $1")
        .bind(email)
        .fetch_one(&app.state.pool)
        .await
        .unwrap()
}

#[tokio::test]
async fn an_account_not_enrolled_again_goes_once_the_next_school_year_has_ended() {
    let app = spawn_app().await;
    canteen_family_of_2026(&app, "famille@example.fr").await;

    app.set_paris_time("2028-08-31", 23);
    let purged = app.purge().await;
    assert_eq!(purged.past_retention.accounts_not_enrolled_again, 0);
    assert_eq!(accounts_named(&app, "famille@example.fr").await, 1);

    app.set_paris_time("2028-09-01", 1);
    let purged = app.purge().await;
    assert_eq!(purged.past_retention.accounts_not_enrolled_again, 1);
    assert_eq!(accounts_named(&app, "famille@example.fr").await, 0);
    for table in [
        "pupils",
        "canteen_enrolments",
        "canteen_meals",
        "canteen_incomes",
    ] {
        assert_eq!(app.table_rows(table).await, 0, "{table}");
    }
    // The reduced price's record stays, restricted, with whose it was.
    let kept: (String, i64, i64) = sqlx::query_as(
        "SELECT email, school_year, reference_income_euros FROM kept_benefit_records",
    )
    .fetch_one(&app.state.pool)
    .await
    .unwrap();
    assert_eq!(kept, ("famille@example.fr".into(), 2026, 24000));
    assert_eq!(
        app.log_in("famille@example.fr", FAMILY_PASSWORD)
            .await
            .status(),
        401
    );
}

#[tokio::test]
async fn a_family_enrolled_again_is_kept_a_school_year_more() {
    let app = spawn_app().await;
    canteen_family_of_2026(&app, "fidele@example.fr").await;
    // Enrolled in Pass+ again for 2027-2028 (the re-enrolment route comes with the staff desk).
    sqlx::query("UPDATE pupils SET school_year = 2027")
        .execute(&app.state.pool)
        .await
        .unwrap();

    app.set_paris_time("2029-08-31", 12);
    assert_eq!(
        app.purge().await.past_retention.accounts_not_enrolled_again,
        0
    );
    app.set_paris_time("2029-09-01", 12);
    assert_eq!(
        app.purge().await.past_retention.accounts_not_enrolled_again,
        1
    );
}

#[tokio::test]
async fn an_account_that_never_enrolled_a_pupil_goes_once_the_school_year_after_its_signup_has_ended(
) {
    let app = spawn_app().await;
    // 2 November 2026 applies for 2026-2027; 15 July 2027 already for 2027-2028.
    app.set_paris_time("2026-11-02", 10);
    app.verified_account("novembre@example.fr").await;
    app.set_paris_time("2027-07-15", 10);
    app.verified_account("juillet@example.fr").await;

    app.set_paris_time("2028-08-31", 12);
    assert_eq!(app.purge().await.past_retention.accounts_without_pupil, 0);
    app.set_paris_time("2028-09-01", 12);
    assert_eq!(app.purge().await.past_retention.accounts_without_pupil, 1);
    assert_eq!(accounts_named(&app, "novembre@example.fr").await, 0);
    assert_eq!(accounts_named(&app, "juillet@example.fr").await, 1);

    app.set_paris_time("2029-08-31", 12);
    assert_eq!(app.purge().await.past_retention.accounts_without_pupil, 0);
    app.set_paris_time("2029-09-01", 12);
    assert_eq!(app.purge().await.past_retention.accounts_without_pupil, 1);
    assert_eq!(app.table_rows("accounts").await, 0);
}

#[tokio::test]
async fn a_benefit_record_is_kept_six_years_after_the_right_ended_then_deleted() {
    let app = spawn_app().await;
    canteen_family_of_2026(&app, "famille@example.fr").await;
    app.set_paris_time("2028-09-01", 12);
    app.purge().await;
    assert_eq!(app.table_rows("kept_benefit_records").await, 1);

    // The right for 2026-2027 ended on 31 August 2027; six years later is 31 August 2033.
    app.set_paris_time("2033-08-31", 12);
    assert_eq!(app.purge().await.past_retention.benefit_records, 0);
    app.set_paris_time("2033-09-01", 12);
    assert_eq!(app.purge().await.past_retention.benefit_records, 1);
    assert_eq!(app.table_rows("kept_benefit_records").await, 0);
}

#[tokio::test]
async fn login_failures_and_devices_go_after_the_registry_s_periods() {
    let app = spawn_app().await;
    app.verified_account("famille@example.fr").await;
    assert_eq!(
        app.log_in("famille@example.fr", "pas le bon mot de passe")
            .await
            .status(),
        401
    );
    assert_eq!(app.table_rows("login_failures").await, 1);
    app.clock.advance(periods().login_failure_days * 86_400 - 1);
    assert_eq!(app.purge().await.login_failures, 0);
    app.clock.advance(2);
    assert_eq!(app.purge().await.login_failures, 1);

    app.log_in_as_family("famille@example.fr", FAMILY_PASSWORD)
        .await;
    assert_eq!(app.table_rows("trusted_devices").await, 1);
    app.clock
        .advance(periods().trusted_device_days * 86_400 - 1);
    assert_eq!(app.purge().await.trusted_devices, 0);
    app.clock.advance(2);
    assert_eq!(app.purge().await.trusted_devices, 1);
}

#[tokio::test]
async fn a_dry_run_counts_what_would_go_and_deletes_nothing() {
    let app = spawn_app().await;
    canteen_family_of_2026(&app, "famille@example.fr").await;
    app.set_paris_time("2028-09-01", 12);
    let dry = app.purge_with(periods(), Mode::DryRun).await;
    assert_eq!(dry.past_retention.accounts_not_enrolled_again, 1);
    assert!(dry.sessions >= 1);
    assert_eq!(accounts_named(&app, "famille@example.fr").await, 1);
    assert_eq!(app.table_rows("kept_benefit_records").await, 0);
    assert!(app.table_rows("sessions").await >= 1);
    // The real purge then removes what the dry run counted.
    assert_eq!(app.purge().await, dry);
}

#[tokio::test]
async fn the_page_and_the_purge_read_the_same_period() {
    // A copy of the registry that keeps accounts two school years instead of one.
    let mut changed = registry().clone();
    let account = changed.processings[0]
        .data_categories
        .iter_mut()
        .find(|category| category.id == "passplus_account")
        .unwrap();
    account.retention = Retention::SchoolYearsAfterLastEnrolment { school_years: 2 };

    let locales = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../locales");
    let (french, _) = crate::locales::read_language(&locales, "fr");
    let page = crate::privacy_page::render(&changed, &french, "fr");
    let usual = crate::privacy_page::render(registry(), &french, "fr");
    assert!(page.contains("puis 2 années scolaires après sa dernière inscription"));
    assert!(!usual.contains("puis 2 années scolaires après sa dernière inscription"));

    let app = spawn_app().await;
    canteen_family_of_2026(&app, "famille@example.fr").await;
    app.set_paris_time("2028-09-01", 12);
    let changed_periods = Periods::from_registry(&changed);
    assert_eq!(changed_periods.account_school_years, 2);
    let purged = app.purge_with(&changed_periods, Mode::Delete).await;
    assert_eq!(purged.past_retention.accounts_not_enrolled_again, 0);
    assert_eq!(accounts_named(&app, "famille@example.fr").await, 1);
    let purged = app.purge().await;
    assert_eq!(purged.past_retention.accounts_not_enrolled_again, 1);
}

#[tokio::test]
async fn one_instance_purges_at_a_time() {
    let app = spawn_app().await;
    if passplus_server::platform::db::is_sqlite(&app.state.pool) {
        // One SQLite file is one server's: the lock is PostgreSQL's (`cargo xtask pg`).
        return;
    }
    // Another instance's purge: the lock taken on a connection of its own (once the server's
    // own first purge, at its start, has let go of it).
    let mut other_instance = app.state.pool.acquire().await.unwrap();
    let mut taken = false;
    for _ in 0..100 {
        taken = sqlx::query_scalar::<_, i64>(
            "SELECT CAST(CASE WHEN pg_try_advisory_lock($1) THEN 1 ELSE 0 END AS BIGINT)",
        )
        .bind(PURGE_LOCK)
        .fetch_one(&mut *other_instance)
        .await
        .unwrap()
            == 1;
        if taken {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    assert!(taken);
    let skipped =
        passplus_server::platform::jobs::purge(&app.state.pool, &app.config, app.clock.now())
            .await
            .unwrap();
    assert!(skipped.is_none(), "another instance holds the purge");
    sqlx::query("SELECT pg_advisory_unlock($1)")
        .bind(PURGE_LOCK)
        .execute(&mut *other_instance)
        .await
        .unwrap();
    // Released, the purge runs again.
    app.purge().await;
}

/// `passplus-server purge [--dry-run]` on the app's database, its clock at the app's.
fn purge_command(app: &TestApp, arguments: &[&str]) -> String {
    use secrecy::ExposeSecret;
    let dir = tempfile::tempdir().unwrap();
    let offset = app.clock.now() - passplus_server::platform::clock::Clock::System.now();
    let offset_file = dir.path().join("clock-offset");
    std::fs::write(&offset_file, offset.to_string()).unwrap();
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_passplus-server"))
        .current_dir(dir.path())
        .args(arguments)
        .env(
            "PASSPLUS_DATABASE_URL",
            app.config.database_url.expose_secret(),
        )
        .env("PASSPLUS_TEST_CLOCK_OFFSET_FILE", &offset_file)
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    String::from_utf8(output.stdout).unwrap()
}

#[tokio::test]
async fn the_purge_command_says_what_would_go_and_why_then_deletes_it() {
    let app = spawn_app().await;
    canteen_family_of_2026(&app, "famille@example.fr").await;
    app.set_paris_time("2028-09-01", 12);

    let dry = purge_command(&app, &["purge", "--dry-run"]);
    assert!(
        dry.contains("would delete (dry run, nothing deleted)"),
        "{dry}"
    );
    assert!(
        dry.contains("      1 accounts (passplus_account: "),
        "{dry}"
    );
    assert_eq!(accounts_named(&app, "famille@example.fr").await, 1);

    let done = purge_command(&app, &["purge"]);
    assert!(done.contains("Purge: deleted"), "{done}");
    assert!(
        done.contains("      1 accounts (passplus_account: "),
        "{done}"
    );
    assert_eq!(accounts_named(&app, "famille@example.fr").await, 0);
}
