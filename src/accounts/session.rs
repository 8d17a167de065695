//! Who is signed in, provided once by the app shell: the header and the account pages read it,
//! login and logout change it.

use leptos::prelude::*;
use leptos::task::spawn_local;
use passplus_validation::account::AccountSummary;

use crate::api;

#[derive(Debug, Clone, Copy)]
pub struct Session {
    account: RwSignal<Option<AccountSummary>>,
    /// False until the server has said whether someone is signed in.
    known: RwSignal<bool>,
}

impl Session {
    pub fn account(self) -> Option<AccountSummary> {
        self.account.get()
    }

    pub fn is_known(self) -> bool {
        self.known.get()
    }

    /// Asks the server who is signed in (after a login, at start).
    pub fn refresh(self) {
        spawn_local(async move {
            // An unreachable server leaves the visitor signed out in the interface.
            let account = api::accounts::current_account().await.unwrap_or(None);
            self.account.set(account);
            self.known.set(true);
        });
    }

    pub fn signed_out(self) {
        self.account.set(None);
    }
}

pub fn provide_session() -> Session {
    let session = Session {
        account: RwSignal::new(None),
        known: RwSignal::new(false),
    };
    provide_context(session);
    session.refresh();
    session
}

pub fn use_session() -> Session {
    expect_context::<Session>()
}
