//! The OpenAPI document: complete, consistent, and true — every operation it lists, sent what it
//! cannot accept, answers with a status the document lists for it, and a JSON body.

use passplus_validation::codes::refusal;
use reqwest::header::CONTENT_TYPE;
use reqwest::Method;
use serde_json::{json, Value};

use crate::helpers::{error_code, known_refusal, spawn_app, Family, TestApp, SESSION_COOKIE};

/// One operation of the document.
struct Operation {
    method: Method,
    path: String,
    spec: Value,
}

impl Operation {
    fn label(&self) -> String {
        format!("{} {}", self.method, self.path)
    }

    fn documents(&self, status: u16) -> bool {
        self.spec["responses"].get(status.to_string()).is_some()
    }

    /// The security schemes it names (`session`, `card_key`).
    fn schemes(&self) -> Vec<String> {
        self.spec["security"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|requirement| requirement.as_object())
            .flat_map(|requirement| requirement.keys().cloned())
            .collect()
    }

    fn needs_session(&self) -> bool {
        self.schemes().iter().any(|scheme| scheme == "session")
    }

    fn body_type(&self) -> Option<&str> {
        let content = self.spec["requestBody"]["content"].as_object()?;
        content.keys().next().map(String::as_str)
    }

    /// The path with its parameters filled with values that name nothing.
    fn concrete_path(&self) -> String {
        self.path
            .replace("{id}", "00000000000000000000000000000000")
            .replace("{lang}", "xx")
            .replace("{version}", "0")
            .replace("{enrolment_id}", "00000000000000000000000000000000")
            .replace("{day}", "2026-12-10")
            .replace("{month}", "2026-12")
            .replace("{school_year}", "2026")
    }
}

async fn document(app: &TestApp) -> Value {
    let response = app.get("/api/openapi.json").await;
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()[CONTENT_TYPE], "application/json");
    response.json().await.expect("a JSON document")
}

fn operations(document: &Value) -> Vec<Operation> {
    let mut operations = Vec::new();
    for (path, item) in document["paths"].as_object().expect("paths") {
        for (method, spec) in item.as_object().expect("a path item") {
            operations.push(Operation {
                method: method.to_uppercase().parse().expect("an HTTP method"),
                path: path.clone(),
                spec: spec.clone(),
            });
        }
    }
    operations
}

/// Every `$ref` in `value`.
fn references<'a>(value: &'a Value, found: &mut Vec<&'a str>) {
    match value {
        Value::Object(map) => {
            if let Some(Value::String(target)) = map.get("$ref") {
                found.push(target);
            }
            map.values().for_each(|inner| references(inner, found));
        }
        Value::Array(items) => items.iter().for_each(|inner| references(inner, found)),
        _ => {}
    }
}

