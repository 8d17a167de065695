//! The API client for the canteen: the family's overview, enrolling, an enrolment with its
//! meals, cancelling or booking a meal again, changing weekdays, declaring an income, sending
//! or removing the tax notice, a month's statement.

use passplus_validation::canteen::answers::{
    CanteenEnrolment, CanteenOverview, CanteenPrice, EnrolmentList, Meal, Statement,
};
use passplus_validation::canteen::choices::{CanteenEnrolmentForm, MealChange, WeekdaysForm};
use passplus_validation::canteen::income::IncomeForm;

use std::rc::Rc;

use passplus_validation::upload::UploadKind;
use web_sys::{File, FormData};

use crate::api::http_client::{self, Body, InFlight, Sending, Watch};
use crate::api::{get, json_answer, to_json, ApiError};

pub async fn overview() -> Result<CanteenOverview, ApiError> {
    get("/api/canteen").await
}

pub async fn enrol(form: &CanteenEnrolmentForm) -> Result<EnrolmentList, ApiError> {
    send_json("POST", "/api/canteen/enrolments", form).await
}

pub async fn enrolment(id: &str) -> Result<CanteenEnrolment, ApiError> {
    get(&enrolment_path(id)).await
}

pub async fn change_meal(id: &str, day: &str, cancelled: bool) -> Result<Meal, ApiError> {
    let path = format!("{}/meals/{day}", enrolment_path(id));
    send_json("PUT", &path, &MealChange { cancelled }).await
}

pub async fn change_weekdays(id: &str, form: &WeekdaysForm) -> Result<CanteenEnrolment, ApiError> {
    send_json("PUT", &format!("{}/weekdays", enrolment_path(id)), form).await
}

pub async fn declare_income(school_year: i32, form: &IncomeForm) -> Result<CanteenPrice, ApiError> {
    send_json(
        "PUT",
        &format!("/api/canteen/years/{school_year}/income"),
        form,
    )
    .await
}

/// Sends the year's tax notice (replacing any other); `report` is told where the upload is,
/// and `in_flight` can abort it.
pub async fn send_tax_notice(
    school_year: i32,
    notice: File,
    report: Rc<dyn Fn(Sending)>,
    in_flight: InFlight,
) -> Result<CanteenPrice, ApiError> {
    let body = FormData::new().map_err(|_| ApiError::Server)?;
    body.append_with_blob(UploadKind::TaxNotice.field(), &notice)
        .map_err(|_| ApiError::Server)?;
    report(Sending::Uploading { percent: 0 });
    let watch = Watch {
        on_progress: http_client::upload_progress(report),
        in_flight,
    };
    let path = tax_notice_path(school_year);
    json_answer(http_client::send("PUT", &path, Body::Form(&body), Some(watch)).await)
}

pub async fn remove_tax_notice(school_year: i32) -> Result<CanteenPrice, ApiError> {
    json_answer(http_client::send("DELETE", &tax_notice_path(school_year), Body::Empty, None).await)
}

/// Where the notice sent is read back from (a plain link: the browser saves it).
pub fn tax_notice_path(school_year: i32) -> String {
    format!("/api/canteen/years/{school_year}/tax-notice")
}

pub async fn statement(id: &str, month: &str) -> Result<Statement, ApiError> {
    get(&statement_path(id, month)).await
}

/// Where the month's CSV is downloaded from (a plain link: the browser saves it).
pub fn statement_csv_path(id: &str, month: &str) -> String {
    format!("{}/csv", statement_path(id, month))
}

fn enrolment_path(id: &str) -> String {
    format!(
        "/api/canteen/enrolments/{}",
        js_sys::encode_uri_component(id)
    )
}

fn statement_path(id: &str, month: &str) -> String {
    format!("{}/statements/{month}", enrolment_path(id))
}

async fn send_json<B: serde::Serialize, T: serde::de::DeserializeOwned>(
    method: &str,
    path: &str,
    body: &B,
) -> Result<T, ApiError> {
    let json = to_json(body).ok_or(ApiError::Server)?;
    json_answer(http_client::send(method, path, Body::Json(&json), None).await)
}
