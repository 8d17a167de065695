//! The login bench: verified accounts on the bench server (signed up and verified through the
//! API, the links read from the outbox), the wrk script that logs them in, the same during a
//! signup flood, and the raw argon2id rate.

use std::path::{Path, PathBuf};

use anyhow::{bail, Context};

use crate::{cmd, http, server};

const EMAIL: &str = "banc.essai@example.org";
const PASSWORD: &str = "une phrase de passe pour le banc";

/// Families whose logins the bench spreads its load over: many families log in at once, not
/// one family 32 times at once (whose attempts in flight would count against its limit of 5).
const ACCOUNTS: usize = 32;

/// The address of the `index`th bench account (the first is the one `session_cookie` uses).
fn account(index: usize) -> String {
    match index {
        0 => EMAIL.to_owned(),
        _ => format!("banc.essai.{index}@example.org"),
    }
}

/// Lua for a wrk script: counts the answers by status in each thread and prints the refusals
/// (`refused 503: 12`) when the run ends, for `bench::run_wrk_refusing` to report.
const COUNT_STATUSES: &str = "local threads = {}\n\
    setup = function(thread) table.insert(threads, thread) end\n\
    init = function() statuses = {} end\n\
    response = function(status) statuses[status] = (statuses[status] or 0) + 1 end\n\
    done = function()\n\
    local total = {}\n\
    for _, thread in ipairs(threads) do\n\
    for status, n in pairs(thread:get('statuses')) do total[status] = (total[status] or 0) + n end\n\
    end\n\
    for status, n in pairs(total) do\n\
    if status >= 300 then io.write('refused ' .. status .. ': ' .. n .. '\\n') end\n\
    end\n\
    end\n";

/// Creates and verifies the bench accounts; returns the path of the wrk script that logs them
/// in, one after another.
pub fn prepare(base_url: &str, work_dir: &Path) -> anyhow::Result<PathBuf> {
    for index in 0..ACCOUNTS {
        let email = account(index);
        let signup = format!(
            r#"{{"email":"{email}","password":"{PASSWORD}","given_name":"Banc","family_name":"Essai",
            "phone":"0612345678","address":{{"street":"1 rue du Banc","postal_code":"92000",
            "commune":"Nanterre"}}}}"#
        );
        let status = http::post_json(base_url, "/api/accounts", &signup)?.status;
        if status != 202 {
            bail!("bench signup answered {status}");
        }
        let token = token_for(&work_dir.join("outbox"), &email)?;
        let status = http::post_json(
            base_url,
            "/api/accounts/verification",
            &format!(r#"{{"token":"{token}"}}"#),
        )?
        .status;
        if status != 200 {
            bail!("bench verification answered {status}");
        }
    }
    let bodies: Vec<String> = (0..ACCOUNTS)
        .map(|index| {
            format!(
                "'{{\"email\":\"{}\",\"password\":\"{PASSWORD}\"}}'",
                account(index)
            )
        })
        .collect();
    let script = work_dir.join("login.lua");
    std::fs::write(
        &script,
        format!(
            "local bodies = {{{}}}\n\
             local n = 0\n\
             request = function()\n\
             n = n % #bodies + 1\n\
             return wrk.format('POST', nil, {{['Content-Type'] = 'application/json', \
             ['Origin'] = '{base_url}'}}, bodies[n])\n\
             end\n{COUNT_STATUSES}",
            bodies.join(", ")
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
             end\n{COUNT_STATUSES}"
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

/// The logins' rate as a share of the raw hash rate (the mean of two measures): "93.1 %".
/// `login_load` is a `run_wrk` row, its first cell the requests per second.
pub fn share_of_ceiling(login_load: &str, before: &str, after: &str) -> anyhow::Result<String> {
    let number = |text: &str| -> anyhow::Result<f64> {
        let first = text.split(['|', ' ']).find(|word| !word.is_empty());
        first
            .and_then(|word| word.trim().parse().ok())
            .with_context(|| format!("not a rate: {text}"))
    };
    let ceiling = (number(before)? + number(after)?) / 2.0;
    Ok(format!("{:.1} %", number(login_load)? / ceiling * 100.0))
}

/// Raw argon2id hashes per second, from the server crate's example.
pub fn argon2_rate(root: &Path) -> anyhow::Result<String> {
    let binary = server::build_example(root, "argon2_rate")?;
    cmd::output_of(&binary.to_string_lossy(), &[]).context("the argon2 rate example failed")
}

/// The token of the verification link sent to `email`, once the server's mail worker has
/// written it (within a second of the answer).
fn token_for(outbox: &Path, email: &str) -> anyhow::Result<String> {
    for _ in 0..50 {
        let message = std::fs::read_dir(outbox)
            .into_iter()
            .flatten()
            .flatten()
            .filter_map(|entry| std::fs::read_to_string(entry.path()).ok())
            .find(|message| message.contains(&format!("To: {email}")));
        if let Some(message) = message {
            let start = message.find("jeton=").context("no link in the e-mail")? + "jeton=".len();
            return Ok(message[start..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
                .collect());
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    bail!("no e-mail to {email} in the bench outbox after 5 s")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_logins_share_is_of_the_mean_ceiling() {
        let share = share_of_ceiling("72.00 | 440.96ms | 573.00ms", "85.0", "75.0").unwrap();
        assert_eq!(share, "90.0 %");
        assert!(share_of_ceiling("? | ? | ?", "85.0", "75.0").is_err());
    }
}
