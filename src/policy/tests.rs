//! The authority rules, example by example and as properties.

use super::*;

fn role(permissions: &[Permission]) -> Role {
    Role {
        name: "r".into(),
        description: String::new(),
        permissions: permissions.iter().copied().collect(),
        builtin: false,
    }
}

fn user(id: crate::model::Id, name: &str) -> User {
    User {
        id,
        name: name.into(),
        role: "r".into(),
        created_at: time::now(),
        ..User::default()
    }
}

fn actor(credential: Credential, permissions: &[Permission]) -> Actor {
    Actor {
        user: Arc::new(user(1, "ada")),
        permissions: permissions.iter().copied().collect(),
        credential,
        source: "test".into(),
        enrolment_only: false,
        second_factor: false,
        via_token: None,
    }
}

/// A token of `owner` with `effective` permissions; also the token
/// policy's tests' sample.
pub(super) fn token(owner: &str, effective: &[Permission]) -> Token {
    let effective: Permissions = effective.iter().copied().collect();
    Token {
        id: 7,
        name: "t".into(),
        kind: crate::model::TokenKind::Personal,
        role: "r".into(),
        permissions: effective.clone(),
        stripped_permissions: Permissions::new(),
        effective_permissions: effective,
        description: String::new(),
        owner: owner.into(),
        created_by: owner.into(),
        hint: "tcpat_…abcd".into(),
        created_at: time::now(),
        expires_at: None,
        revoked_at: None,
        last_used_at: None,
        last_used_from: None,
        last_used_agent: None,
        regenerated_at: None,
        max_idle_seconds: None,
        allowed_ips: Vec::new(),
    }
}

use Permission::{ApiRead, ApiWrite, KeysManage, TokensManage, UsersManage};

#[test]
fn a_token_gets_what_its_role_creator_and_owner_all_have() {
    let creator = actor(
        Credential::Session(1),
        &[ApiRead, ApiWrite, TokensManage, UsersManage],
    );
    let owner = user(2, "bob");
    let owner_permissions: Permissions = [ApiRead, KeysManage].into();
    let role = role(&[ApiRead, ApiWrite, KeysManage]);
    let grant = decide(
        &creator,
        &Act::CreateToken {
            owner: &owner,
            owner_permissions: &owner_permissions,
            role: &role,
        },
    )
    .expect("allowed");
    assert_eq!(grant.granted, [ApiRead].into());
    assert_eq!(grant.stripped, [ApiWrite, KeysManage].into());
}

/// Found by `tests/authority_property/` through `serve`: users:manage
/// alone issued tokens to others.
#[test]
fn issuing_a_token_to_someone_else_needs_tokens_manage_too() {
    let manager = actor(Credential::Session(1), &[UsersManage]);
    let owner = user(2, "bob");
    let role = role(&[UsersManage]);
    let act = Act::CreateToken {
        owner: &owner,
        owner_permissions: &role.permissions,
        role: &role,
    };
    let error = decide(&manager, &act).expect_err("refused");
    assert!(error.message.contains("tokens:manage"), "{}", error.message);
    let admin = actor(Credential::Session(1), &[UsersManage, TokensManage]);
    assert!(decide(&admin, &act).is_ok());
}

#[test]
fn a_trust_policy_is_a_persons_act_and_for_someone_else_an_admins() {
    let owner = user(2, "bob");
    let held: Permissions = [ApiRead, ApiWrite].into_iter().collect();
    let wanted: Permissions = [ApiRead, KeysManage].into_iter().collect();
    let act = Act::AddTrustPolicy {
        owner: &owner,
        owner_permissions: &held,
        permissions: &wanted,
    };
    let trust_admin = actor(Credential::Session(1), &[Permission::TrustManage, ApiRead]);
    let error = decide(&trust_admin, &act).expect_err("refused");
    assert!(error.message.contains("users:manage"), "{}", error.message);
    let admin = actor(
        Credential::Session(1),
        &[Permission::TrustManage, UsersManage, ApiRead, KeysManage],
    );
    let grant = decide(&admin, &act).expect("allowed");
    assert_eq!(grant.granted, [ApiRead].into_iter().collect());
    assert_eq!(grant.stripped, [KeysManage].into_iter().collect());
    let pat = actor(Credential::Token(7), &Permission::ALL);
    let error = decide(&pat, &act).expect_err("a token may not");
    assert!(error.message.contains("login session"), "{}", error.message);
    let ci = actor(Credential::IdToken, &Permission::ALL);
    assert!(decide(&ci, &Act::RemoveTrustPolicy).is_err());
}