#[tokio::test]
async fn the_document_lists_every_route_with_the_answers_they_share() {
    let app = spawn_app().await;
    let document = document(&app).await;
    assert!(document["openapi"].as_str().unwrap().starts_with("3.1"));

    let mut listed: Vec<String> = operations(&document).iter().map(Operation::label).collect();
    listed.sort();
    let mut expected = vec![
        "GET /api/health",
        "GET /api/colleges",
        "GET /api/privacy-notice/{lang}",
        "GET /api/translations/{lang}/{version}",
        "POST /api/accounts",
        "POST /api/accounts/verification",
        "POST /api/accounts/verification-email",
        "POST /api/sessions",
        "DELETE /api/sessions/current",
        "GET /api/session",
        "GET /api/account",
        "GET /api/account/contact",
        "GET /api/account/sessions",
        "GET /api/account/data",
        "PUT /api/account/contact",
        "POST /api/account/email-change",
        "POST /api/account/email-change/verification",
        "POST /api/account/sessions/end-others",
        "PUT /api/account/password",
        "POST /api/password-reset",
        "POST /api/password-reset/check",
        "POST /api/password-reset/new-password",
        "GET /api/pupils",
        "POST /api/pupils",
        "GET /api/pupils/{id}",
        "PUT /api/pupils/{id}",
        "DELETE /api/pupils/{id}",
        "GET /api/pupils/{id}/photo",
        "DELETE /api/pupils/{id}/photo",
        "GET /api/pupils/{id}/bourse-certificate",
        "DELETE /api/pupils/{id}/bourse-certificate",
        "GET /api/canteen",
        "POST /api/canteen/enrolments",
        "GET /api/canteen/enrolments/{enrolment_id}",
        "PUT /api/canteen/enrolments/{enrolment_id}/weekdays",
        "PUT /api/canteen/enrolments/{enrolment_id}/meals/{day}",
        "GET /api/canteen/enrolments/{enrolment_id}/statements/{month}",
        "GET /api/canteen/enrolments/{enrolment_id}/statements/{month}/csv",
        "PUT /api/canteen/years/{school_year}/income",
        "PUT /api/canteen/years/{school_year}/tax-notice",
        "GET /api/canteen/years/{school_year}/tax-notice",
        "DELETE /api/canteen/years/{school_year}/tax-notice",
        "POST /api/card/accesses",
        "GET /api/card",
        "GET /api/pupils/{id}/card-accesses",
        "POST /api/pupils/{id}/card-links",
        "DELETE /api/pupils/{id}/card-accesses/{access_id}",
    ];
    expected.sort();
    assert_eq!(listed, expected);

    let mut ids: Vec<String> = operations(&document)
        .iter()
        .map(|operation| {
            operation.spec["operationId"]
                .as_str()
                .unwrap_or_default()
                .to_owned()
        })
        .collect();
    ids.sort();
    ids.dedup();
    assert!(!ids.contains(&String::new()), "an operation has no id");
    assert_eq!(ids.len(), expected.len(), "operation ids are not unique");

    for operation in operations(&document) {
        let label = operation.label();
        let success = operation.spec["responses"]
            .as_object()
            .unwrap()
            .keys()
            .any(|status| status.starts_with('2'));
        assert!(success, "{label} has no success answer");
        // The shared answers, named by their codes, even where a handler has its own meaning
        // for the same status (403 for a wrong current password, 401 for wrong credentials).
        let says = |status: u16, code: &str| {
            operation.spec["responses"][status.to_string()]["description"]
                .as_str()
                .is_some_and(|text| text.contains(&format!("`{code}`")))
        };
        assert!(
            says(500, refusal::INTERNAL) && says(408, refusal::TIMEOUT),
            "{label}"
        );
        if operation.method != Method::GET {
            assert!(says(403, refusal::CROSS_ORIGIN), "{label}");
        }
        if operation.needs_session() {
            assert!(says(401, refusal::UNAUTHORIZED), "{label}");
        }
        if operation.body_type().is_some() {
            assert!(
                says(400, refusal::BAD_REQUEST) && operation.documents(422),
                "{label}"
            );
        }
        let takes_a_link = operation.path.ends_with("/verification")
            || operation.path.starts_with("/api/password-reset/");
        if takes_a_link {
            assert!(
                says(404, refusal::LINK_INVALID)
                    && says(409, refusal::LINK_USED)
                    && says(410, refusal::LINK_EXPIRED),
                "{label}"
            );
        }
    }
    // Only the pupils', the canteen's and the account's own routes need a session; the card is
    // read with its key, and only it.
    for operation in operations(&document) {
        let card_key = operation.path == "/api/card";
        assert_eq!(
            operation.schemes(),
            if card_key {
                vec!["card_key".to_owned()]
            } else if operation.needs_session() {
                vec!["session".to_owned()]
            } else {
                Vec::new()
            },
            "{}",
            operation.label()
        );
        let own_data = operation.path.starts_with("/api/pupils")
            || operation.path.starts_with("/api/canteen")
            || operation.path.starts_with("/api/account/")
            || operation.path == "/api/account"
            || operation.path == "/api/sessions/current";
        let open_by_link = operation.path.ends_with("/verification");
        assert_eq!(
            operation.needs_session(),
            own_data && !open_by_link,
            "{}",
            operation.label()
        );
    }
}

