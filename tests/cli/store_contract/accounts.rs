//! The contract for accounts and roles: the first admin, roles, users,
//! logins with their lockout and second factor, and the schema's version.

use super::*;

pub(crate) async fn a_new_store_has_its_first_admin_and_the_builtin_roles(f: &Fixture) {
    let admin = f.admin().await;
    let users = f
        .service
        .users(&admin, tokenctl::requests::UsersRequest::default())
        .await
        .expect("users")
        .items;
    let names: Vec<(&str, &str)> = users
        .iter()
        .map(|user| (user.name.as_str(), user.role.as_str()))
        .collect();
    assert_eq!(names, [(ADMIN, "admin")]);
    assert!(users[0].disabled_at.is_none());

    let roles = f.service.roles(&admin).await.expect("roles");
    let names: Vec<&str> = roles.iter().map(|role| role.name.as_str()).collect();
    assert_eq!(names, ["admin", "connector", "developer", "support"]);
    assert!(roles.iter().all(|role| role.builtin));
    let admin_role = f
        .service
        .show_role(&admin, "admin")
        .await
        .expect("admin role");
    assert_eq!(
        admin_role.permissions,
        Permission::ALL.into_iter().collect()
    );
    let connector = f
        .service
        .show_role(&admin, "connector")
        .await
        .expect("connector role");
    assert_eq!(
        connector.permissions,
        permissions(&[Permission::FilesUpload])
    );

    // Opening it again changes nothing, whoever asks to be its first admin.
    let (store, fresh) = f.place.open(Some("mallory")).await.expect("reopen");
    assert!(!fresh);
    let users = store
        .users(&tokenctl::store::UserFilter::all())
        .await
        .expect("users");
    assert_eq!(users.len(), 1);
    assert_eq!(users[0].name, ADMIN);
}

pub(crate) async fn roles_are_added_listed_and_removed_unless_in_use(f: &Fixture) {
    let admin = f.admin().await;
    let auditing = permissions(&[Permission::AuditRead, Permission::TokensRead]);
    let role = f
        .service
        .add_role(&admin, "auditor", "reads the log", auditing.clone())
        .await
        .expect("add role");
    assert!(!role.builtin);
    f.service
        .add_role(
            &admin,
            "Uploader",
            "uploads",
            permissions(&[Permission::FilesUpload]),
        )
        .await
        .expect("add role");
    let names: Vec<String> = f
        .service
        .roles(&admin)
        .await
        .expect("roles")
        .into_iter()
        .map(|role| role.name)
        .collect();
    // Built-in first, then by name in byte order (upper case before lower).
    assert_eq!(
        names,
        [
            "admin",
            "connector",
            "developer",
            "support",
            "Uploader",
            "auditor"
        ]
    );
    let stored = f.service.show_role(&admin, "auditor").await.expect("role");
    assert_eq!(stored.permissions, auditing);
    assert_eq!(stored.description, "reads the log");

    expect_error(
        f.service
            .add_role(&admin, "auditor", "again", auditing.clone())
            .await,
        ErrorKind::Conflict,
        "role 'auditor' already exists",
    );

    // Held by a user.
    f.add_user("carol", "auditor").await;
    expect_error(
        f.service.remove_role(&admin, "auditor", None).await,
        ErrorKind::Conflict,
        "role 'auditor' is still held by 1 user(s) and 0 token(s)",
    );
    // Held by a token: the token gets the role's permissions the creator has.
    let upload = f
        .create(
            &admin,
            CreateRequest {
                role: Some("Uploader".to_owned()),
                ..request("upload")
            },
        )
        .await;
    assert_eq!(upload.token.role, "Uploader");
    assert_eq!(
        upload.token.permissions,
        permissions(&[Permission::FilesUpload])
    );
    expect_error(
        f.service.remove_role(&admin, "Uploader", None).await,
        ErrorKind::Conflict,
        "role 'Uploader' is still held by 0 user(s) and 1 token(s)",
    );

    expect_error(
        f.service.remove_role(&admin, "developer", None).await,
        ErrorKind::Conflict,
        "'developer' is a built-in role and cannot be removed",
    );
    expect_error(
        f.service.remove_role(&admin, "ghost", None).await,
        ErrorKind::NotFound,
        "no role named 'ghost'",
    );

    f.service
        .add_role(&admin, "temporary", "short-lived", auditing)
        .await
        .expect("add role");
    f.service
        .remove_role(&admin, "temporary", None)
        .await
        .expect("remove an unused role");
    expect_error(
        f.service.show_role(&admin, "temporary").await,
        ErrorKind::NotFound,
        "no role named 'temporary'",
    );
    let actions: Vec<String> = f
        .service
        .audit(&admin, AuditRequest::default())
        .await
        .expect("audit")
        .items
        .into_iter()
        .filter(|entry| entry.action.starts_with("role."))
        .map(|entry| entry.detail)
        .collect();
    assert_eq!(
        actions,
        [
            "added role 'auditor'",
            "added role 'Uploader'",
            "added role 'temporary'",
            "removed role 'temporary'"
        ]
    );
}

