//! The OpenAPI document of the API, generated from the handlers' annotations and the shared
//! contract's types, served at `GET /api/openapi.json` so that clients and fuzzers can be driven
//! from it. The routes are registered through the same annotations (`utoipa_axum::routes!`), so an
//! operation cannot be added without its description.
//!
//! What every operation shares is added here once rather than on each handler: the 500 and 408
//! answers, the 403 of a cross-origin change, the 401 of an operation that needs a session,
//! and the 400 and 422 of an operation that takes a body. Where a handler gives a status a
//! meaning of its own (403 for a wrong current password), the shared meaning is added to it.
//!
//! The document describes the routes registered through `routes!`: itself and the JSON 404 of
//! unknown paths are not in it.

use axum::http::header::CONTENT_TYPE;
use axum::routing::get;
use axum::Router;
use passplus_validation::account_changes::{ContactForm, PasswordChangeForm, PasswordResetForm};
use passplus_validation::canteen::choices::{CanteenEnrolmentForm, WeekdaysForm};
use passplus_validation::canteen::income::IncomeForm;
use passplus_validation::card::CardOpeningForm;
use passplus_validation::{upload, CollegeSearch, FieldErrors, PupilForm, SignupForm};
use utoipa::openapi::extensions::ExtensionsBuilder;
use utoipa::openapi::link::LinkBuilder;
use utoipa::openapi::path::{HttpMethod, Operation};
use utoipa::openapi::security::{ApiKey, ApiKeyValue, HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::openapi::{ContentBuilder, Ref, RefOr, ResponseBuilder};
use utoipa::{Modify, OpenApi};

use crate::accounts::sessions::COOKIE_NAME;
use crate::http::error::ErrorBody;
use crate::startup::AppState;

/// The session cookie's security scheme, named so in the handlers' `security(("session" = []))`.
pub const SESSION: &str = "session";
/// The security scheme of the card's key (a bearer token).
pub const CARD_KEY: &str = "card_key";

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Pass+",
        description = "The API of the Pass+ teleservice of the Hauts-de-Seine and the Yvelines. \
            Invalid input is answered 422 with the codes of the rules each field broke (the same \
            codes the app checks in the browser); every other refusal is an `ErrorBody` whose \
            `error` is a stable code. Changes (POST, PUT, DELETE) are accepted only from the \
            site's own pages (`Sec-Fetch-Site` or `Origin`).",
        license(name = "EUPL-1.2", identifier = "EUPL-1.2")
    ),
    components(schemas(ErrorBody, FieldErrors)),
    tags(
        (name = "service", description = "Health and public reference data"),
        (name = "accounts", description = "Signing up, logging in, the family's own account"),
        (name = "pupils", description = "The family's pupils, their Pass+ and their files"),
        (name = "canteen", description = "The collège canteen: enrolments, meals, price, statements"),
        (name = "card", description = "The pupil's card: opened on a device, read with its key; parents' links and revocations"),
        (name = "privacy", description = "The privacy notice and the family's rights over their data"),
    )
)]
pub struct ApiDoc;

/// `GET /api/openapi.json`: the document of the routes registered, with the answers they share,
/// serialised once.
pub fn route(mut document: utoipa::openapi::OpenApi) -> Router<AppState> {
    SharedAnswers.modify(&mut document);
    let mut value = serde_json::to_value(&document).expect("the OpenAPI document serialises");
    spell_link_fields_in_camel_case(&mut value);
    let json = value.to_string();
    Router::new().route(
        "/api/openapi.json",
        get(move || async move { ([(CONTENT_TYPE, "application/json")], json) }),
    )
}

/// The refusals of an e-mailed link (`email_links::LinkProblem`).
#[derive(utoipa::IntoResponses)]
#[allow(dead_code)] // Describes answers only: never built.
pub enum LinkRefusals {
    /// No such link (`link_invalid`).
    #[response(status = 404)]
    Invalid(ErrorBody),
    /// The link was already used (`link_used`).
    #[response(status = 409)]
    Used(ErrorBody),
    /// The link has expired (`link_expired`).
    #[response(status = 410)]
    Expired(ErrorBody),
}

/// The refusals of a change that asks for the current password (`current_password`).
#[derive(utoipa::IntoResponses)]
#[allow(dead_code)] // Describes answers only: never built.
pub enum CurrentPasswordRefusals {
    /// Wrong current password (`current_password_wrong`).
    #[response(status = 403)]
    Wrong(ErrorBody),
    /// Too many wrong passwords (`too_many_attempts`, with `Retry-After`).
    #[response(
        status = 429,
        headers(("Retry-After" = i64, description = "Seconds to wait before trying again"))
    )]
    TooMany(ErrorBody),
}

/// The refusal of an anonymous request that costs a hash or sends mail, beyond its client's
/// allowance.
#[derive(utoipa::IntoResponses)]
#[allow(dead_code)] // Describes answers only: never built.
pub enum ClientAllowanceRefusal {
    /// Too many such requests from this network (`too_many_attempts`, with `Retry-After`);
    /// nothing was done.
    #[response(
        status = 429,
        headers(("Retry-After" = i64, description = "Seconds to wait before trying again"))
    )]
    TooMany(ErrorBody),
}

