//! The account lifecycle over years: one-time passwords, recovery codes, a
//! reset for a lost authenticator, and removing users.

use super::*;
use tokenctl::service::SecondFactor;

const BOB_PASSWORD: &str = "bob's long password";

/// What `proof` gets at login as bob: the session's actor, or the error.
async fn bob_logs_in(f: &Fixture, proof: Proof) -> Result<Actor> {
    let signed = f
        .service
        .open_session("bob", &proof, "api@10.0.0.1", "test-client/1")
        .await?;
    let keys = issuer().current().expect("keys");
    let claims = tokenctl::auth::verify_session(
        &keys,
        &signed.session,
        signed.expires_at - Duration::hours(1),
    )
    .expect("a valid session");
    f.service.actor_for_session(&claims, "test").await
}

fn with_password_and(second_factor: SecondFactor) -> Proof {
    Proof {
        second_factor: Some(second_factor),
        ..Proof::password(BOB_PASSWORD)
    }
}

pub(crate) async fn a_one_time_password_opens_one_login_which_replaces_it(f: &Fixture) {
    let admin = f.admin().await;
    let (user, generated) = f
        .service
        .add_user(&admin, AddUserRequest::new("bob", "developer"))
        .await
        .expect("add bob");
    assert!(user.password_change_required);
    let one_time = generated.expect("a generated password");

    expect_error(
        bob_logs_in(f, Proof::password(&one_time)).await,
        ErrorKind::PasswordChangeRequired,
        "works once",
    );
    let same = Proof {
        new_password: Some(one_time.clone()),
        ..Proof::password(&one_time)
    };
    expect_error(
        bob_logs_in(f, same).await,
        ErrorKind::InvalidInput,
        "the new password is the one-time one",
    );
    let short = Proof {
        new_password: Some("short".to_owned()),
        ..Proof::password(&one_time)
    };
    expect_error(
        bob_logs_in(f, short).await,
        ErrorKind::InvalidInput,
        "shorter than 12",
    );
    assert!(
        f.credentials("bob").await.user.password_change_required,
        "refused logins change nothing"
    );

    // Two first logins at once, each choosing another password: one wins.
    let race = |new: &str| Proof {
        new_password: Some(new.to_owned()),
        ..Proof::password(&one_time)
    };
    let (first, second) = tokio::join!(
        bob_logs_in(f, race(BOB_PASSWORD)),
        bob_logs_in(f, race("another long password"))
    );
    assert_eq!(
        [first.is_ok(), second.is_ok()]
            .iter()
            .filter(|ok| **ok)
            .count(),
        1,
        "{:?} / {:?}",
        first.as_ref().map(|_| ()),
        second.as_ref().map(|_| ())
    );
    let chosen = if first.is_ok() {
        BOB_PASSWORD
    } else {
        "another long password"
    };
    let bob = bob_logs_in(f, Proof::password(chosen))
        .await
        .expect("the chosen password");
    assert!(!bob.user.password_change_required);
    expect_error(
        bob_logs_in(f, Proof::password(&one_time)).await,
        ErrorKind::Unauthenticated,
        "wrong username or password",
    );
}