pub(crate) async fn users_are_added_disabled_and_enabled(f: &Fixture) {
    let admin = f.admin().await;
    f.add_user("bob", "developer").await;
    expect_error(
        f.service
            .add_user(&admin, AddUserRequest::new("bob", "support"))
            .await,
        ErrorKind::Conflict,
        "user 'bob' already exists",
    );
    expect_error(
        f.service
            .add_user(&admin, AddUserRequest::new("eve", "no-such-role"))
            .await,
        ErrorKind::InvalidInput,
        "no role named 'no-such-role'",
    );
    let users: Vec<(String, String)> = f
        .service
        .users(&admin, tokenctl::requests::UsersRequest::default())
        .await
        .expect("users")
        .items
        .into_iter()
        .map(|user| (user.name, user.role))
        .collect();
    assert_eq!(
        users,
        [
            (ADMIN.to_owned(), "admin".to_owned()),
            ("bob".to_owned(), "developer".to_owned())
        ]
    );

    let bob = f.actor("bob").await;
    let bobs = f.create(&bob, request("laptop")).await;
    let disabled = f
        .service
        .set_user_disabled(&admin, "bob", true)
        .await
        .expect("disable");
    assert!(disabled.disabled_at.is_some());
    expect_error(
        f.service.actor("bob", Credential::Local, "test").await,
        ErrorKind::Unauthenticated,
        "the account 'bob' is disabled",
    );
    expect_error(
        f.service.verify(&bobs.secret, &HERE).await,
        ErrorKind::Unauthenticated,
        "its owner bob is disabled",
    );
    let for_bob = CreateRequest {
        owner: Some("bob".to_owned()),
        ..request("issued")
    };
    expect_error(
        f.service.create_token(&admin, for_bob).await,
        ErrorKind::Conflict,
        "user 'bob' is disabled",
    );

    let enabled = f
        .service
        .set_user_disabled(&admin, "bob", false)
        .await
        .expect("enable");
    assert!(enabled.disabled_at.is_none());
    f.service
        .verify(&bobs.secret, &HERE)
        .await
        .expect("valid again");
    f.actor("bob").await;

    expect_error(
        f.service.set_user_disabled(&admin, "nobody", true).await,
        ErrorKind::NotFound,
        "no user named 'nobody'",
    );
    let actions: Vec<String> = f
        .service
        .audit(&admin, AuditRequest::default())
        .await
        .expect("audit")
        .items
        .into_iter()
        .filter(|entry| entry.action.starts_with("user."))
        .map(|entry| entry.action)
        .collect();
    assert_eq!(actions, ["user.add", "user.disable", "user.enable"]);
}