#[test]
fn authority_changes_need_a_person_whatever_the_scopes() {
    let everything = Permission::ALL;
    for operation in Operation::ALL {
        for credential in [
            Credential::Local,
            Credential::Session(1),
            Credential::Token(7),
            Credential::AccessToken,
            Credential::Password,
            Credential::IdToken,
        ] {
            let allowed = check(&actor(credential, &everything), operation).is_ok();
            let expected = operation.needs().credentials.contains(&credential.kind());
            assert_eq!(allowed, expected, "{operation:?} with {credential:?}");
        }
    }
    let pat = actor(Credential::Token(7), &everything);
    let error = check(&pat, Operation::AddUser).expect_err("refused");
    assert_eq!(
        error.message,
        "a token may not add users: that needs a login session"
    );
}

#[test]
fn accounts_and_roles_are_handed_out_whole_or_not_at_all() {
    let helpdesk = actor(
        Credential::Session(1),
        &[UsersManage, Permission::TokensRead],
    );
    let admin = role(&Permission::ALL);
    let error = decide(&helpdesk, &Act::AddUser { role: &admin }).expect_err("refused");
    assert_eq!(error.kind, crate::error::ErrorKind::PermissionDenied);
    assert!(error.message.contains("keys:manage"), "{}", error.message);
    let wide: Permissions = [KeysManage].into();
    assert!(decide(&helpdesk, &Act::AddRole { permissions: &wide }).is_err());
    let narrow = role(&[Permission::TokensRead]);
    assert!(decide(&helpdesk, &Act::AddUser { role: &narrow }).is_ok());

    let target = user(2, "root");
    for (from, to) in [(&admin, &narrow), (&narrow, &admin)] {
        let act = Act::SetUserRole {
            user: &target,
            from,
            to,
        };
        assert!(
            decide(&helpdesk, &act).is_err(),
            "{} → {}",
            from.name,
            to.name
        );
    }
    for disabled in [true, false] {
        let act = Act::SetUserDisabled {
            user: &target,
            role: &admin,
            disabled,
        };
        assert!(decide(&helpdesk, &act).is_err(), "disabled: {disabled}");
    }
    let me = Act::SetUserDisabled {
        user: &helpdesk.user,
        role: &narrow,
        disabled: true,
    };
    assert_eq!(
        decide(&helpdesk, &me).expect_err("self").kind,
        crate::error::ErrorKind::Conflict
    );
    // Found by schemathesis: the only admin demoted themselves for good.
    let demote_me = Act::SetUserRole {
        user: &helpdesk.user,
        from: &narrow,
        to: &narrow,
    };
    assert_eq!(
        decide(&helpdesk, &demote_me).expect_err("self").kind,
        crate::error::ErrorKind::Conflict
    );
}

#[test]
fn a_secret_is_regenerated_only_by_someone_who_holds_all_its_token_can_do() {
    let manager = actor(
        Credential::Session(1),
        &[UsersManage, TokensManage, ApiRead],
    );
    let theirs = token("root", &[ApiRead, KeysManage]);
    let error = decide(&manager, &Act::RegenerateToken { token: &theirs }).expect_err("refused");
    assert!(error.message.contains("keys:manage"), "{}", error.message);
    let smaller = token("root", &[ApiRead]);
    assert!(decide(&manager, &Act::RegenerateToken { token: &smaller }).is_ok());
    let own = token("ada", &[ApiRead]);
    let developer = actor(Credential::Session(1), &[TokensManage, ApiRead]);
    assert!(decide(&developer, &Act::RegenerateToken { token: &own }).is_ok());
    assert!(decide(&developer, &Act::RegenerateToken { token: &smaller }).is_err());
    // Found by tests/authority_property/: users:manage renews any
    // token, the actor's own included, without tokens:manage.
    let manager = actor(Credential::Session(1), &[UsersManage, ApiRead]);
    assert!(decide(&manager, &Act::RegenerateToken { token: &own }).is_ok());
}