pub(crate) async fn recovery_codes_stand_in_for_the_authenticator_once_each(f: &Fixture) {
    let admin = f.admin().await;
    add_user_with_password(&f.service, &admin, "bob", "developer", BOB_PASSWORD).await;
    let bob = f.actor("bob").await;
    let (secret, _) = f.service.begin_totp(&bob, None).await.expect("begin");
    let now = time::now();
    let confirmed = f
        .service
        .confirm_totp(&bob, &totp_code(&secret, now))
        .await
        .expect("confirm");
    let codes = confirmed.recovery_codes;
    assert_eq!(codes.len(), 10);
    let stored = f.credentials("bob").await;
    assert_eq!(stored.recovery_codes_left, 10);
    assert!(stored.user.two_factor);

    // A code logs in once, typed any way; a session from it has used a
    // second factor.
    let typed = codes[0].replace('-', " ").to_uppercase();
    let session = bob_logs_in(f, with_password_and(SecondFactor::RecoveryCode(typed)))
        .await
        .expect("a recovery code");
    assert!(!session.enrolment_only);
    expect_error(
        bob_logs_in(
            f,
            with_password_and(SecondFactor::RecoveryCode(codes[0].clone())),
        )
        .await,
        ErrorKind::Unauthenticated,
        "already used",
    );
    expect_error(
        bob_logs_in(
            f,
            with_password_and(SecondFactor::RecoveryCode("aaaa-bbbb-cccc-dddd".to_owned())),
        )
        .await,
        ErrorKind::Unauthenticated,
        "already used",
    );
    let status = f.service.two_factor_status(&bob).await.expect("status");
    assert_eq!(status.recovery_codes_left, 9);
    assert!(status.enabled && !status.pending && !status.enrolment_required);

    // Turning 2FA off needs a code or a recovery code, never the session alone.
    expect_error(
        f.service
            .disable_totp(&bob, &SecondFactor::Code("000000".to_owned()))
            .await,
        ErrorKind::Unauthenticated,
        "wrong or already used 2FA code",
    );
    let off = f
        .service
        .disable_totp(&bob, &SecondFactor::RecoveryCode(codes[1].clone()))
        .await
        .expect("disable with a recovery code");
    assert!(!off.two_factor);
    assert_eq!(f.credentials("bob").await.recovery_codes_left, 0);
    expect_error(
        f.service
            .disable_totp(&bob, &SecondFactor::RecoveryCode(codes[2].clone()))
            .await,
        ErrorKind::Conflict,
        "2FA is not enabled",
    );
    bob_logs_in(f, Proof::password(BOB_PASSWORD))
        .await
        .expect("the password alone again");
}

pub(crate) async fn a_lost_authenticator_is_reset_and_the_next_login_only_enrols(f: &Fixture) {
    let admin = f.admin().await;
    add_user_with_password(&f.service, &admin, "bob", "developer", BOB_PASSWORD).await;
    let bob = f.actor("bob").await;
    let (secret, _) = f.service.begin_totp(&bob, None).await.expect("begin");
    f.service
        .confirm_totp(&bob, &totp_code(&secret, time::now()))
        .await
        .expect("confirm");
    let session = bob_logs_in(
        f,
        with_password_and(SecondFactor::Code(totp_code(
            &secret,
            time::now() + Duration::seconds(30),
        ))),
    )
    .await
    .expect("with the authenticator");

    // Only someone who holds what bob holds, and never for oneself.
    expect_error(
        f.service.reset_totp(&bob, "bob").await,
        ErrorKind::PermissionDenied,
        "users:manage",
    );
    expect_error(
        f.service.reset_totp(&admin, ADMIN).await,
        ErrorKind::Conflict,
        "your own 2FA",
    );
    let reset = f.service.reset_totp(&admin, "bob").await.expect("reset");
    assert!(!reset.two_factor && reset.two_factor_enrolment_required);
    assert_eq!(reset.session_epoch, session.user.session_epoch + 1);
    assert_eq!(f.credentials("bob").await.recovery_codes_left, 0);

    // The password alone opens a session that may only enrol.
    let enrolling = bob_logs_in(f, Proof::password(BOB_PASSWORD))
        .await
        .expect("the password alone");
    assert!(enrolling.enrolment_only && enrolling.permissions.is_empty());
    expect_error(
        f.service.create_token(&enrolling, request("sneaky")).await,
        ErrorKind::PermissionDenied,
        "may only set up 2FA",
    );
    expect_error(
        f.service
            .list_tokens(&enrolling, ListRequest::default())
            .await,
        ErrorKind::PermissionDenied,
        "may only set up 2FA",
    );
    let (secret, _) = f.service.begin_totp(&enrolling, None).await.expect("enrol");
    let confirmed = f
        .service
        .confirm_totp(&enrolling, &totp_code(&secret, time::now()))
        .await
        .expect("confirm");
    assert!(confirmed.session_ended, "the enrolling session must end");
    let Credential::Session(id) = enrolling.credential else {
        panic!("a session")
    };
    assert!(
        !active_ids(f, "bob").await.contains(&id),
        "the enrolling session is recorded as ended"
    );
    expect_error(
        bob_logs_in(f, Proof::password(BOB_PASSWORD)).await,
        ErrorKind::SecondFactorRequired,
        "needs a 2FA code",
    );
    let full = bob_logs_in(
        f,
        with_password_and(SecondFactor::Code(totp_code(
            &secret,
            time::now() + Duration::seconds(30),
        ))),
    )
    .await
    .expect("with the new authenticator");
    assert!(!full.enrolment_only && full.has(Permission::TokensManage));
    let actions: Vec<String> = f
        .service
        .audit(&admin, AuditRequest::default())
        .await
        .expect("audit")
        .items
        .into_iter()
        .map(|entry| entry.action)
        .collect();
    assert!(
        actions.contains(&"user.totp.reset".to_owned()),
        "{actions:?}"
    );
}