pub(crate) async fn logins_count_failures_lock_out_and_accept_each_code_once(f: &Fixture) {
    let admin = f.admin().await;
    add_user_with_password(&f.service, &admin, "bob", "developer", PASSWORD).await;
    let credentials = f.credentials("bob").await;
    let hash = credentials
        .password_hash
        .as_deref()
        .expect("a password hash");
    assert!(hash.starts_with("$argon2id$") && !hash.contains(PASSWORD));
    assert!(credentials.totp_secret.is_none());

    let login = f.service.login("bob", PASSWORD, None, "test").await;
    assert_eq!(login.expect("login").methods, ["pwd"]);
    let wrong = "not the password";
    expect_error(
        f.service.login("bob", wrong, None, "test").await,
        ErrorKind::Unauthenticated,
        "wrong username or password",
    );
    // A success clears the address's failures: four more are free again.
    f.service
        .login("bob", PASSWORD, None, "test")
        .await
        .expect("login");
    for _ in 0..4 {
        let _ = f.service.login("bob", wrong, None, "test").await;
    }
    f.service
        .login("bob", PASSWORD, None, "test")
        .await
        .expect("four failures do not lock");
    expect_error(
        f.service.login("nobody", wrong, None, "test").await,
        ErrorKind::Unauthenticated,
        "wrong username or password",
    );
    assert!(f.store.credentials("nobody").await.expect("read").is_none());

    // Five failures in a row lock that address out, even against the
    // right password — and only that address.
    for _ in 0..5 {
        let _ = f.service.login("bob", wrong, None, "test").await;
    }
    let locked_out = "too many failed logins for 'bob' from this address";
    expect_error(
        f.service.login("bob", PASSWORD, None, "test").await,
        ErrorKind::RateLimited,
        locked_out,
    );
    f.service
        .login("bob", PASSWORD, None, "elsewhere")
        .await
        .expect("the owner logs in from an address that has not failed");
    // A name with no account answers exactly alike.
    for _ in 0..5 {
        let _ = f.service.login("nobody", wrong, None, "test").await;
    }
    expect_error(
        f.service.login("nobody", PASSWORD, None, "test").await,
        ErrorKind::RateLimited,
        "too many failed logins for 'nobody' from this address",
    );
    // An admin lifts it at once, for every address; it is audited.
    let unlocked = f.service.unlock_user(&admin, "bob").await.expect("unlock");
    assert_eq!(unlocked.cleared_addresses, 1);
    f.service
        .login("bob", PASSWORD, None, "test")
        .await
        .expect("login after unlock");
    f.add_user("dave", "developer").await;
    let developer = f.actor("dave").await;
    expect_error(
        f.service.unlock_user(&developer, "bob").await,
        ErrorKind::PermissionDenied,
        "",
    );

    // Two-factor: pending until a code confirms it, then each code works once.
    let bob = f.actor("bob").await;
    let (secret, _url) = f.service.begin_totp(&bob, None).await.expect("begin 2FA");
    let pending = f.credentials("bob").await;
    assert_eq!(
        pending.totp_pending_secret.as_deref(),
        Some(secret.as_str())
    );
    assert!(pending.totp_secret.is_none());
    f.service
        .login("bob", PASSWORD, None, "test")
        .await
        .expect("no 2FA yet");
    expect_error(
        f.service.confirm_totp(&bob, "nonsense").await,
        ErrorKind::InvalidInput,
        "does not match",
    );
    let now = time::now();
    f.service
        .confirm_totp(&bob, &totp_code(&secret, now))
        .await
        .expect("confirm 2FA");
    let enrolled = f.credentials("bob").await;
    assert_eq!(enrolled.totp_secret.as_deref(), Some(secret.as_str()));
    assert!(enrolled.totp_pending_secret.is_none() && enrolled.totp_last_step.is_some());
    expect_error(
        f.service.confirm_totp(&bob, &totp_code(&secret, now)).await,
        ErrorKind::Conflict,
        "no 2FA enrolment is pending",
    );

    expect_error(
        f.service.login("bob", PASSWORD, None, "test").await,
        ErrorKind::SecondFactorRequired,
        "needs a 2FA code",
    );
    let confirming_code = totp_code(&secret, now);
    expect_error(
        f.service
            .login("bob", PASSWORD, Some(&confirming_code), "test")
            .await,
        ErrorKind::Unauthenticated,
        "wrong or already used 2FA code",
    );
    let next_code = totp_code(&secret, now + Duration::seconds(30));
    let login = f
        .service
        .login("bob", PASSWORD, Some(&next_code), "test")
        .await
        .expect("login with 2FA");
    assert_eq!(login.methods, ["mfa", "otp", "pwd"]);
    expect_error(
        f.service
            .login("bob", PASSWORD, Some(&next_code), "test")
            .await,
        ErrorKind::Unauthenticated,
        "wrong or already used 2FA code",
    );

    let bobs_entries = AuditFilter {
        actor: Some("bob".to_owned()),
        ..AuditFilter::default()
    };
    let actions: Vec<String> = f
        .store
        .audit_entries(&bobs_entries)
        .await
        .expect("audit")
        .into_iter()
        .map(|entry| entry.action)
        .collect();
    let count = |action: &str| actions.iter().filter(|a| *a == action).count();
    // One more: bob's first login, which replaced his one-time password.
    assert_eq!(count("login"), 8, "{actions:?}");
    assert_eq!(count("login.failed"), 12, "{actions:?}");
    assert_eq!(count("user.totp.begin"), 1, "{actions:?}");
    assert_eq!(count("user.totp.enable"), 1, "{actions:?}");
}

