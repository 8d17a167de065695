//! A browser's cookie jar, as much of one as the tests need: every `Set-Cookie` of an answer
//! stores or replaces its cookie, one cleared (`Max-Age=0`, an `Expires` date past) is removed,
//! and each request carries them all in one `Cookie` header.
//!
//! Our own rather than reqwest's `cookies` feature: the server's cookies are `Secure` and
//! `__Host-`, which a conforming store (reqwest's `cookie_store`) will not send to, or accept
//! from, the plain `http://127.0.0.1` the tests reach the server on; and the tests need what a
//! store keeps to itself — one cookie's value, a copy of the jar kept after a logout, the same
//! jar taken to a second server. The rest of a browser's rules (domains, paths) never arise:
//! one site, every cookie `Path=/`.

use std::collections::BTreeMap;
use std::time::{SystemTime, UNIX_EPOCH};

use reqwest::header::SET_COOKIE;

#[derive(Clone, Default)]
pub struct CookieJar {
    cookies: BTreeMap<String, String>,
}

impl CookieJar {
    /// What every `Set-Cookie` of `response` says.
    pub fn keep_from(&mut self, response: &reqwest::Response) {
        for set_cookie in response.headers().get_all(SET_COOKIE) {
            if let Ok(set_cookie) = set_cookie.to_str() {
                self.keep(set_cookie);
            }
        }
    }

    /// Stores, replaces or removes the cookie one `Set-Cookie` value names.
    pub fn keep(&mut self, set_cookie: &str) {
        let mut parts = set_cookie.split(';');
        let Some((name, value)) = parts.next().and_then(|pair| pair.split_once('=')) else {
            return;
        };
        let name = name.trim().to_owned();
        if is_removal(parts) {
            self.remove(&name);
        } else {
            self.cookies.insert(name, value.trim().to_owned());
        }
    }

    pub fn insert(&mut self, name: &str, value: &str) {
        self.cookies.insert(name.to_owned(), value.to_owned());
    }

    pub fn remove(&mut self, name: &str) {
        self.cookies.remove(name);
    }

    pub fn get(&self, name: &str) -> Option<&str> {
        self.cookies.get(name).map(String::as_str)
    }

    /// The `Cookie` header a browser sends with them (`a=1; b=2`), or none when the jar is empty.
    pub fn header(&self) -> Option<String> {
        let pairs: Vec<String> = self
            .cookies
            .iter()
            .map(|(name, value)| format!("{name}={value}"))
            .collect();
        (!pairs.is_empty()).then(|| pairs.join("; "))
    }
}

/// Whether a cookie's attributes end it now. `Max-Age`, when there is one, decides over
/// `Expires` (RFC 6265, 5.3); an `Expires` the jar cannot read is ignored, as browsers do.
fn is_removal<'a>(attributes: impl Iterator<Item = &'a str>) -> bool {
    let mut max_age = None;
    let mut expires = None;
    for attribute in attributes {
        let (key, value) = attribute.split_once('=').unwrap_or((attribute, ""));
        match key.trim().to_ascii_lowercase().as_str() {
            "max-age" => max_age = value.trim().parse::<i64>().ok(),
            "expires" => expires = http_date_seconds(value.trim()),
            _ => {}
        }
    }
    match (max_age, expires) {
        (Some(seconds), _) => seconds <= 0,
        (None, Some(at)) => at <= now(),
        (None, None) => false,
    }
}

fn now() -> i64 {
    let since_epoch = SystemTime::now().duration_since(UNIX_EPOCH).unwrap();
    i64::try_from(since_epoch.as_secs()).unwrap()
}

/// An HTTP date (`Thu, 01 Jan 1970 00:00:00 GMT`) in seconds since the epoch.
fn http_date_seconds(date: &str) -> Option<i64> {
    let [_, day, month, year, time, "GMT"] = date.split_whitespace().collect::<Vec<_>>()[..] else {
        return None;
    };
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let month = MONTHS.iter().position(|name| *name == month)? as i64 + 1;
    let (day, year): (i64, i64) = (day.parse().ok()?, year.parse().ok()?);
    let mut clock = time.split(':').map(str::parse::<i64>);
    let (Some(Ok(hours)), Some(Ok(minutes)), Some(Ok(seconds)), None) =
        (clock.next(), clock.next(), clock.next(), clock.next())
    else {
        return None;
    };
    Some(days_from_civil(year, month, day) * 86_400 + hours * 3600 + minutes * 60 + seconds)
}

/// Days since 1970-01-01 of a date of the proleptic Gregorian calendar (Howard Hinnant's
/// `days_from_civil`).
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let day_of_year = (153 * ((month + 9) % 12) + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

#[test]
fn a_new_cookie_replaces_the_old_and_a_cleared_one_is_removed() {
    let mut jar = CookieJar::default();
    jar.keep("__Host-passplus_session=first; Path=/; HttpOnly; Secure; SameSite=Lax");
    jar.keep("__Host-passplus_device=kept; Path=/; Max-Age=7776000; HttpOnly; Secure");
    jar.keep("__Host-passplus_session=second; Path=/; HttpOnly; Secure; SameSite=Lax");
    assert_eq!(jar.get("__Host-passplus_session"), Some("second"));
    assert_eq!(
        jar.header().unwrap(),
        "__Host-passplus_device=kept; __Host-passplus_session=second"
    );
    jar.keep("__Host-passplus_session=; Path=/; HttpOnly; Secure; SameSite=Lax; Max-Age=0");
    assert_eq!(jar.get("__Host-passplus_session"), None);
    jar.keep("__Host-passplus_device=; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT");
    assert_eq!(jar.header(), None);
}

#[test]
fn an_expiry_date_ends_a_cookie_only_once_past_and_max_age_decides_over_it() {
    assert_eq!(
        http_date_seconds("Sun, 06 Nov 1994 08:49:37 GMT"),
        Some(784_111_777)
    );
    assert_eq!(http_date_seconds("not a date"), None);
    let mut jar = CookieJar::default();
    jar.keep("later=1; Expires=Fri, 31 Dec 9999 23:59:59 GMT");
    jar.keep("unreadable=1; Expires=tomorrow");
    jar.keep("renewed=1; Max-Age=60; Expires=Thu, 01 Jan 1970 00:00:00 GMT");
    assert_eq!(jar.header().unwrap(), "later=1; renewed=1; unreadable=1");
}