#[test]
fn a_second_factor_is_replaced_only_with_a_code_from_the_current_one() {
    let person = actor(Credential::Session(1), &[]);
    let enroll = |replacing, proved_current| {
        decide(
            &person,
            &Act::EnrollSecondFactor {
                replacing,
                proved_current,
            },
        )
    };
    assert!(enroll(false, false).is_ok());
    assert!(enroll(true, true).is_ok());
    assert_eq!(
        enroll(true, false).expect_err("refused").kind,
        crate::error::ErrorKind::SecondFactorRequired
    );
}

fn permission_set() -> impl Strategy<Value = Permissions> {
    proptest::sample::subsequence(Permission::ALL.to_vec(), 0..=Permission::ALL.len())
        .prop_map(|permissions| permissions.into_iter().collect())
}

fn credential() -> impl Strategy<Value = Credential> {
    prop_oneof![
        Just(Credential::Local),
        Just(Credential::Session(1)),
        Just(Credential::Token(7)),
        Just(Credential::AccessToken),
        Just(Credential::Password),
        Just(Credential::IdToken),
    ]
}

use proptest::prelude::*;

proptest! {
    /// Whatever the actor, the request and the owner: what is granted
    /// is within what the actor holds, and every refusal grants nothing.
    #[test]
    fn nothing_granted_is_ever_more_than_the_actor_holds(
        credential in credential(),
        held in permission_set(),
        wanted in permission_set(),
        other in permission_set(),
        for_other in any::<bool>(),
    ) {
        let actor = actor(credential, &held.iter().copied().collect::<Vec<_>>());
        let role = Role { permissions: wanted.clone(), ..role(&[]) };
        let other_role = Role { permissions: other.clone(), ..role.clone() };
        let owner = if for_other { user(2, "bob") } else { (*actor.user).clone() };
        let token = token("bob", &wanted.iter().copied().collect::<Vec<_>>());
        let acts = [
            Act::CreateToken { owner: &owner, owner_permissions: &other, role: &role },
            Act::RegenerateToken { token: &token },
            Act::Exchange { scope: &wanted },
            Act::OpenSession,
            Act::AddUser { role: &role },
            Act::SetUserRole { user: &owner, from: &other_role, to: &role },
            Act::SetUserDisabled { user: &owner, role: &role, disabled: false },
            Act::AddRole { permissions: &wanted },
            Act::EditRole { role: &other_role, permissions: &wanted, other_admins: 1 },
            Act::RemoveRole { role: &role, reassign: None, other_admins: 1 },
            Act::RemoveRole { role: &other_role, reassign: Some(&role), other_admins: 1 },
            Act::RotateKeys,
            Act::PruneAudit,
            Act::EnrollSecondFactor { replacing: false, proved_current: false },
            Act::ResetPassword { user: &owner, role: &role },
            Act::EndSessions { user: &owner, role: &role },
            Act::AddTrustPolicy { owner: &owner, owner_permissions: &other, permissions: &wanted },
            Act::RemoveTrustPolicy,
        ];
        for act in &acts {
            let operation = act.operation(&actor);
            if let Ok(grant) = decide(&actor, act) {
                prop_assert!(grant.granted.is_subset(&held), "{act:?}");
                prop_assert!(check(&actor, operation).is_ok(), "{act:?}");
                prop_assert!(grant.stripped.is_disjoint(&grant.granted));
            }
            if check(&actor, operation).is_err() {
                prop_assert!(decide(&actor, act).is_err(), "{act:?}");
            }
        }
        // A token and a trust policy alike: what both the actor and the
        // owner hold of what was asked, the rest reported as stripped.
        let standing = [&acts[0], &acts[acts.len() - 2]];
        for act in standing {
            if let Ok(grant) = decide(&actor, act) {
                let expected: Permissions =
                    wanted.iter().filter(|p| held.contains(p) && other.contains(p)).copied().collect();
                prop_assert_eq!(&grant.granted, &expected);
                let all: Permissions = grant.granted.union(&grant.stripped).copied().collect();
                prop_assert_eq!(all, wanted.clone());
            }
        }
        if credential.is_person() && held.contains(&UsersManage) {
            prop_assert_eq!(
                decide(&actor, &Act::AddUser { role: &role }).is_ok(),
                wanted.is_subset(&held)
            );
            // A role is changed, removed or reassigned only by one who
            // holds what it grants before and after.
            let edit = Act::EditRole { role: &other_role, permissions: &wanted, other_admins: 1 };
            prop_assert_eq!(
                decide(&actor, &edit).is_ok(),
                wanted.is_subset(&held) && other.is_subset(&held)
            );
            let reassign =
                Act::RemoveRole { role: &other_role, reassign: Some(&role), other_admins: 1 };
            prop_assert_eq!(
                decide(&actor, &reassign).is_ok(),
                wanted.is_subset(&held) && other.is_subset(&held)
            );
            // Knowing a password is being its user: reset only by one who
            // holds all they hold, and never one's own.
            prop_assert_eq!(
                decide(&actor, &Act::ResetPassword { user: &owner, role: &role }).is_ok(),
                for_other && wanted.is_subset(&held)
            );
            // Ending someone's sessions locks them out: only by one who
            // holds all they hold. One's own, always.
            prop_assert_eq!(
                decide(&actor, &Act::EndSessions { user: &owner, role: &role }).is_ok(),
                !for_other || wanted.is_subset(&held)
            );
        }
        if credential.is_person() {
            let own = (*actor.user).clone();
            let ending_own = decide(&actor, &Act::EndSessions { user: &own, role: &role });
            prop_assert!(ending_own.is_ok());
        }
    }
}