#[tokio::test]
async fn every_reference_in_the_document_resolves() {
    let app = spawn_app().await;
    let document = document(&app).await;
    let mut found = Vec::new();
    references(&document, &mut found);
    assert!(found.contains(&"#/components/schemas/PupilSummary"));
    assert!(found.contains(&"#/components/schemas/FieldErrors"));
    for target in found {
        let pointer = target.strip_prefix('#').expect("a local reference");
        assert!(document.pointer(pointer).is_some(), "{target} is missing");
    }
    let scheme = &document["components"]["securitySchemes"]["session"];
    assert_eq!(scheme["in"], "cookie");
    assert_eq!(scheme["name"], "__Host-passplus_session");
}

/// Bodies no operation can accept: not JSON, the wrong shape, every property of the wrong type.
fn unacceptable_bodies(document: &Value, operation: &Operation) -> Vec<(String, Vec<u8>)> {
    match operation.body_type() {
        Some("application/json") => {
            let schema = &operation.spec["requestBody"]["content"]["application/json"]["schema"];
            let schema = match schema["$ref"].as_str() {
                Some(target) => document.pointer(&target[1..]).expect("resolves"),
                None => schema,
            };
            let wrong_types: serde_json::Map<String, Value> = schema["properties"]
                .as_object()
                .expect("a body with properties")
                .keys()
                .map(|name| (name.clone(), json!([12345])))
                .collect();
            let json = "application/json".to_owned();
            vec![
                (json.clone(), b"{ not json".to_vec()),
                (json.clone(), b"[]".to_vec()),
                (json, serde_json::to_vec(&wrong_types).unwrap()),
                ("text/plain".to_owned(), b"hello".to_vec()),
            ]
        }
        Some("multipart/form-data") => vec![
            (
                "multipart/form-data; boundary=X".to_owned(),
                b"--X\r\nnot a part".to_vec(),
            ),
            ("multipart/form-data".to_owned(), b"no boundary".to_vec()),
            ("application/json".to_owned(), b"{}".to_vec()),
        ],
        Some(other) => panic!(
            "{}: a body of type {other} is not exercised",
            operation.label()
        ),
        None => vec![("application/json".to_owned(), Vec::new())],
    }
}

/// Sends what cannot be accepted from `browser` (anonymous, or signed in) and checks the
/// answer is one the document lists.
async fn exercise(browser: &Family, document: &Value, operation: &Operation) {
    let signed_in = browser.cookie(SESSION_COOKIE).is_some();
    for (content_type, body) in unacceptable_bodies(document, operation) {
        let request = browser
            .request(operation.method.clone(), &operation.concrete_path())
            .header(CONTENT_TYPE, &content_type)
            .body(body.clone());
        let response = browser.send(request).await;
        let status = response.status().as_u16();
        let label = format!(
            "{} with {content_type} {:?}, {}",
            operation.label(),
            String::from_utf8_lossy(&body),
            if signed_in { "signed in" } else { "anonymous" }
        );
        assert!(status < 500, "{label}: {status}");
        assert!(
            operation.documents(status),
            "{label}: {status} is not documented"
        );
        if operation.needs_session() && !signed_in {
            assert_eq!(status, 401, "{label}");
        }
        if operation.body_type().is_some() {
            assert!(status >= 400, "{label}: accepted with {status}");
        }
        if status >= 400 {
            let body: Value = response
                .json()
                .await
                .unwrap_or_else(|error| panic!("{label}: {status} without a JSON body ({error})"));
            // Field codes exactly for invalid input, a refusal code for everything else.
            let shape_fits = if status == 422 {
                body["fields"].is_object() && body.get("error").is_none()
            } else {
                body["error"].is_string() && body.get("fields").is_none()
            };
            assert!(shape_fits, "{label}: {status} {body}");
            if status != 422 {
                known_refusal(&body);
            }
        }
    }
}

