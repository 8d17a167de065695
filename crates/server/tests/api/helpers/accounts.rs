//! The accounts' steps as the tests take them: the family the tests sign up, and each route of
//! the account as a method — anonymous ones on [`TestApp`], a signed-in browser's on [`Family`].

use serde_json::{json, Value};

use super::{Family, TestApp};

/// The password of the families the tests sign up.
pub const FAMILY_PASSWORD: &str = "une phrase de passe solide";
/// A good password the families change theirs to.
pub const NEW_PASSWORD: &str = "trois pommes vertes au marché";

/// A family's signup body, living at `postal_code`.
pub fn family_signup(email: &str, postal_code: &str) -> Value {
    json!({
        "email": email,
        "password": FAMILY_PASSWORD,
        "given_name": "Amélie",
        "family_name": "N’Diaye-Lefèvre",
        "phone": "06 12 34 56 78",
        "address": { "street": "57 rue des Longues Raies", "postal_code": postal_code, "commune": "Nanterre" }
    })
}

impl TestApp {
    /// Signs up the family of [`family_signup`] in Nanterre (92000).
    pub async fn sign_up(&self, email: &str) -> reqwest::Response {
        self.sign_up_with(&family_signup(email, "92000")).await
    }

    pub async fn sign_up_with(&self, body: &Value) -> reqwest::Response {
        self.post_json("/api/accounts", body).await
    }

    /// Uses a signup's verification link.
    pub async fn verify(&self, token: &str) -> reqwest::Response {
        self.post_json("/api/accounts/verification", &json!({ "token": token }))
            .await
    }

    /// Asks for a new verification link.
    pub async fn resend_verification(&self, email: &str) -> reqwest::Response {
        self.post_json(
            "/api/accounts/verification-email",
            &json!({ "email": email }),
        )
        .await
    }

    /// A login from a browser with no cookies, whose own cookies are thrown away.
    pub async fn log_in(&self, email: &str, password: &str) -> reqwest::Response {
        self.browser().log_in(email, password).await
    }

    /// Signs up in Nanterre and verifies: the account is ready to log in.
    pub async fn verified_account(&self, email: &str) {
        assert_eq!(self.sign_up(email).await.status(), 202);
        let token = self.last_verification_token(&email.to_lowercase()).await;
        assert_eq!(self.verify(&token).await.status(), 200);
    }

    /// A verified family living at `postal_code`, logged in with [`FAMILY_PASSWORD`]: its
    /// browser holds the session and the device cookie the login set.
    pub async fn signed_in_family(&self, email: &str, postal_code: &str) -> Family {
        assert_eq!(
            self.sign_up_with(&family_signup(email, postal_code))
                .await
                .status(),
            202
        );
        let token = self.last_verification_token(email).await;
        assert_eq!(self.verify(&token).await.status(), 200);
        self.log_in_as_family(email, FAMILY_PASSWORD).await
    }

    /// Another browser of an existing account's family, logged in (asserts a 200).
    pub async fn log_in_as_family(&self, email: &str, password: &str) -> Family {
        let family = self.browser();
        let login = family.log_in(email, password).await;
        assert_eq!(login.status(), 200, "login of {email}");
        family
    }

    /// Uses an e-mail change link from a browser signed in to no account.
    pub async fn confirm_email_change(&self, token: &str) -> reqwest::Response {
        self.browser().confirm_email_change(token).await
    }

    /// Asks for a reset link ("forgotten password").
    pub async fn ask_password_reset(&self, email: &str) -> reqwest::Response {
        self.post_json("/api/password-reset", &json!({ "email": email }))
            .await
    }

    /// Checks that a reset link is still good, before its page asks for a password.
    pub async fn check_reset_link(&self, token: &str) -> reqwest::Response {
        self.post_json("/api/password-reset/check", &json!({ "token": token }))
            .await
    }

    /// Sets a new password with a reset link.
    pub async fn reset_password(&self, token: &str, new_password: &str) -> reqwest::Response {
        self.post_json(
            "/api/password-reset/new-password",
            &json!({ "token": token, "new_password": new_password }),
        )
        .await
    }
}

impl Family {
    /// A login from this browser, which presents its cookies (a session ends, a device is
    /// recognised) and keeps what the answer sets.
    pub async fn log_in(&self, email: &str, password: &str) -> reqwest::Response {
        self.post_json(
            "/api/sessions",
            &json!({ "email": email, "password": password }),
        )
        .await
    }

    pub async fn log_out(&self) -> reqwest::Response {
        self.delete("/api/sessions/current").await
    }

    pub async fn request_email_change(&self, new_email: &str, password: &str) -> reqwest::Response {
        self.post_json(
            "/api/account/email-change",
            &json!({ "new_email": new_email, "current_password": password }),
        )
        .await
    }

    /// Uses an e-mail change link in this browser (which stays signed in if it was).
    pub async fn confirm_email_change(&self, token: &str) -> reqwest::Response {
        self.post_json(
            "/api/account/email-change/verification",
            &json!({ "token": token }),
        )
        .await
    }

    pub async fn change_password(&self, current: &str, new: &str) -> reqwest::Response {
        self.put_json(
            "/api/account/password",
            &json!({ "current_password": current, "new_password": new }),
        )
        .await
    }

    /// Ends the account's sessions in every other browser.
    pub async fn end_other_sessions(&self, password: &str) -> reqwest::Response {
        self.post_json(
            "/api/account/sessions/end-others",
            &json!({ "current_password": password }),
        )
        .await
    }
}
