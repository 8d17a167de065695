//! The messages of the family's own account management (e-mail change, password change and
//! reset), in French then English like the signup's (`emails`).

use crate::platform::mail::Email;

const SIGNATURE: &str = "Pass+ — Hauts-de-Seine et Yvelines\n";

fn email(to: &str, subject: &str, french: String, english: String) -> Email {
    Email {
        to: to.to_owned(),
        subject: subject.to_owned(),
        body: format!("Bonjour,\n\n{french}\n\n---\n\nHello,\n\n{english}\n\n{SIGNATURE}"),
    }
}

/// To the new address: the link that makes it the account's address.
pub fn email_change_link(to: &str, link: &str, valid_hours: i64) -> Email {
    email(
        to,
        "Pass+ : confirmez votre nouvelle adresse e-mail / confirm your new e-mail address",
        format!(
            "Vous avez demandé à utiliser cette adresse pour votre compte Pass+. Pour la \
             confirmer, ouvrez ce lien dans les {valid_hours} heures :\n\n{link}\n\n\
             Tant que ce lien n’est pas ouvert, votre ancienne adresse reste celle du compte. \
             Si vous n’avez rien demandé, ignorez ce message."
        ),
        format!(
            "You asked to use this address for your Pass+ account. To confirm it, open this \
             link within {valid_hours} hours:\n\n{link}\n\n\
             Until the link is opened, your previous address stays the account's. If you did \
             not ask for this, ignore this message."
        ),
    )
}

/// To the new address when it already has an account: no link, and the requester's page says
/// the same as for a free address, so only this mailbox's owner learns of it.
pub fn email_change_address_taken(to: &str, login_link: &str) -> Email {
    email(
        to,
        "Pass+ : cette adresse a déjà un compte / this address already has an account",
        format!(
            "Quelqu’un a demandé à utiliser cette adresse pour un autre compte Pass+. Elle est \
             déjà celle d’un compte : rien n’a été changé. Pour vous connecter :\n\n{login_link}\n\n\
             Si vous n’êtes pas à l’origine de cette demande, ignorez ce message."
        ),
        format!(
            "Someone asked to use this address for another Pass+ account. It already belongs \
             to an account: nothing was changed. To log in:\n\n{login_link}\n\n\
             If you did not make this request, ignore this message."
        ),
    )
}

/// To the account's address when a change to another one is asked for.
pub fn email_change_requested(to: &str, new_address: &str) -> Email {
    email(
        to,
        "Pass+ : demande de changement d’adresse e-mail / e-mail change requested",
        format!(
            "Un changement d’adresse e-mail a été demandé pour votre compte Pass+, vers \
             {new_address}. Cette adresse-ci reste celle du compte tant que la nouvelle n’est \
             pas confirmée.\n\n\
             Si vous n’êtes pas à l’origine de cette demande, changez votre mot de passe sans \
             attendre : la demande restera sans effet."
        ),
        format!(
            "A change of e-mail address to {new_address} was asked for your Pass+ account. \
             This address stays the account's until the new one is confirmed.\n\n\
             If you did not make this request, change your password now: the request will \
             have no effect."
        ),
    )
}

/// To the previous address once the new one is confirmed.
pub fn email_changed(to: &str, new_address: &str, help_link: &str) -> Email {
    email(
        to,
        "Pass+ : votre adresse e-mail a changé / your e-mail address has changed",
        format!(
            "L’adresse e-mail de votre compte Pass+ est désormais {new_address}. Vous ne \
             recevrez plus de messages du compte à cette adresse-ci.\n\n\
             Si vous n’êtes pas à l’origine de ce changement, contactez le service : \
             {help_link}"
        ),
        format!(
            "The e-mail address of your Pass+ account is now {new_address}. You will no \
             longer receive the account's messages at this address.\n\n\
             If you did not make this change, contact the service: {help_link}"
        ),
    )
}

/// To the account's address when its password was changed or reset.
pub fn password_changed(to: &str, forgot_link: &str) -> Email {
    email(
        to,
        "Pass+ : votre mot de passe a changé / your password has changed",
        format!(
            "Le mot de passe de votre compte Pass+ vient d’être changé, et les autres \
             connexions au compte ont été fermées.\n\n\
             Si vous n’êtes pas à l’origine de ce changement, choisissez un nouveau mot de \
             passe ici :\n\n{forgot_link}"
        ),
        format!(
            "The password of your Pass+ account has just been changed, and the account's \
             other sessions were ended.\n\n\
             If you did not make this change, choose a new password here:\n\n{forgot_link}"
        ),
    )
}

/// The single-use link that sets a new password.
pub fn password_reset_link(to: &str, link: &str, valid_minutes: i64) -> Email {
    email(
        to,
        "Pass+ : choisir un nouveau mot de passe / choose a new password",
        format!(
            "Pour choisir un nouveau mot de passe pour votre compte Pass+, ouvrez ce lien dans \
             les {valid_minutes} minutes ; il ne sert qu’une fois :\n\n{link}\n\n\
             Si vous n’avez rien demandé, ignorez ce message : votre mot de passe reste le même."
        ),
        format!(
            "To choose a new password for your Pass+ account, open this link within \
             {valid_minutes} minutes; it works once:\n\n{link}\n\n\
             If you did not ask for this, ignore this message: your password stays the same."
        ),
    )
}
