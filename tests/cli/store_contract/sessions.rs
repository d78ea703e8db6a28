//! Login sessions as the store records them: opened by a login, found by
//! their `jti` on every request, listed, and ended one at a time, all at
//! once, or with everything else when the account's password changes or
//! it is disabled.

use super::*;
use tokenctl::service::Ending;

const BOB_PASSWORD: &str = "bob's long password";

async fn add_bob(f: &Fixture) {
    let admin = f.admin().await;
    add_user_with_password(&f.service, &admin, "bob", "developer", BOB_PASSWORD).await;
}

pub(crate) async fn sessions_are_recorded_listed_and_ended_one_or_all(f: &Fixture) {
    add_bob(f).await;
    let admin = f.admin().await;
    let first = open_session(&f.service, "bob", BOB_PASSWORD).await;
    let second = open_session(&f.service, "bob", BOB_PASSWORD).await;
    assert_ne!(first.jti, second.jti);
    let listed = f
        .store
        .sessions(Some("bob"), time::now())
        .await
        .expect("list");
    assert_eq!(listed.len(), 2);
    let recorded = &listed[0];
    assert_eq!(recorded.user, "bob");
    assert_eq!(recorded.jti, first.jti);
    assert_eq!(recorded.address, "api@10.0.0.1");
    assert_eq!(recorded.user_agent, "test-client/1");
    assert_eq!(recorded.expires_at.timestamp(), first.exp);
    assert_eq!(recorded.last_seen_at, None);
    assert!(
        f.store
            .sessions(Some(ADMIN), time::now())
            .await
            .expect("list")
            .is_empty()
    );

    // A request with the session finds its record and notes its use.
    let bob = f
        .service
        .actor_for_session(&first, "test")
        .await
        .expect("bob");
    assert_eq!(bob.credential, Credential::Session(recorded.id));
    let seen = f
        .store
        .session(&first.jti)
        .await
        .expect("read")
        .expect("the session");
    assert!(seen.last_seen_at.is_some());
    // The record is bob's: the same jti under another name is no session.
    let forged = tokenctl::auth::SessionClaims {
        sub: ADMIN.to_owned(),
        ..first.clone()
    };
    expect_error(
        f.service.actor_for_session(&forged, "test").await,
        ErrorKind::Unauthenticated,
        "session",
    );

    // Bob sees and ends his own; nobody else's.
    assert_eq!(f.service.sessions(&bob, None).await.expect("own").len(), 2);
    expect_error(
        f.service.sessions(&bob, Some(ADMIN)).await,
        ErrorKind::PermissionDenied,
        "users:manage",
    );
    expect_error(
        f.service.end_sessions(&bob, Some(ADMIN), Ending::All).await,
        ErrorKind::PermissionDenied,
        "users:manage",
    );
    assert!(f.service.end_current_session(&bob).await.expect("logout"));
    expect_error(
        f.service.actor_for_session(&first, "test").await,
        ErrorKind::Unauthenticated,
        "session",
    );
    let still = f
        .service
        .actor_for_session(&second, "test")
        .await
        .expect("the other");

    // An admin ends one of bob's by id, then finds none left to end.
    let second_id = active_ids(f, "bob").await;
    assert_eq!(second_id.len(), 1);
    let ended = f
        .service
        .end_sessions(&admin, Some("bob"), Ending::One(second_id[0]))
        .await
        .expect("end one");
    assert_eq!(ended, 1);
    expect_error(
        f.service.actor_for_session(&second, "test").await,
        ErrorKind::Unauthenticated,
        "session",
    );
    expect_error(
        f.service
            .end_sessions(&admin, Some("bob"), Ending::One(second_id[0]))
            .await,
        ErrorKind::NotFound,
        "no active session",
    );
    assert_eq!(
        f.service
            .end_sessions(&admin, Some("bob"), Ending::All)
            .await
            .expect("end all"),
        0
    );
    assert!(
        !f.service
            .end_current_session(&still)
            .await
            .expect("already ended")
    );
    assert!(
        !f.service
            .end_current_session(&admin)
            .await
            .expect("not a session")
    );

    let audit = f
        .store
        .audit_entries(&AuditFilter::default())
        .await
        .expect("audit");
    let ends: Vec<(&str, &str)> = audit
        .iter()
        .filter(|entry| entry.action == "logout" || entry.action.starts_with("session."))
        .map(|entry| (entry.action.as_str(), entry.actor.as_str()))
        .collect();
    // The first logout is the one after bob's first login (see
    // `add_user_with_password`).
    assert_eq!(
        ends,
        [
            ("logout", "bob"),
            ("logout", "bob"),
            ("session.revoke", ADMIN)
        ]
    );
    for entry in &audit {
        assert!(!entry.detail.contains(&first.jti), "{entry:?}");
    }
}

pub(crate) async fn a_password_change_or_disable_records_the_sessions_as_ended(f: &Fixture) {
    add_bob(f).await;
    let admin = f.admin().await;
    let session = open_session(&f.service, "bob", BOB_PASSWORD).await;
    open_session(&f.service, "bob", BOB_PASSWORD).await;
    f.service
        .set_user_disabled(&admin, "bob", true)
        .await
        .expect("disable");
    assert_eq!(active_ids(f, "bob").await, Vec::<i64>::new());
    let ended = f
        .store
        .session(&session.jti)
        .await
        .expect("read")
        .expect("kept");
    assert!(ended.revoked_at.is_some(), "{ended:?}");
    f.service
        .set_user_disabled(&admin, "bob", false)
        .await
        .expect("enable");
    expect_error(
        f.service.actor_for_session(&session, "test").await,
        ErrorKind::Unauthenticated,
        "session",
    );

    open_session(&f.service, "bob", BOB_PASSWORD).await;
    assert_eq!(active_ids(f, "bob").await.len(), 1);
    f.service
        .reset_password(&admin, "bob", None)
        .await
        .expect("reset");
    assert_eq!(active_ids(f, "bob").await, Vec::<i64>::new());
}

pub(crate) async fn expired_sessions_are_refused_unlisted_and_forgotten_a_day_later(f: &Fixture) {
    add_bob(f).await;
    let clock = Clock::pinned_at(time::now());
    let service = service(Arc::clone(&f.store)).with_clock(clock.clone());
    let session = open_session(&service, "bob", BOB_PASSWORD).await;
    let bob = service
        .actor_for_session(&session, "test")
        .await
        .expect("bob");
    clock.advance(Duration::hours(1) - Duration::seconds(1));
    service
        .actor_for_session(&session, "test")
        .await
        .expect("in its last second");
    assert_eq!(service.sessions(&bob, None).await.expect("list").len(), 1);
    clock.advance(Duration::seconds(1));
    expect_error(
        service.actor_for_session(&session, "test").await,
        ErrorKind::Unauthenticated,
        "session",
    );
    assert!(service.sessions(&bob, None).await.expect("list").is_empty());

    // Kept for a day past its expiry, then the next login forgets it.
    clock.advance(Duration::days(1));
    open_session(&service, "bob", BOB_PASSWORD).await;
    assert!(f.store.session(&session.jti).await.expect("read").is_some());
    clock.advance(Duration::seconds(1));
    open_session(&service, "bob", BOB_PASSWORD).await;
    assert!(f.store.session(&session.jti).await.expect("read").is_none());
}