pub(crate) async fn a_removed_user_loses_tokens_and_sessions_and_the_last_admin_stays(f: &Fixture) {
    let admin = f.admin().await;
    add_user_with_password(&f.service, &admin, "bob", "developer", BOB_PASSWORD).await;
    let token = f
        .create(
            &admin,
            CreateRequest {
                owner: Some("bob".to_owned()),
                ..request("deploy")
            },
        )
        .await;
    let session = open_session(&f.service, "bob", BOB_PASSWORD).await;
    let bob = f.actor("bob").await;

    // Only an admin, never oneself, never the last one who can manage users.
    expect_error(
        f.service.remove_user(&bob, ADMIN).await,
        ErrorKind::PermissionDenied,
        "users:manage",
    );
    expect_error(
        f.service.remove_user(&admin, ADMIN).await,
        ErrorKind::Conflict,
        "the last account that can manage users",
    );
    expect_error(
        f.service.remove_user(&admin, "nobody").await,
        ErrorKind::NotFound,
        "no user named 'nobody'",
    );

    let removed = f.service.remove_user(&admin, "bob").await.expect("remove");
    assert_eq!(removed.tokens_revoked, 1);
    assert_eq!(removed.sessions_ended, 1);
    assert!(removed.user.is_removed() && removed.user.is_disabled());
    expect_error(
        f.service.verify(&token.secret, &HERE).await,
        ErrorKind::Unauthenticated,
        "",
    );
    expect_error(
        f.service.actor_for_session(&session, "test").await,
        ErrorKind::Unauthenticated,
        "",
    );
    expect_error(
        f.service.login("bob", BOB_PASSWORD, None, "test").await,
        ErrorKind::Unauthenticated,
        "wrong username or password",
    );
    let listed = |users: Vec<tokenctl::model::User>| -> Vec<String> {
        users.into_iter().map(|user| user.name).collect()
    };
    assert_eq!(
        listed(
            f.service
                .users(&admin, tokenctl::requests::UsersRequest::default())
                .await
                .expect("users")
                .items
        ),
        [ADMIN]
    );
    assert_eq!(
        listed(
            f.service
                .users(
                    &admin,
                    tokenctl::requests::UsersRequest {
                        removed: true,
                        ..Default::default()
                    }
                )
                .await
                .expect("all users")
                .items
        ),
        [ADMIN, "bob"]
    );
    expect_error(
        f.service.remove_user(&admin, "bob").await,
        ErrorKind::NotFound,
        "no user named 'bob'",
    );
    expect_error(
        f.service
            .add_user(&admin, AddUserRequest::new("bob", "developer"))
            .await,
        ErrorKind::Conflict,
        "belonged to a removed user",
    );
    let audit = f
        .service
        .audit(&admin, AuditRequest::default())
        .await
        .expect("audit")
        .items;
    assert!(audit.iter().any(|entry| entry.action == "user.remove"));
    assert!(
        audit.iter().any(|entry| entry.actor == "bob"),
        "bob's own entries stay"
    );

    // With a second admin, one admin may remove the other; the one left
    // stays, whoever asks.
    f.add_user("zed", "admin").await;
    let zed = f.actor("zed").await;
    f.service
        .remove_user(&zed, ADMIN)
        .await
        .expect("zed removes ada");
    expect_error(
        f.service.remove_user(&zed, "zed").await,
        ErrorKind::Conflict,
        "the last account that can manage users",
    );
}

pub(crate) async fn an_email_is_set_checked_and_cleared(f: &Fixture) {
    let admin = f.admin().await;
    f.add_user("bob", "developer").await;
    let bob = f.actor("bob").await;
    let set = f
        .service
        .edit_user(&admin, "bob", Some("bob@example.com"))
        .await
        .expect("set");
    assert_eq!(set.email.as_deref(), Some("bob@example.com"));
    for bad in [
        "bob",
        "bob@localhost",
        "@example.com",
        "bob@@example.com",
        "bob @example.com",
        "bob@example.com\u{202e}",
    ] {
        expect_error(
            f.service.edit_user(&admin, "bob", Some(bad)).await,
            ErrorKind::InvalidInput,
            "is not an email address",
        );
    }
    expect_error(
        f.service.edit_user(&admin, "bob", None).await,
        ErrorKind::InvalidInput,
        "nothing to change",
    );
    expect_error(
        f.service
            .edit_user(&bob, ADMIN, Some("bob@example.com"))
            .await,
        ErrorKind::PermissionDenied,
        "users:manage",
    );
    assert_eq!(
        f.credentials("bob").await.user.email.as_deref(),
        Some("bob@example.com"),
        "refused edits change nothing"
    );
    let cleared = f
        .service
        .edit_user(&admin, "bob", Some(""))
        .await
        .expect("clear");
    assert_eq!(cleared.email, None);
}

