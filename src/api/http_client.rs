//! One request to the server, over `XMLHttpRequest`: the browser's only API that reports how
//! much of an upload is sent, which a family sending a photo on a slow connection needs to see.
//! Every call of the app goes through here (same origin, so the session cookie goes along).

use std::cell::RefCell;
use std::rc::Rc;

use js_sys::Promise;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{FormData, ProgressEvent, XmlHttpRequest};

/// What a request carries.
pub enum Body<'a> {
    Empty,
    Json(&'a str),
    Form(&'a FormData),
}

/// An answer of the server, whatever its status.
pub struct Answer {
    pub status: u16,
    pub text: String,
}

impl Answer {
    pub fn ok(&self) -> bool {
        (200..300).contains(&self.status)
    }
}

/// No answer: the connection dropped, or the server is unreachable.
pub struct NoAnswer;

/// Where a submission is, for the page to tell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sending {
    /// Sent, no answer yet (nothing measurable).
    Waiting,
    /// A photo is being scaled down in the browser, before the request.
    ScalingPhoto,
    /// The body is on its way: this much of it is sent.
    Uploading { percent: u8 },
    /// All handed to the network (its last bytes may still be on their way): the server
    /// checks and stores it.
    Checking,
}

/// How much of a body is sent: bytes sent, bytes in all.
pub type OnUploadProgress = Box<dyn FnMut(f64, f64)>;

/// A request its page can give up: the form that sent it aborts it when it goes away, so that
/// a body still on its way is not stored unseen (and sent again by a parent who came back).
#[derive(Clone, Default)]
pub struct InFlight(Rc<RefCell<Option<XmlHttpRequest>>>);

impl InFlight {
    pub fn abort(&self) {
        if let Some(request) = self.0.borrow_mut().take() {
            let _ = request.abort();
        }
    }
}

/// What a page follows of an upload.
pub struct Watch {
    pub on_progress: OnUploadProgress,
    pub in_flight: InFlight,
}

/// Tells `report` how much of a body is sent, then that the server checks it.
pub fn upload_progress(report: Rc<dyn Fn(Sending)>) -> OnUploadProgress {
    Box::new(move |sent: f64, total: f64| {
        report(if sent >= total {
            Sending::Checking
        } else {
            Sending::Uploading {
                percent: (sent / total * 100.0) as u8,
            }
        })
    })
}

/// Sends `method path` with `body`; `watch`, if any, is told as the body goes out and can
/// abort it.
pub async fn send(
    method: &str,
    path: &str,
    body: Body<'_>,
    watch: Option<Watch>,
) -> Result<Answer, NoAnswer> {
    let request = XmlHttpRequest::new().map_err(|_| NoAnswer)?;
    request
        .open_with_async(method, path, true)
        .map_err(|_| NoAnswer)?;
    let (on_progress, in_flight) = match watch {
        Some(Watch {
            on_progress,
            in_flight,
        }) => (Some(on_progress), Some(in_flight)),
        None => (None, None),
    };
    if let Some(in_flight) = &in_flight {
        in_flight.0.replace(Some(request.clone()));
    }
    // Kept alive until the answer: the browser calls it meanwhile.
    let progress = on_progress.map(|mut on_progress| {
        Closure::<dyn FnMut(ProgressEvent)>::new(move |event: ProgressEvent| {
            on_progress(event.loaded(), event.total())
        })
    });
    if let (Some(progress), Ok(upload)) = (&progress, request.upload()) {
        upload.set_onprogress(Some(progress.as_ref().unchecked_ref()));
    }
    // The promise's own functions are the handlers: no closure to keep for them.
    let answered = Promise::new(&mut |resolve, reject| {
        request.set_onload(Some(&resolve));
        request.set_onerror(Some(&reject));
        request.set_onabort(Some(&reject));
        request.set_ontimeout(Some(&reject));
    });
    let sent = match body {
        Body::Empty => request.send(),
        Body::Json(json) => request
            .set_request_header("Content-Type", "application/json")
            .and_then(|()| request.send_with_opt_str(Some(json))),
        Body::Form(form) => request.send_with_opt_form_data(Some(form)),
    };
    sent.map_err(|_| NoAnswer)?;
    let answered = JsFuture::from(answered).await;
    if let Some(in_flight) = &in_flight {
        in_flight.0.replace(None);
    }
    drop(progress);
    answered.map_err(|_| NoAnswer)?;
    Ok(Answer {
        status: request.status().map_err(|_| NoAnswer)?,
        text: request.response_text().ok().flatten().unwrap_or_default(),
    })
}

/// A GET that presents `key` as a bearer: the pupil's card reads itself so, without a session.
/// Apart from `send` (which has no header to add) so that the family's apps do not carry it.
pub async fn get_with_key(path: &str, key: &str) -> Result<Answer, NoAnswer> {
    let request = XmlHttpRequest::new().map_err(|_| NoAnswer)?;
    request
        .open_with_async("GET", path, true)
        .map_err(|_| NoAnswer)?;
    request
        .set_request_header("Authorization", &format!("Bearer {key}"))
        .map_err(|_| NoAnswer)?;
    let answered = Promise::new(&mut |resolve, reject| {
        request.set_onload(Some(&resolve));
        request.set_onerror(Some(&reject));
        request.set_ontimeout(Some(&reject));
    });
    request.send().map_err(|_| NoAnswer)?;
    JsFuture::from(answered).await.map_err(|_| NoAnswer)?;
    Ok(Answer {
        status: request.status().map_err(|_| NoAnswer)?,
        text: request.response_text().ok().flatten().unwrap_or_default(),
    })
}

/// A GET whose answer is text (a page body, the translations), or `None` without a 2xx.
pub async fn get_text(path: &str) -> Option<String> {
    let answer = send("GET", path, Body::Empty, None).await.ok()?;
    answer.ok().then_some(answer.text)
}
