//! The next command to run, for an error whose reason the CLI knows. The
//! service and the server say what happened (a [`Reason`]); only the CLI
//! speaks in `tokenctl` commands, so a remote failure gets the same advice
//! as a local one, and no other client is told to run our CLI.

use chrono::Duration;

use crate::error::{Error, Reason};
use crate::time;

/// The hint that goes under `error:`, if any: the reason's command when
/// the CLI knows one, else the error's own words.
pub fn next_step(error: &Error) -> Option<String> {
    error
        .reason
        .as_ref()
        .and_then(for_reason)
        .or_else(|| error.hint.clone())
}

fn for_reason(reason: &Reason) -> Option<String> {
    let text = match reason {
        Reason::NoAccount { user } => format!("ask an admin to run: tokenctl user add {user}"),
        Reason::NoSuchUser { user } => format!("add the user first: tokenctl user add {user}"),
        Reason::NoSuchRole => "see the roles with: tokenctl role list".to_owned(),
        Reason::NoSuchToken => "list your tokens with: tokenctl list --status all".to_owned(),
        Reason::TokenEnded { token } => format!("issue a new one: tokenctl create {token}"),
        Reason::AccountLocked => {
            "an admin can lift it at once with `tokenctl user unlock`".to_owned()
        }
        Reason::NoSecondFactorPending => "start one with: tokenctl 2fa enable".to_owned(),
        Reason::NoSecondFactor => "turn it on with: tokenctl 2fa enable".to_owned(),
        Reason::SecondFactorEnrolmentRequired => {
            "run tokenctl 2fa enable, then log in again with a code".to_owned()
        }
        Reason::SecondFactorRequired => {
            "log in again with your authenticator code (tokenctl login); no 2FA yet? tokenctl 2fa enable first"
                .to_owned()
        }
        Reason::LastAdmin => {
            "give another user a role with users:manage first (tokenctl user set-role)".to_owned()
        }
        Reason::PermissionMissing => {
            "ask an admin for a role that has it (tokenctl role list)".to_owned()
        }
        Reason::SessionRequired => "log in with: tokenctl login".to_owned(),
        Reason::SessionExpired => "log in again: tokenctl login".to_owned(),
        Reason::NotLoggedIn => "run tokenctl login, or set TOKENCTL_TOKEN".to_owned(),
        Reason::ExpiryRequired => "pass --expires with a duration or date".to_owned(),
        // A server's number: read without trusting it to be in range.
        Reason::LifetimeTooLong { max_seconds } => {
            let longest = Duration::try_seconds(*max_seconds)?;
            format!("pass --expires {} or less", time::compact(longest))
        }
        Reason::NewerStore => "upgrade tokenctl, or point --store at another file".to_owned(),
        Reason::StoreUnopenable => {
            "check the path and its permissions, or pass --store PATH".to_owned()
        }
        Reason::StoreReadOnly => {
            "reading works; to change it, use a writable copy (--store) or remount it read-write"
                .to_owned()
        }
        Reason::OwnPasswordReset => "change it with: tokenctl password change".to_owned(),
        Reason::Other => return None,
    };
    Some(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_reason_outranks_the_words_and_an_unknown_one_falls_back_to_them() {
        let error = Error::invalid("x").with_hint("plain words");
        assert_eq!(next_step(&error).as_deref(), Some("plain words"));
        let error = error.because(Reason::NoSuchRole);
        assert_eq!(
            next_step(&error).as_deref(),
            Some("see the roles with: tokenctl role list")
        );
        let error = Error::invalid("x")
            .with_hint("plain words")
            .because(Reason::Other);
        assert_eq!(next_step(&error).as_deref(), Some("plain words"));
    }

    #[test]
    fn a_lifetime_from_a_server_is_read_without_trust() {
        let too_long = |max_seconds| Reason::LifetimeTooLong { max_seconds };
        assert_eq!(
            for_reason(&too_long(90 * 86_400)).as_deref(),
            Some("pass --expires 90d or less")
        );
        assert_eq!(for_reason(&too_long(i64::MAX)), None);
        assert_eq!(for_reason(&too_long(i64::MIN)), None);
    }

    #[test]
    fn reasons_cross_the_wire_by_code_and_unknown_codes_are_other() {
        let wire = serde_json::to_value(Reason::TokenEnded {
            token: "deploy".to_owned(),
        })
        .expect("serialize");
        assert_eq!(
            wire,
            serde_json::json!({"code": "token_ended", "token": "deploy"})
        );
        let newer: Reason =
            serde_json::from_value(serde_json::json!({"code": "from_the_future", "x": 1}))
                .expect("an unknown code still reads");
        assert_eq!(newer, Reason::Other);
    }
}