/// An audit record for a write made on the store directly, past the service.
fn direct_audit(action: &'static str) -> tokenctl::store::AuditRecord {
    tokenctl::store::AuditRecord {
        at: tokenctl::time::now(),
        actor: ADMIN.to_owned(),
        action,
        token_id: None,
        detail: "a write past the service".to_owned(),
        source: "test".to_owned(),
        via_token: None,
        event: None,
    }
}

pub(crate) async fn a_role_edit_or_removal_moves_its_holders_and_their_tokens_at_once(f: &Fixture) {
    use Permission::{ApiRead, ApiWrite, FilesUpload, TokensRead};
    let admin = f.admin().await;
    f.service
        .add_role(&admin, "writers", "", permissions(&[ApiRead, ApiWrite]))
        .await
        .expect("add role");
    add_user_with_password(&f.service, &admin, "bob", "writers", BOB_PASSWORD).await;
    let token = f
        .create(
            &admin,
            CreateRequest {
                owner: Some("bob".to_owned()),
                ..request("deploy")
            },
        )
        .await;
    let session = open_session(&f.service, "bob", BOB_PASSWORD).await;
    let holders = async || {
        let session = f.service.actor_for_session(&session, "test").await;
        let token = f
            .service
            .verify(&token.secret, &HERE)
            .await
            .expect("verify");
        (
            session.expect("session").permissions,
            token.effective_permissions,
        )
    };

    // Lowering lowers the session and the token at once.
    let change = |add: &[Permission], remove: &[Permission]| RoleChange {
        add: permissions(add),
        remove: permissions(remove),
        description: None,
    };
    let lowered = f
        .service
        .edit_role(&admin, "writers", &change(&[], &[ApiWrite]))
        .await
        .expect("edit");
    assert_eq!(lowered.permissions, permissions(&[ApiRead]));
    assert_eq!(
        holders().await,
        (permissions(&[ApiRead]), permissions(&[ApiRead]))
    );
    // Raising raises the holders; a token gets back its grant, never more.
    f.service
        .edit_role(&admin, "writers", &change(&[ApiWrite, TokensRead], &[]))
        .await
        .expect("edit");
    assert_eq!(
        holders().await,
        (
            permissions(&[ApiRead, ApiWrite, TokensRead]),
            permissions(&[ApiRead, ApiWrite])
        )
    );
    let bob = f.actor("bob").await;
    expect_error(
        f.service
            .edit_role(&bob, "writers", &change(&[], &[TokensRead]))
            .await,
        ErrorKind::PermissionDenied,
        "users:manage",
    );
    expect_error(
        f.service
            .edit_role(&admin, "developer", &change(&[ApiRead], &[]))
            .await,
        ErrorKind::Conflict,
        "built-in role",
    );

    // The store refuses an edit made on permissions that changed meanwhile.
    let stale = tokenctl::model::Role {
        permissions: permissions(&[ApiRead]),
        ..(*f.service.show_role(&admin, "writers").await.expect("role")).clone()
    };
    let refused = f
        .store
        .update_role(&stale, &permissions(&[ApiRead]), direct_audit("role.edit"))
        .await;
    assert!(
        matches!(&refused, Err(StoreError::Conflict(m)) if m.contains("changed or removed meanwhile")),
        "{refused:?}"
    );

    // Removing: refused while held, unless its holders move.
    expect_error(
        f.service.remove_role(&admin, "writers", None).await,
        ErrorKind::Conflict,
        "--reassign",
    );
    let removed = f
        .service
        .remove_role(&admin, "writers", Some("connector"))
        .await
        .expect("remove");
    assert_eq!((removed.users_moved, removed.tokens_moved), (1, 1));
    assert_eq!(removed.reassigned_to.as_deref(), Some("connector"));
    assert_eq!(
        holders().await,
        (permissions(&[FilesUpload]), Permissions::new()),
        "the token kept its grant, and connector has none of it"
    );
    let moved = f
        .service
        .verify(&token.secret, &HERE)
        .await
        .expect("verify");
    assert_eq!(moved.role, "connector");
    assert_eq!(moved.permissions, permissions(&[ApiRead, ApiWrite]));
    assert_eq!(f.actor("bob").await.user.role, "connector");
    expect_error(
        f.service.show_role(&admin, "writers").await,
        ErrorKind::NotFound,
        "no role named 'writers'",
    );
    let audit = f
        .service
        .audit(&admin, AuditRequest::default())
        .await
        .expect("audit")
        .items;
    let details: Vec<&str> = audit
        .iter()
        .filter(|entry| entry.action.starts_with("role."))
        .map(|entry| entry.detail.as_str())
        .collect();
    for detail in [
        "edited role 'writers': removed api:write",
        "edited role 'writers': added api:write, tokens:read",
        "removed role 'writers', moving its users and tokens to connector",
    ] {
        assert!(details.contains(&detail), "{detail} in {details:?}");
    }
}