pub(crate) async fn a_store_from_a_newer_tokenctl_is_refused_untouched(f: &Fixture) {
    let admin = f.admin().await;
    f.create(&admin, request("deploy")).await;
    let current = f.place.schema_version().await;
    assert!(current >= 1);

    f.place.set_schema_version(99).await;
    match f.place.open(None).await {
        Err(StoreError::NewerSchema { found, known }) => {
            assert_eq!((found, known), (99, current));
        }
        Err(other) => panic!("expected NewerSchema, got {other:?}"),
        Ok(_) => panic!("a store from a newer tokenctl was opened"),
    }
    assert_eq!(f.place.schema_version().await, 99);
}

/// Migration 3 on the admin role as schema version 2 left it: admin gains
/// `keys:manage` (every permission there was then; `audit:prune` came with
/// migration 12), no other role does, and running it a second time changes
/// nothing.
pub(crate) async fn migration_3_gives_the_admin_role_keys_manage(f: &Fixture) {
    let version_2 = "api:read api:write audit:read files:upload tokens:manage tokens:read \
                     tokens:read-all tokens:revoke-all users:manage";
    f.place
        .execute(&format!(
            "UPDATE roles SET permissions = '{version_2}' WHERE name = 'admin'"
        ))
        .await;
    let reader = f.admin().await;
    let admin = f
        .service
        .show_role(&reader, "admin")
        .await
        .expect("admin role");
    assert!(!admin.permissions.contains(&Permission::KeysManage));

    for _ in 0..2 {
        f.place.execute(f.place.keys_migration()).await;
        let admin = f
            .service
            .show_role(&reader, "admin")
            .await
            .expect("admin role");
        let of_version_3: Permissions = Permission::ALL
            .into_iter()
            .filter(|permission| {
                !matches!(
                    permission,
                    Permission::AuditPrune
                        | Permission::TrustManage
                        | Permission::WebhooksManage
                        | Permission::TokensRotateSelf
                        | Permission::PolicyManage
                )
            })
            .collect();
        assert_eq!(admin.permissions, of_version_3);
    }
    for role in f.service.roles(&reader).await.expect("roles") {
        if role.name != "admin" {
            assert!(
                !role.permissions.contains(&Permission::KeysManage),
                "{}",
                role.name
            );
        }
    }
}
