//! PDFs that families upload (bourse certificates, later tax notices): parsed as PDFs, then
//! disarmed and saved again, so that what an agent opens later cannot run anything.
//!
//! lopdf (maintained, pure Rust, no C library) parses and writes the file. A file it cannot
//! parse, that has no page, or that is encrypted with a password, is refused; one encrypted for
//! permissions only (an empty user password, as many administrations' PDFs are) is decrypted
//! first. Disarming removes, wherever they sit: actions that run code or reach outside the file
//! (JavaScript, Launch, SubmitForm, ImportData, remote and embedded go-tos, rich media), the
//! triggers that start them (`OpenAction`, `AA`), embedded files and file attachments, and XFA
//! forms. What a person reads (pages, text, images, links to a page of the same file) stays.
//! Rasterising instead would be safer still but needs a renderer (a C library) on the server.

use lopdf::{Dictionary, Document, Object};

/// The file is not a PDF this service accepts.
#[derive(Debug, PartialEq, Eq)]
pub struct NotAcceptable;

/// Keys whose value runs code or starts an action, in any dictionary.
const TRIGGER_KEYS: [&[u8]; 6] = [b"OpenAction", b"AA", b"JS", b"JavaScript", b"XFA", b"EF"];
/// Action types (`/S`) that run code or leave the file.
const ACTIVE_ACTIONS: [&[u8]; 8] = [
    b"JavaScript",
    b"Launch",
    b"SubmitForm",
    b"ImportData",
    b"GoToR",
    b"GoToE",
    b"RichMediaExecute",
    b"Rendition",
];
/// Kinds of objects (`/Type` or `/Subtype`) that carry files or media.
const ACTIVE_KINDS: [&[u8]; 7] = [
    b"EmbeddedFile",
    b"FileAttachment",
    b"RichMedia",
    b"Movie",
    b"Sound",
    b"Screen",
    b"3D",
];

/// The PDF, disarmed and saved again.
pub fn disarm(bytes: &[u8]) -> Result<Vec<u8>, NotAcceptable> {
    let mut document = Document::load_mem(bytes).map_err(|_| NotAcceptable)?;
    if document.is_encrypted() {
        document.decrypt("").map_err(|_| NotAcceptable)?;
    }
    // lopdf rebuilds a damaged cross-reference table: what it finds must still be pages.
    let pages = document.get_pages();
    let whole = pages.values().all(|id| {
        document
            .get_dictionary(*id)
            .is_ok_and(|page| page.has_type(b"Page"))
    });
    if pages.is_empty() || !whole {
        return Err(NotAcceptable);
    }
    for object in document.objects.values_mut() {
        disarm_object(object);
    }
    disarm_dictionary(&mut document.trailer);
    let mut out = Vec::new();
    document.save_to(&mut out).map_err(|_| NotAcceptable)?;
    Ok(out)
}

fn is_active(dictionary: &Dictionary) -> bool {
    let name_in = |key: &[u8], names: &[&[u8]]| {
        dictionary
            .get(key)
            .and_then(Object::as_name)
            .is_ok_and(|name| names.contains(&name))
    };
    name_in(b"S", &ACTIVE_ACTIONS)
        || name_in(b"Type", &ACTIVE_KINDS)
        || name_in(b"Subtype", &ACTIVE_KINDS)
}

fn disarm_object(object: &mut Object) {
    match object {
        Object::Dictionary(dictionary) if is_active(dictionary) => *object = Object::Null,
        Object::Stream(stream) if is_active(&stream.dict) => *object = Object::Null,
        Object::Dictionary(dictionary) => disarm_dictionary(dictionary),
        Object::Stream(stream) => disarm_dictionary(&mut stream.dict),
        Object::Array(items) => items.iter_mut().for_each(disarm_object),
        _ => {}
    }
}