/// No role change takes `users:manage` from the last accounts that have
/// it; with another account that has it, it may.
#[test]
fn role_changes_keep_someone_able_to_manage_users() {
    let actor = actor(Credential::Local, &Permission::ALL);
    let managers = role(&[UsersManage, ApiRead]);
    let readers = role(&[ApiRead]);
    let without = readers.permissions.clone();
    for other_admins in [0, 1] {
        let edit = Act::EditRole {
            role: &managers,
            permissions: &without,
            other_admins,
        };
        let reassign = Act::RemoveRole {
            role: &managers,
            reassign: Some(&readers),
            other_admins,
        };
        for act in [edit, reassign] {
            let decision = decide(&actor, &act);
            if other_admins == 0 {
                let refusal = decision.expect_err("the last managers keep users:manage");
                assert_eq!(refusal.reason, Some(Reason::LastAdmin), "{refusal:?}");
            } else {
                assert!(decision.is_ok(), "{act:?}");
            }
        }
    }
    // Moving them to a role that manages users too, or adding to it, is fine.
    let admins = role(&[UsersManage]);
    let to_admins = Act::RemoveRole {
        role: &managers,
        reassign: Some(&admins),
        other_admins: 0,
    };
    assert!(decide(&actor, &to_admins).is_ok());
    let more = managers
        .permissions
        .iter()
        .copied()
        .chain([TokensManage])
        .collect();
    let added = Act::EditRole {
        role: &managers,
        permissions: &more,
        other_admins: 0,
    };
    assert!(decide(&actor, &added).is_ok());
}

#[test]
fn names_that_would_confuse_the_cli_are_refused() {
    for bad in [
        "",
        " ",
        "42",
        " padded",
        "tab\there",
        &"x".repeat(65),
        "safe\u{202e}gnp.exe",
        "zero\u{200b}width",
        "iso\u{2066}late",
        "\u{1b}]0;PWNED\u{7}",
    ] {
        assert!(check_name("token", bad).is_err(), "accepted {bad:?}");
    }
    for good in ["deploy", "ci-42", "Über token", "v2"] {
        assert!(check_name("token", good).is_ok(), "refused {good:?}");
    }
}

#[test]
fn revocation_reasons_are_one_short_line() {
    for bad in ["", "  ", "two\nlines", &"x".repeat(MAX_REASON_LEN + 1)] {
        assert!(check_reason(bad).is_err(), "accepted {bad:?}");
    }
    let longest = "x".repeat(MAX_REASON_LEN);
    for good in ["leaked: found by scan in <stdin>", longest.as_str()] {
        assert!(check_reason(good).is_ok(), "refused {good:?}");
    }
}