/// The answer of a request that needs a password hashed while the hashing queue is full.
#[derive(utoipa::IntoResponses)]
#[allow(dead_code)] // Describes answers only: never built.
pub enum HashingBusy {
    /// The server is busy (`busy`, with `Retry-After`); nothing was done.
    #[response(
        status = 503,
        headers(("Retry-After" = i64, description = "Seconds to wait before trying again"))
    )]
    Busy(ErrorBody),
}

/// The refusals of a pupil sent with its files that depend on the family's other pupils and
/// uploads, or on the body's size (`pupils::family_limits`).
#[derive(utoipa::IntoResponses)]
#[allow(dead_code)] // Describes answers only: never built.
pub enum UploadRefusals {
    /// The body is over two files' worth (`too_large`).
    #[response(status = 413)]
    TooLarge(ErrorBody),
    /// The family has 10 pupils already (`too_many_pupils`), its files would pass 60 MiB
    /// (`files_quota_reached`), or it has a pupil of the same names and date of birth
    /// (`pupil_already_added`); nothing was changed.
    #[response(status = 409)]
    NoRoom(ErrorBody),
    /// The family is already sending two pupils with their files (`uploads_in_progress`).
    /// A file that comes slower than 4 KiB/s after 20 s is cut off with a 408 (`timeout`).
    #[response(status = 429)]
    InProgress(ErrorBody),
    /// The server is receiving its most uploads (`busy`, with `Retry-After`); nothing was
    /// changed.
    #[response(
        status = 503,
        headers(("Retry-After" = i64, description = "Seconds to wait before trying again"))
    )]
    Busy(ErrorBody),
}

/// A file's bytes, as a download answers them.
#[derive(utoipa::ToSchema)]
#[schema(value_type = String, format = Binary)]
#[allow(dead_code)] // Describes an answer only: never built.
pub struct FileBytes(Vec<u8>);

struct SharedAnswers;

impl Modify for SharedAnswers {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            SESSION,
            SecurityScheme::ApiKey(ApiKey::Cookie(ApiKeyValue::with_description(
                COOKIE_NAME,
                "Set by a successful login; HttpOnly, Secure, SameSite=Lax.",
            ))),
        );
        components.add_security_scheme(
            CARD_KEY,
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .description(Some(
                        "The key of a card access: a personal link's (its address's fragment) \
                         or the one `openCard` answered.",
                    ))
                    .build(),
            ),
        );
        link_created_pupil(openapi);
        for item in openapi.paths.paths.values_mut() {
            let operations = [
                (HttpMethod::Get, &mut item.get),
                (HttpMethod::Post, &mut item.post),
                (HttpMethod::Put, &mut item.put),
                (HttpMethod::Delete, &mut item.delete),
            ];
            for (method, operation) in operations {
                if let Some(operation) = operation {
                    add_shared_answers(method, operation);
                    list_refusals_beyond_schema(operation);
                }
            }
        }
    }
}

fn add_shared_answers(method: HttpMethod, operation: &mut Operation) {
    let needs_session = operation.security.is_some();
    let takes_body = operation.request_body.is_some();
    let mut add = |status: &str, description: &str, schema: &str| {
        let responses = &mut operation.responses.responses;
        match responses.get_mut(status) {
            // The operation has its own meaning for this status: both are listed.
            Some(RefOr::T(own)) => {
                own.description = format!("{} Or: {description}", own.description)
            }
            Some(RefOr::Ref(_)) => {}
            None => {
                let response = ResponseBuilder::new()
                    .description(description)
                    .content(
                        "application/json",
                        ContentBuilder::new()
                            .schema(Some(Ref::from_schema_name(schema)))
                            .build(),
                    )
                    .build();
                responses.insert(status.to_owned(), RefOr::T(response));
            }
        }
    };
    add(
        "500",
        "Something failed on the server (`internal`); nothing was changed.",
        "ErrorBody",
    );
    add(
        "408",
        "The request took longer than allowed: 30 s, 10 min for the uploads (a pupil, a tax notice) \
         (`timeout`); nothing was changed.",
        "ErrorBody",
    );

    if method != HttpMethod::Get {
        add(
            "403",
            "The request did not come from the site's own pages (`cross_origin`).",
            "ErrorBody",
        );
    }
    if needs_session {
        add(
            "401",
            "No session, or it has expired (`unauthorized`).",
            "ErrorBody",
        );
    }
    if takes_body {
        add(
            "400",
            "The body could not be read (`bad_request`).",
            "ErrorBody",
        );
        add(
            "422",
            "The body broke the shared rules: each field at fault with the codes of its \
             rules; nothing was changed.",
            "FieldErrors",
        );
    }
}

