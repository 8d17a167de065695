//! The login bench: a verified account on the bench server (signed up and verified through the
//! API, the link read from the outbox), the wrk script that logs it in, and the raw argon2id rate.

use std::path::{Path, PathBuf};

use anyhow::{bail, Context};

use crate::{cmd, http, server};

const EMAIL: &str = "banc.essai@example.org";
const PASSWORD: &str = "une phrase de passe pour le banc";

/// Creates and verifies the bench account; returns the path of the wrk script.
pub fn prepare(base_url: &str, work_dir: &Path) -> anyhow::Result<PathBuf> {
    let signup = format!(
        r#"{{"email":"{EMAIL}","password":"{PASSWORD}","given_name":"Banc","family_name":"Essai",
        "phone":"0612345678","address":{{"street":"1 rue du Banc","postal_code":"92000",
        "commune":"Nanterre"}}}}"#
    );
    let status = http::post_json(base_url, "/api/accounts", &signup)?.status;
    if status != 202 {
        bail!("bench signup answered {status}");
    }
    let token = last_token(&work_dir.join("outbox"))?;
    let status = http::post_json(
        base_url,
        "/api/accounts/verification",
        &format!(r#"{{"token":"{token}"}}"#),
    )?
    .status;
    if status != 200 {
        bail!("bench verification answered {status}");
    }
    let script = work_dir.join("login.lua");
    std::fs::write(
        &script,
        format!(
            "wrk.method = \"POST\"\n\
             wrk.body = '{{\"email\":\"{EMAIL}\",\"password\":\"{PASSWORD}\"}}'\n\
             wrk.headers[\"Content-Type\"] = \"application/json\"\n\
             wrk.headers[\"Origin\"] = \"{base_url}\"\n"
        ),
    )?;
    Ok(script)
}

/// Logs the bench account in; returns its session cookie (`name=value`).
pub fn session_cookie(base_url: &str) -> anyhow::Result<String> {
    let body = format!(r#"{{"email":"{EMAIL}","password":"{PASSWORD}"}}"#);
    let answer = http::post_json(base_url, "/api/sessions", &body)?;
    answer
        .header("set-cookie")
        .and_then(|cookie| cookie.split(';').next())
        .map(str::to_owned)
        .context("the bench login set no cookie")
}

/// Logins (the bench account, right password) while a second wrk floods signups with new
/// addresses, for the same time: "logins row", "signups row" for the load table.
pub fn during_signup_flood(base_url: &str, work_dir: &Path) -> anyhow::Result<(String, String)> {
    let flood = work_dir.join("signup-flood.lua");
    std::fs::write(
        &flood,
        format!(
            "local n = 0\n\
             request = function()\n\
             n = n + 1\n\
             local body = '{{\"email\":\"crue.' .. n .. '.' .. math.random(1e9) .. '@example.org\",\
             \"password\":\"une phrase de passe pour la crue\",\"given_name\":\"Crue\",\
             \"family_name\":\"Essai\",\"phone\":\"0612345678\",\"address\":{{\"street\":\
             \"1 rue du Banc\",\"postal_code\":\"92000\",\"commune\":\"Nanterre\"}}}}'\n\
             return wrk.format('POST', nil, {{['Content-Type'] = 'application/json', \
             ['Origin'] = '{base_url}'}}, body)\n\
             end\n"
        ),
    )?;
    let login_script = work_dir.join("login.lua");
    let signups_url = format!("{base_url}/api/accounts");
    let signups = std::thread::spawn(move || {
        crate::bench::run_wrk_refusing(&signups_url, Some(&flood), true)
    });
    let logins = crate::bench::run_wrk_refusing(
        &format!("{base_url}/api/sessions"),
        Some(&login_script),
        true,
    )?;
    let signups = signups
        .join()
        .map_err(|_| anyhow::anyhow!("the signup flood panicked"))??;
    Ok((logins, signups))
}

/// Raw argon2id hashes per second, from the server crate's example.
pub fn argon2_rate(root: &Path) -> anyhow::Result<String> {
    let binary = server::build_example(root, "argon2_rate")?;
    cmd::output_of(&binary.to_string_lossy(), &[]).context("the argon2 rate example failed")
}

/// The token of the newest verification link in the outbox, once the server's mail worker has
/// written it (within a second of the answer).
fn last_token(outbox: &Path) -> anyhow::Result<String> {
    let mut newest = None;
    for _ in 0..50 {
        newest = std::fs::read_dir(outbox)?
            .filter_map(Result::ok)
            .max_by_key(|entry| entry.metadata().and_then(|m| m.modified()).ok());
        if newest.is_some() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    let newest = newest.context("no e-mail in the bench outbox after 5 s")?;
    let message = std::fs::read_to_string(newest.path())?;
    let start = message.find("jeton=").context("no link in the e-mail")? + "jeton=".len();
    Ok(message[start..]
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .collect())
}
