//! FileField: an optional file, checked with the shared rule as soon as it is chosen.

use leptos::prelude::*;
use passplus_validation::upload::UploadKind;
use passplus_web::form::file_field::{declared_error, FileField};
use passplus_web::i18n::{error_message_key, Key};
use wasm_bindgen_test::wasm_bindgen_test;

use crate::support::{
    aria_invalid, axe, described_by, description_texts, focus, is_disabled, label_texts,
    mount_in_french, settle, Mounted,
};

const PHOTO_HINT: &str = "Image JPEG ou PNG. Une grande photo est réduite avant l’envoi (10 Mo au plus si votre navigateur ne peut pas la réduire). Elle est réenregistrée sans ses informations cachées (lieu, date, appareil).";

/// A photo field whose error is the shared rule's, as the pupil form wires it.
fn mount_photo(disabled: bool) -> (Mounted, RwSignal<Option<web_sys::File>, LocalStorage>) {
    let file = RwSignal::new_local(None::<web_sys::File>);
    let error = RwSignal::new(None::<Key>);
    let mounted = mount_in_french(move || {
        let on_change = Callback::new(move |()| {
            let code = file.with_untracked(|file| {
                file.as_ref()
                    .and_then(|file| declared_error(UploadKind::Photo, file))
            });
            error.set(code.as_deref().map(error_message_key));
        });
        view! {
            <FileField id="photo" label=Key::pupil_photo_label hint=Key::pupil_photo_hint
                kind=UploadKind::Photo file error on_change disabled />
        }
    });
    (mounted, file)
}

/// Chooses a file of this name, type and content, as the browser's file picker does.
fn choose(input: &web_sys::HtmlInputElement, name: &str, media_type: &str, content: &str) {
    let options = web_sys::FilePropertyBag::new();
    options.set_type(media_type);
    let parts = js_sys::Array::of1(&content.into());
    let file = web_sys::File::new_with_str_sequence_and_options(&parts, name, &options).unwrap();
    let transfer = web_sys::DataTransfer::new().unwrap();
    transfer.items().add_with_file(&file).unwrap();
    input.set_files(transfer.files().as_ref());
    input
        .dispatch_event(&web_sys::Event::new("change").unwrap())
        .unwrap();
}

fn chosen_name(file: RwSignal<Option<web_sys::File>, LocalStorage>) -> Option<String> {
    file.with_untracked(|file| file.as_ref().map(web_sys::File::name))
}

#[wasm_bindgen_test]
async fn a_file_field_is_labelled_optional_and_described_by_its_hint() {
    let (mounted, file) = mount_photo(false);
    settle().await;
    let input = mounted.input("photo");
    assert_eq!(input.type_(), "file");
    assert_eq!(
        label_texts(&input),
        ["Photo d’identité pour la carte Pass+ (facultatif)"]
    );
    assert_eq!(input.get_attribute("aria-required"), None);
    assert_eq!(description_texts(&input), [PHOTO_HINT]);
    assert_eq!(input.accept(), "image/jpeg,image/png");
    assert_eq!(aria_invalid(&input), None);
    assert!(!is_disabled(&input));
    assert_eq!(chosen_name(file), None);
    axe::assert_accessible(&mounted.container, "file field at rest").await;
    focus(&input);
    axe::assert_accessible(&mounted.container, "file field with focus").await;
}

#[wasm_bindgen_test]
async fn a_certificate_field_accepts_pdfs_too() {
    let file = RwSignal::new_local(None::<web_sys::File>);
    let mounted = mount_in_french(move || {
        view! {
            <FileField id="attestation" label=Key::pupil_certificate_label
                hint=Key::pupil_certificate_hint kind=UploadKind::BourseCertificate file
                error=Signal::stored(None) on_change=Callback::new(|()| {}) />
        }
    });
    settle().await;
    let input = mounted.input("attestation");
    assert_eq!(input.accept(), "application/pdf,image/jpeg,image/png");
    assert_eq!(label_texts(&input), ["Attestation de bourse (facultatif)"]);
    axe::assert_accessible(&mounted.container, "certificate field").await;
}

#[wasm_bindgen_test]
async fn a_file_of_the_wrong_type_is_refused_at_once_and_a_good_one_clears_the_error() {
    let (mounted, file) = mount_photo(false);
    settle().await;
    let input = mounted.input("photo");
    choose(&input, "notes.txt", "text/plain", "pas une image");
    settle().await;
    assert_eq!(chosen_name(file).as_deref(), Some("notes.txt"));
    assert_eq!(described_by(&input), ["photo-hint", "photo-error"]);
    assert_eq!(
        description_texts(&input)[1],
        "Erreur : La photo doit être une image JPEG ou PNG."
    );
    assert_eq!(aria_invalid(&input).as_deref(), Some("true"));
    assert_eq!(input.files().unwrap().length(), 1, "the file stays chosen");
    axe::assert_accessible(&mounted.container, "file field in error").await;
    focus(&input);
    axe::assert_accessible(&mounted.container, "file field in error, with focus").await;

    choose(&input, "photo.jpg", "image/jpeg", "\u{ff}\u{d8}\u{ff}");
    settle().await;
    assert_eq!(chosen_name(file).as_deref(), Some("photo.jpg"));
    assert!(!mounted.has("photo-error"));
    assert_eq!(described_by(&input), ["photo-hint"]);
    assert_eq!(aria_invalid(&input), None);

    choose(&input, "vide.png", "image/png", "");
    settle().await;
    assert_eq!(
        description_texts(&input)[1],
        "Erreur : Le fichier choisi est vide : choisissez-en un autre."
    );
}

#[wasm_bindgen_test]
async fn a_disabled_file_field_offers_no_choice() {
    let (mounted, _file) = mount_photo(true);
    settle().await;
    let input = mounted.input("photo");
    assert!(is_disabled(&input));
    assert_eq!(
        label_texts(&input),
        ["Photo d’identité pour la carte Pass+ (facultatif)"]
    );
    axe::assert_accessible(&mounted.container, "disabled file field").await;
}