fn disarm_dictionary(dictionary: &mut Dictionary) {
    for key in TRIGGER_KEYS {
        dictionary.remove(key);
    }
    // The name tree of embedded files (`/Names << /EmbeddedFiles … >>`).
    dictionary.remove(b"EmbeddedFiles");
    for (_, value) in dictionary.iter_mut() {
        disarm_object(value);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use lopdf::{dictionary, Stream};

    /// A one-page PDF with `extra` added to its catalog and an annotation on its page.
    fn pdf(catalog_extra: Dictionary, annotation: Dictionary) -> Vec<u8> {
        let mut document = Document::with_version("1.7");
        let pages_id = document.new_object_id();
        let content = document.add_object(Stream::new(
            dictionary! {},
            b"BT /F1 12 Tf 72 720 Td (Attestation de bourse) Tj ET".to_vec(),
        ));
        let annotation = document.add_object(annotation);
        let page = document.add_object(dictionary! {
            "Type" => "Page",
            "Parent" => pages_id,
            "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
            "Contents" => content,
            "Annots" => vec![annotation.into()],
        });
        document.objects.insert(
            pages_id,
            Object::Dictionary(dictionary! {
                "Type" => "Pages",
                "Kids" => vec![page.into()],
                "Count" => 1,
            }),
        );
        let mut catalog = dictionary! { "Type" => "Catalog", "Pages" => pages_id };
        catalog.extend(&catalog_extra);
        let catalog = document.add_object(catalog);
        document.trailer.set("Root", catalog);
        let mut out = Vec::new();
        document.save_to(&mut out).unwrap();
        out
    }

    fn contains(haystack: &[u8], needle: &[u8]) -> bool {
        haystack
            .windows(needle.len())
            .any(|window| window == needle)
    }

    #[test]
    fn scripts_launches_and_attachments_are_removed_and_the_page_stays() {
        let script =
            dictionary! { "S" => "JavaScript", "JS" => Object::string_literal("app.alert(1)") };
        let launch = dictionary! { "S" => "Launch", "F" => Object::string_literal("cmd.exe") };
        let attached = dictionary! {
            "Type" => "Filespec",
            "EF" => dictionary! { "F" => Object::string_literal("payload") },
        };
        let original = pdf(
            dictionary! {
                "OpenAction" => script.clone(),
                "AA" => dictionary! { "WC" => launch.clone() },
                "Names" => dictionary! { "EmbeddedFiles" => dictionary! { "Names" => vec![
                    Object::string_literal("payload.exe"), attached.into(),
                ] } },
            },
            dictionary! { "Type" => "Annot", "Subtype" => "Link", "A" => launch },
        );
        let active: [&[u8]; 5] = [
            b"JavaScript",
            b"Launch",
            b"EmbeddedFiles",
            b"cmd.exe",
            b"payload",
        ];
        for word in active {
            assert!(contains(&original, word), "the test file lacks {word:?}");
        }
        let disarmed = disarm(&original).unwrap();
        for word in active {
            assert!(!contains(&disarmed, word), "{word:?} is still there");
        }
        let reloaded = Document::load_mem(&disarmed).unwrap();
        assert_eq!(reloaded.get_pages().len(), 1);
        assert!(contains(&disarmed, b"Attestation de bourse"));
    }

    #[test]
    fn a_plain_pdf_keeps_its_text_and_a_link_within_the_file() {
        let go_to = dictionary! { "S" => "GoTo", "D" => vec![0.into()] };
        let original = pdf(
            dictionary! {},
            dictionary! { "Type" => "Annot", "Subtype" => "Link", "A" => go_to },
        );
        let disarmed = disarm(&original).unwrap();
        assert!(contains(&disarmed, b"GoTo"));
        assert!(contains(&disarmed, b"Attestation de bourse"));
    }

    #[test]
    fn what_is_not_a_pdf_with_a_page_is_refused() {
        assert_eq!(disarm(b"%PDF-1.4\nnot really\n%%EOF\n"), Err(NotAcceptable));
        assert_eq!(disarm(b""), Err(NotAcceptable));
        let cut = pdf(
            dictionary! {},
            dictionary! { "Type" => "Annot", "Subtype" => "Text" },
        );
        assert_eq!(disarm(&cut[..cut.len() / 2]), Err(NotAcceptable));
        let mut document = Document::with_version("1.7");
        let pages = document.add_object(
            dictionary! { "Type" => "Pages", "Kids" => Vec::<Object>::new(), "Count" => 0 },
        );
        let catalog = document.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages });
        document.trailer.set("Root", catalog);
        let mut empty = Vec::new();
        document.save_to(&mut empty).unwrap();
        assert_eq!(disarm(&empty), Err(NotAcceptable));
    }
}
