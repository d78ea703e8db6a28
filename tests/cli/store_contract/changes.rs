//! The contract for the change watch a server's credential cache relies on.

use super::*;

/// What a server's credential cache relies on: a watch on its own store
/// handle hears of revocations, regenerations, disabled users and changed
/// roles made through any other handle (another process, another replica,
/// a hand edit), and is not woken by the
/// `last_used_at` writes that every verification may make.
pub(crate) async fn another_handle_is_told_of_credential_changes_but_not_of_uses(f: &Fixture) {
    let (watched, _) = f.place.open(None).await.expect("second handle");
    let signal = Arc::new(ChangeSignal::default());
    watched
        .watch_changes(Arc::clone(&signal))
        .await
        .expect("watch");
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(5);
    while !signal.is_trusted() {
        assert!(
            std::time::Instant::now() < deadline,
            "a replica's lease is not renewed"
        );
        tokio::time::sleep(std::time::Duration::from_millis(10)).await;
    }
    let admin = f.admin().await;
    let created = f.create(&admin, request("deploy")).await;
    f.add_user("bob", "developer").await;

    assert!(signal.is_current());
    let quiet = signal.generation();
    f.service
        .verify(&created.secret, &HERE)
        .await
        .expect("verify");
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    assert!(signal.is_current());
    assert_eq!(signal.generation(), quiet, "a recorded use woke the watch");

    let deploy = TokenRef::Name("deploy".into());
    let before = signal.generation();
    f.service
        .regenerate(&admin, &deploy, Regeneration::with_grace(None))
        .await
        .expect("regenerate");
    told_of_change(&signal, before, "regenerate").await;
    let before = signal.generation();
    f.service
        .revoke(&admin, &deploy, None)
        .await
        .expect("revoke");
    told_of_change(&signal, before, "revoke").await;
    let before = signal.generation();
    f.service
        .reset_password(&admin, "bob", None)
        .await
        .expect("reset a password");
    told_of_change(&signal, before, "a password reset").await;
    let before = signal.generation();
    f.service
        .set_user_disabled(&admin, "bob", true)
        .await
        .expect("disable");
    told_of_change(&signal, before, "disable").await;

    // tokenctl never changes a role in place, but a hand edit must still
    // reach the users and roles a server remembers.
    for (edit, what) in [
        (
            "UPDATE roles SET permissions = 'tokens:read' WHERE name = 'developer'",
            "a role's permissions edited by hand",
        ),
        (
            "UPDATE users SET role = 'support' WHERE name = 'bob'",
            "a user's role edited by hand",
        ),
    ] {
        let before = signal.generation();
        f.place.execute(edit).await;
        told_of_change(&signal, before, what).await;
    }
}

async fn told_of_change(signal: &ChangeSignal, before: u64, what: &str) {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(2);
    // What a cache asks before it serves an answer (on SQLite, the moment
    // the change is read).
    while signal.is_current() && signal.generation() == before {
        assert!(
            std::time::Instant::now() < deadline,
            "the watch missed: {what}"
        );
        tokio::time::sleep(std::time::Duration::from_millis(10)).await;
    }
}