pub(crate) async fn no_role_change_leaves_nobody_able_to_manage_users(f: &Fixture) {
    use Permission::{TokensRead, UsersManage};
    let admin = f.admin().await;
    let managing = permissions(&[UsersManage, TokensRead]);
    f.service
        .add_role(&admin, "managers", "", managing.clone())
        .await
        .expect("add role");
    f.add_user("carol", "managers").await;
    // With the admin active, the managers may lose users:manage.
    let without = RoleChange {
        remove: permissions(&[UsersManage]),
        ..RoleChange::default()
    };
    f.service
        .edit_role(&admin, "managers", &without)
        .await
        .expect("the admin still manages users");
    let with = RoleChange {
        add: permissions(&[UsersManage]),
        ..RoleChange::default()
    };
    f.service
        .edit_role(&admin, "managers", &with)
        .await
        .expect("edit back");

    // With the admin disabled, carol's role is the last that manages users.
    f.store
        .set_user_disabled(
            ADMIN,
            "admin",
            Some(tokenctl::time::now()),
            direct_audit("user.disable"),
        )
        .await
        .expect("disable the admin");
    let carol = f.actor("carol").await;
    let refused = f.service.edit_role(&carol, "managers", &without).await;
    assert_eq!(
        refused.expect_err("last managers").reason,
        Some(tokenctl::error::Reason::LastAdmin)
    );
    f.service
        .add_role(&carol, "readers", "", permissions(&[TokensRead]))
        .await
        .expect("add role");
    let refused = f
        .service
        .remove_role(&carol, "managers", Some("readers"))
        .await;
    assert_eq!(
        refused.expect_err("last managers").reason,
        Some(tokenctl::error::Reason::LastAdmin)
    );
    // The store checks it again in the change's own transaction, for a
    // decision made before someone else was disabled.
    let lowered = tokenctl::model::Role {
        name: "managers".to_owned(),
        description: String::new(),
        permissions: permissions(&[TokensRead]),
        builtin: false,
    };
    let refused = f
        .store
        .update_role(&lowered, &managing, direct_audit("role.edit"))
        .await;
    assert!(
        matches!(&refused, Err(StoreError::Conflict(m)) if m.contains("no active account could manage users")),
        "{refused:?}"
    );
    let refused = f
        .store
        .delete_role("managers", Some("readers"), direct_audit("role.remove"))
        .await;
    assert!(
        matches!(&refused, Err(StoreError::Conflict(m)) if m.contains("no active account could manage users")),
        "{refused:?}"
    );
    let kept = f.service.show_role(&carol, "managers").await.expect("role");
    assert_eq!(kept.permissions, managing, "nothing changed");
    assert_eq!(f.actor("carol").await.user.role, "managers");
    expect_error(
        f.service
            .remove_role(&carol, "managers", Some("managers"))
            .await,
        ErrorKind::InvalidInput,
        "the role being removed",
    );
    // Moving them to another role that manages users is fine.
    f.service
        .add_role(&carol, "leads", "", permissions(&[UsersManage]))
        .await
        .expect("add role");
    let removed = f
        .service
        .remove_role(&carol, "managers", Some("leads"))
        .await
        .expect("remove");
    assert_eq!(removed.users_moved, 1);
    assert_eq!(f.actor("carol").await.user.role, "leads");
}