/// The operations on one pupil, reached from the id `addPupil` answers (OpenAPI links: clients
/// and fuzzers follow them with real ids).
const PUPIL_OPERATIONS: [&str; 7] = [
    "pupil",
    "changePupil",
    "removePupil",
    "pupilPhoto",
    "removePupilPhoto",
    "bourseCertificate",
    "removeBourseCertificate",
];

fn link_created_pupil(openapi: &mut utoipa::openapi::OpenApi) {
    let created = openapi
        .paths
        .paths
        .get_mut("/api/pupils")
        .and_then(|item| item.post.as_mut())
        .and_then(|operation| operation.responses.responses.get_mut("201"));
    let Some(RefOr::T(created)) = created else {
        return;
    };
    for operation in PUPIL_OPERATIONS {
        let link = LinkBuilder::new()
            .operation_id(operation)
            .parameter("id", "$response.body#/id")
            .description("The pupil just added")
            .build();
        created.links.insert(operation.to_owned(), RefOr::T(link));
    }
}

/// utoipa 5.5 writes a link's `operationId`, `operationRef` and `requestBody` in snake case,
/// which OpenAPI readers ignore (schemathesis: "missing both 'operationRef' and 'operationId'").
fn spell_link_fields_in_camel_case(document: &mut serde_json::Value) {
    let Some(paths) = document["paths"].as_object_mut() else {
        return;
    };
    let links = paths
        .values_mut()
        .filter_map(|item| item.as_object_mut())
        .flat_map(|item| item.values_mut())
        .filter_map(|operation| operation["responses"].as_object_mut())
        .flat_map(|responses| responses.values_mut())
        .filter_map(|response| response.get_mut("links")?.as_object_mut())
        .flat_map(|links| links.values_mut())
        .filter_map(|link| link.as_object_mut());
    for link in links {
        for (snake, camel) in [
            ("operation_id", "operationId"),
            ("operation_ref", "operationRef"),
            ("request_body", "requestBody"),
        ] {
            if let Some(value) = link.remove(snake) {
                link.insert(camel.to_owned(), value);
            }
        }
    }
}

/// The extension of a 422 answer listing the codes a request valid for the document can still
/// get (rules a schema cannot express); a client or a fuzzer can tell such a refusal from a
/// contract broken.
pub const BEYOND_SCHEMA_EXTENSION: &str = "x-beyond-schema";

/// What a request the document accepts can still be refused for, by what it carries: the
/// request body's schema, or the collège search's query.
fn refusals_beyond_schema(operation: &Operation) -> Vec<&'static str> {
    let body_schema = operation.request_body.as_ref().and_then(|body| {
        body.content
            .values()
            .find_map(|content| match &content.schema {
                Some(RefOr::Ref(reference)) => reference.ref_location.rsplit('/').next(),
                _ => None,
            })
    });
    let by_query = operation.operation_id.as_deref() == Some("searchColleges");
    match (body_schema, by_query) {
        (Some("SignupForm"), _) => SignupForm::BEYOND_SCHEMA.to_vec(),
        (Some("ContactForm"), _) => ContactForm::BEYOND_SCHEMA.to_vec(),
        (Some("PasswordChangeForm"), _) => PasswordChangeForm::BEYOND_SCHEMA.to_vec(),
        (Some("PasswordResetForm"), _) => PasswordResetForm::BEYOND_SCHEMA.to_vec(),
        (Some("PupilSubmission"), _) => [PupilForm::BEYOND_SCHEMA, upload::BEYOND_SCHEMA].concat(),
        (Some("TaxNoticeSubmission"), _) => upload::TAX_NOTICE_BEYOND_SCHEMA.to_vec(),
        (Some("CanteenEnrolmentForm"), _) => CanteenEnrolmentForm::BEYOND_SCHEMA.to_vec(),
        (Some("CardOpeningForm"), _) => CardOpeningForm::BEYOND_SCHEMA.to_vec(),
        (Some("WeekdaysForm"), _) => WeekdaysForm::BEYOND_SCHEMA.to_vec(),
        (Some("IncomeForm"), _) => IncomeForm::BEYOND_SCHEMA.to_vec(),
        (_, true) => CollegeSearch::BEYOND_SCHEMA.to_vec(),
        _ => Vec::new(),
    }
}

/// Says on the operation's 422 which codes a request valid for the document can still get
/// (none: any 422 is then a request the document already refuses).
fn list_refusals_beyond_schema(operation: &mut Operation) {
    let codes = refusals_beyond_schema(operation);
    let Some(RefOr::T(response)) = operation.responses.responses.get_mut("422") else {
        return;
    };
    if !codes.is_empty() {
        let listed: Vec<String> = codes.iter().map(|code| format!("`{code}`")).collect();
        response.description = format!(
            "{} A request valid for this document can still break: {}.",
            response.description,
            listed.join(", ")
        );
    }
    let extensions = ExtensionsBuilder::new()
        .add(BEYOND_SCHEMA_EXTENSION, serde_json::json!(codes))
        .build();
    match &mut response.extensions {
        Some(existing) => existing.merge(extensions),
        None => response.extensions = Some(extensions),
    }
}
