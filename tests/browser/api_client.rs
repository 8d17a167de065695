//! The API client: what it reads from the server's answers with the browser's JSON parser.

use wasm_bindgen_test::wasm_bindgen_test;

/// The browser's JSON parser and the app's reader of its values read the server's 422 body: a
/// map from a plain object.
#[wasm_bindgen_test]
fn field_errors_are_read_from_the_servers_json() {
    let errors: passplus_validation::FieldErrors = passplus_web::api::from_json(
        r#"{"fields":{"email":["email_invalid"],"address.postal_code":["a","b"]}}"#,
    )
    .expect("a FieldErrors body");
    assert_eq!(errors.first_code("email"), Some("email_invalid"));
    assert_eq!(errors.fields["address.postal_code"], vec!["a", "b"]);
}

#[derive(Debug, PartialEq, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
enum State {
    Pending,
    Validated,
}

#[derive(Debug, PartialEq, serde::Deserialize)]
#[serde(tag = "rule", rename_all = "snake_case")]
enum Rule {
    YearsAfter { years: u32 },
}

#[derive(Debug, PartialEq, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
enum Holder {
    Cents(u64),
    Nothing,
}

#[derive(Debug, PartialEq, serde::Deserialize)]
struct Answer {
    count: u32,
    offset: i32,
    big: u64,
    ratio: f64,
    done: bool,
    name: String,
    note: Option<String>,
    #[serde(default)]
    absent: Option<u32>,
    days: Vec<String>,
    state: State,
    rule: Rule,
    holders: Vec<Holder>,
    by_field: std::collections::BTreeMap<String, Vec<u8>>,
    nested: Vec<Nested>,
}

#[derive(Debug, PartialEq, serde::Deserialize)]
struct Nested {
    day: String,
}

const ANSWER: &str = r#"{"count":3,"offset":-2,"big":9007199254740991,"ratio":0.5,"done":true,
    "name":"Inès","note":null,"days":["monday","friday"],"state":"validated",
    "rule":{"rule":"years_after","years":6},"holders":[{"cents":700},"nothing"],
    "by_field":{"a.b":[1,2]},"nested":[{"day":"2026-12-03","unknown":1}]}"#;

/// The app's own reader of the browser's JSON takes every shape the contract uses: integers
/// (negative, up to 2⁵³), a float, text, null and a missing optional, lists, maps, enums by name,
/// tagged and with content, nested objects with fields it does not know.
#[wasm_bindgen_test]
fn every_shape_of_the_contract_is_read() {
    let answer: Answer = passplus_web::api::from_json(ANSWER).expect("an Answer");
    assert_eq!(
        answer,
        Answer {
            count: 3,
            offset: -2,
            big: 9_007_199_254_740_991,
            ratio: 0.5,
            done: true,
            name: "Inès".to_owned(),
            note: None,
            absent: None,
            days: vec!["monday".to_owned(), "friday".to_owned()],
            state: State::Validated,
            rule: Rule::YearsAfter { years: 6 },
            holders: vec![Holder::Cents(700), Holder::Nothing],
            by_field: [("a.b".to_owned(), vec![1, 2])].into_iter().collect(),
            nested: vec![Nested {
                day: "2026-12-03".to_owned()
            }],
        }
    );
    let pending: Option<State> = passplus_web::api::from_json(r#""pending""#);
    assert_eq!(pending, Some(State::Pending));
}

/// What does not fit is no answer, never a guess: a fraction, a negative or an out-of-range
/// number for a count, text for a number, an unknown name, a missing field, an object for a list.
#[wasm_bindgen_test]
fn an_answer_that_does_not_fit_is_none() {
    for (wrong, right) in [
        (r#""count":1.5"#, r#""count":3"#),
        (r#""count":-1"#, r#""count":3"#),
        (r#""count":4294967296"#, r#""count":3"#),
        (r#""count":"3""#, r#""count":3"#),
        (r#""state":"refused""#, r#""state":"validated""#),
        (r#""days":{"0":"monday"}"#, r#""days":["monday","friday"]"#),
        (r#""done":1"#, r#""done":true"#),
        (
            r#""rule":{"years":6}"#,
            r#""rule":{"rule":"years_after","years":6}"#,
        ),
    ] {
        assert!(ANSWER.contains(right), "{right}");
        let json = ANSWER.replace(right, wrong);
        let read: Option<Answer> = passplus_web::api::from_json(&json);
        assert_eq!(read, None, "{wrong}");
    }
    let without_name = ANSWER.replace(r#""name":"Inès","#, "");
    assert_eq!(passplus_web::api::from_json::<Answer>(&without_name), None);
    assert_eq!(passplus_web::api::from_json::<Answer>("not json"), None);
}