#[tokio::test]
async fn every_operation_answers_what_it_cannot_accept_as_its_document_says() {
    let app = spawn_app().await;
    let document = document(&app).await;
    let mut operations = operations(&document);
    // Logging out ends the session the other requests use: last.
    operations.sort_by_key(|operation| operation.path == "/api/sessions/current");

    let anonymous = app.browser();
    for operation in &operations {
        exercise(&anonymous, &document, operation).await;
    }
    let family = app.signed_in_family("contrat@example.fr", "92000").await;
    for operation in &operations {
        exercise(&family, &document, operation).await;
    }
}

#[tokio::test]
async fn another_method_on_a_known_path_is_a_json_405_naming_the_allowed_ones() {
    let app = spawn_app().await;
    let response = app.get("/api/sessions").await;
    assert_eq!(response.status(), 405);
    assert!(response.headers()["allow"]
        .to_str()
        .unwrap()
        .contains("POST"));
    assert_eq!(error_code(response).await, refusal::METHOD_NOT_ALLOWED);
}

/// The rules' constraints reach the document: what the shared crate's `field_schemas` says of
/// each field, the search's lengths, and the codes a schema-valid body can still get.
#[tokio::test]
async fn the_document_states_the_rules_a_schema_can_express() {
    use passplus_validation::{college, email, password, SignupForm};
    let app = spawn_app().await;
    let document = document(&app).await;
    let signup = &document["components"]["schemas"]["SignupForm"];
    let required: Vec<&str> = signup["required"]
        .as_array()
        .expect("required fields")
        .iter()
        .filter_map(Value::as_str)
        .collect();
    for field in [
        "email",
        "password",
        "given_name",
        "family_name",
        "phone",
        "address",
    ] {
        assert!(required.contains(&field), "{field} is not required");
    }
    let fields = &signup["properties"];
    assert_eq!(fields["email"]["maxLength"], json!(email::MAX_CHARS));
    assert!(fields["email"]["pattern"].as_str().unwrap().contains('@'));
    assert_eq!(fields["password"]["minLength"], json!(password::MIN_CHARS));
    assert_eq!(fields["password"]["maxLength"], json!(password::MAX_CHARS));
    let pupil = &document["components"]["schemas"]["PupilForm"]["properties"];
    assert_eq!(
        pupil["class"]["enum"],
        json!(["6e", "5e", "4e", "3e", "ulis", "segpa"])
    );

    let search = &document["paths"]["/api/colleges"]["get"]["parameters"][0];
    assert_eq!(search["required"], json!(true));
    assert_eq!(
        search["schema"]["minLength"],
        json!(college::QUERY_MIN_CHARS)
    );
    assert_eq!(
        search["schema"]["maxLength"],
        json!(college::QUERY_MAX_CHARS)
    );

    for operation in operations(&document) {
        if let Some(answer) = operation.spec["responses"].get("422") {
            assert!(
                answer["x-beyond-schema"].is_array(),
                "{}: its 422 does not say what is beyond its schema",
                operation.label()
            );
        }
    }
    let beyond = &document["paths"]["/api/accounts"]["post"]["responses"]["422"]["x-beyond-schema"];
    assert_eq!(beyond, &json!(SignupForm::BEYOND_SCHEMA));
    let login = &document["paths"]["/api/sessions"]["post"]["responses"]["422"]["x-beyond-schema"];
    assert_eq!(login, &json!([]), "every login rule is in its schema");
}

/// A created pupil's answer links to the operations on it, by operation ids that exist.
#[tokio::test]
async fn a_created_pupil_links_to_its_routes() {
    let app = spawn_app().await;
    let document = document(&app).await;
    let ids: Vec<String> = operations(&document)
        .iter()
        .filter_map(|operation| operation.spec["operationId"].as_str().map(str::to_owned))
        .collect();
    let links = document["paths"]["/api/pupils"]["post"]["responses"]["201"]["links"]
        .as_object()
        .expect("links from the created pupil");
    assert_eq!(links.len(), 7);
    for link in links.values() {
        let target = link["operationId"].as_str().expect("an operationId");
        assert!(ids.iter().any(|id| id == target), "no operation {target}");
        assert_eq!(link["parameters"]["id"], "$response.body#/id");
    }
}
