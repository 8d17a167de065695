//! The messages the account journey sends, in French then English (the address's owner may read
//! either; the service has no language for them yet).

use crate::platform::mail::Email;

pub fn verification(to: &str, link: &str, valid_hours: i64) -> Email {
    Email {
        to: to.to_owned(),
        subject: "Pass+ : confirmez votre adresse e-mail / confirm your e-mail address".to_owned(),
        body: format!(
            "Bonjour,\n\n\
             Pour terminer la création de votre compte Pass+, ouvrez ce lien dans les {valid_hours} heures :\n\n\
             {link}\n\n\
             Si vous n’avez pas demandé la création d’un compte Pass+, ignorez ce message : \
             sans confirmation, les données saisies sont supprimées au bout de quelques jours.\n\n\
             ---\n\n\
             Hello,\n\n\
             To finish creating your Pass+ account, open this link within {valid_hours} hours:\n\n\
             {link}\n\n\
             If you did not ask for a Pass+ account, ignore this message: without confirmation, \
             the data entered is deleted after a few days.\n\n\
             Pass+ — Hauts-de-Seine et Yvelines\n"
        ),
    }
}

/// Sent instead of a verification when someone signs up with an address that has an account:
/// the page shows the same answer either way, so only the address's owner learns of it.
pub fn account_exists(to: &str, login_link: &str) -> Email {
    Email {
        to: to.to_owned(),
        subject: "Pass+ : vous avez déjà un compte / you already have an account".to_owned(),
        body: format!(
            "Bonjour,\n\n\
             Quelqu’un, peut-être vous, a demandé à créer un compte Pass+ avec cette adresse. \
             Un compte existe déjà pour elle : connectez-vous ici :\n\n{login_link}\n\n\
             Si vous avez oublié votre mot de passe, utilisez « Mot de passe oublié » sur la page \
             de connexion. Si vous n’êtes pas à l’origine de cette demande, ignorez ce message : \
             votre compte n’a pas changé.\n\n\
             ---\n\n\
             Hello,\n\n\
             Someone, perhaps you, asked to create a Pass+ account with this address. An account \
             already exists for it: log in here:\n\n{login_link}\n\n\
             If you forgot your password, use “Forgot your password” on the login page. If you \
             did not make this request, ignore this message: your account has not changed.\n\n\
             Pass+ — Hauts-de-Seine et Yvelines\n"
        ),
    }
}

/// Sent when a new link is asked for an address that is already verified.
pub fn already_verified(to: &str, login_link: &str) -> Email {
    Email {
        to: to.to_owned(),
        subject: "Pass+ : votre adresse est déjà confirmée / your address is already confirmed"
            .to_owned(),
        body: format!(
            "Bonjour,\n\nVotre adresse est déjà confirmée : connectez-vous ici :\n\n{login_link}\n\n\
             ---\n\nHello,\n\nYour address is already confirmed: log in here:\n\n{login_link}\n\n\
             Pass+ — Hauts-de-Seine et Yvelines\n"
        ),
    }
}
