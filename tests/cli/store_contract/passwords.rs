//! Passwords after the account exists: changed by the owner with the
//! current one, reset by someone who holds all the account holds; either
//! way every session of the account ends.

use super::*;

const BOB_FIRST: &str = "bob's first password";
const BOB_SECOND: &str = "bob's second password";

/// Logs `name` in with `password`: the user the session is for.
async fn login(f: &Fixture, name: &str, password: &str) -> tokenctl::model::User {
    f.service
        .login(name, password, None, "test")
        .await
        .unwrap_or_else(|error| panic!("login {name}: {error:?}"))
        .user
}

pub(crate) async fn passwords_are_changed_with_the_current_one_and_reset_by_a_holder_of_all(
    f: &Fixture,
) {
    let admin = f.admin().await;
    add_user_with_password(&f.service, &admin, "bob", "developer", BOB_FIRST).await;
    let first = open_session(&f.service, "bob", BOB_FIRST).await;
    let bob = f
        .service
        .actor_for_session(&first, "test")
        .await
        .expect("bob");

    // The current password proves it is bob; the new one meets the rules.
    expect_error(
        f.service
            .change_password(&bob, "not it", BOB_SECOND.to_owned())
            .await,
        ErrorKind::PermissionDenied,
        "the current password is wrong",
    );
    expect_error(
        f.service
            .change_password(&bob, BOB_FIRST, BOB_FIRST.to_owned())
            .await,
        ErrorKind::InvalidInput,
        "the new password is the current one",
    );
    expect_error(
        f.service
            .change_password(&bob, BOB_FIRST, "short".to_owned())
            .await,
        ErrorKind::InvalidInput,
        "shorter than 12",
    );
    let changed = f
        .service
        .change_password(&bob, BOB_FIRST, BOB_SECOND.to_owned())
        .await
        .expect("change");
    assert_eq!(changed.session_epoch, bob.user.session_epoch + 1);
    expect_error(
        f.service.actor_for_session(&first, "test").await,
        ErrorKind::Unauthenticated,
        "session",
    );
    expect_error(
        f.service.login("bob", BOB_FIRST, None, "test").await,
        ErrorKind::Unauthenticated,
        "wrong username or password",
    );
    let second = open_session(&f.service, "bob", BOB_SECOND).await;

    // A reset: by a holder of all bob holds, never by bob, never of oneself.
    let bob = f
        .service
        .actor_for_session(&second, "test")
        .await
        .expect("bob");
    expect_error(
        f.service.reset_password(&bob, ADMIN, None).await,
        ErrorKind::PermissionDenied,
        "users:manage",
    );
    expect_error(
        f.service.reset_password(&admin, ADMIN, None).await,
        ErrorKind::Conflict,
        "your own password",
    );
    expect_error(
        f.service.reset_password(&admin, "nobody", None).await,
        ErrorKind::NotFound,
        "no user named 'nobody'",
    );
    let (reset, generated) = f
        .service
        .reset_password(&admin, "bob", None)
        .await
        .expect("reset");
    let generated = generated.expect("a generated password");
    assert!(generated.len() >= 12);
    assert_eq!(reset.session_epoch, changed.session_epoch + 1);
    expect_error(
        f.service.actor_for_session(&second, "test").await,
        ErrorKind::Unauthenticated,
        "session",
    );
    // A reset password is one-time: it opens nothing until the login that
    // uses it chooses another, and then it is gone.
    expect_error(
        f.service.login("bob", &generated, None, "test").await,
        ErrorKind::PasswordChangeRequired,
        "works once",
    );
    first_login(&f.service, "bob", &generated, BOB_SECOND).await;
    expect_error(
        f.service.login("bob", &generated, None, "test").await,
        ErrorKind::Unauthenticated,
        "wrong username or password",
    );
    assert!(!login(f, "bob", BOB_SECOND).await.password_change_required);
    let (_, given) = f
        .service
        .reset_password(&admin, "bob", Some(BOB_FIRST.to_owned()))
        .await
        .expect("reset to a given one");
    assert!(given.is_none(), "a given password is not echoed");
    assert!(f.credentials("bob").await.user.password_change_required);
    first_login(&f.service, "bob", BOB_FIRST, "bob's third password").await;

    // Only the hash is stored, and the audit log says who did what.
    let hash = f.credentials("bob").await.password_hash.expect("a hash");
    assert!(hash.starts_with("$argon2id$") && !hash.contains(BOB_FIRST));
    let actions: Vec<(String, String)> = f
        .service
        .audit(&admin, AuditRequest::default())
        .await
        .expect("audit")
        .items
        .into_iter()
        .filter(|entry| entry.action.starts_with("user.password"))
        .map(|entry| (entry.actor, entry.action))
        .collect();
    assert_eq!(
        actions,
        [
            ("bob".to_owned(), "user.password.verify".to_owned()),
            ("bob".to_owned(), "user.password.change".to_owned()),
            (ADMIN.to_owned(), "user.password.reset".to_owned()),
            (ADMIN.to_owned(), "user.password.reset".to_owned()),
        ]
    );
}

/// Knowing the password is being the user: a helpdesk with users:manage
/// but not all an admin holds resets neither an admin's nor a wider role's.
pub(crate) async fn a_reset_needs_every_permission_of_the_users_role(f: &Fixture) {
    let admin = f.admin().await;
    let helpdesk: Permissions = [Permission::UsersManage, Permission::TokensRead].into();
    f.service
        .add_role(&admin, "helpdesk", "resets passwords", helpdesk)
        .await
        .expect("add role");
    f.add_user("help", "helpdesk").await;
    f.add_user("dev", "developer").await;
    f.add_user("other-admin", "admin").await;
    let help = f.actor("help").await;
    let before = f.credentials("other-admin").await;
    expect_error(
        f.service.reset_password(&help, "other-admin", None).await,
        ErrorKind::PermissionDenied,
        "reset the password of other-admin",
    );
    expect_error(
        f.service.reset_password(&help, "dev", None).await,
        ErrorKind::PermissionDenied,
        "reset the password of dev",
    );
    assert_eq!(
        f.credentials("other-admin").await.password_hash,
        before.password_hash,
        "a refused reset changes nothing"
    );
    f.service
        .reset_password(&admin, "dev", None)
        .await
        .expect("an admin may");
}
