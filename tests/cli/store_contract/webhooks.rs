//! Webhooks and their outbox as every store keeps them: a message per
//! subscriber written with the change, leased to one sender at a time,
//! and nothing written for a change that did not happen.

use super::*;
use tokenctl::model::{DeliveryState, EventKind};
use tokenctl::requests::{DeliveriesRequest, NewWebhookRequest};
use tokenctl::store::{Attempt, DeliveryFilter};
use tokenctl::webhook::Reach;

async fn add_webhook(f: &Fixture, events: Vec<EventKind>) -> i64 {
    let service = fixture_service_with_private_reach(f);
    let added = service
        .add_webhook(
            &f.admin().await,
            NewWebhookRequest {
                url: "http://127.0.0.1:9/contract".to_owned(),
                events,
                description: String::new(),
            },
        )
        .await
        .expect("added");
    assert!(added.secret.expose().starts_with("whsec_"));
    added.webhook.id
}

/// The fixture's store behind a service that allows loopback receivers.
fn fixture_service_with_private_reach(f: &Fixture) -> TokenService {
    service(Arc::clone(&f.store)).with_webhook_reach(Reach::Private)
}

async fn deliveries(f: &Fixture, webhook: Option<i64>) -> Vec<tokenctl::model::Delivery> {
    let filter = DeliveryFilter {
        webhook_id: webhook,
        ..DeliveryFilter::default()
    };
    f.store.deliveries(&filter).await.expect("deliveries")
}

pub(crate) async fn a_change_writes_one_message_per_subscriber_in_its_transaction(f: &Fixture) {
    let revocations = add_webhook(f, vec![EventKind::TokenRevoked]).await;
    let everything = add_webhook(f, EventKind::SUBSCRIBABLE.to_vec()).await;
    let admin = f.admin().await;
    let created = f.create(&admin, request("watched")).await;
    // Refused (the name is taken): nothing happened, so nothing is sent.
    let again = f.service.create_token(&admin, request("watched")).await;
    assert_eq!(again.expect_err("taken").kind, ErrorKind::Conflict);
    f.service
        .revoke(&admin, &TokenRef::Id(created.token.id), None)
        .await
        .expect("revoke");
    let events = |list: Vec<tokenctl::model::Delivery>| -> Vec<EventKind> {
        list.into_iter().map(|d| d.event).collect()
    };
    assert_eq!(
        events(deliveries(f, Some(revocations)).await),
        [EventKind::TokenRevoked]
    );
    assert_eq!(
        events(deliveries(f, Some(everything)).await),
        [EventKind::TokenCreated, EventKind::TokenRevoked]
    );
    let all = deliveries(f, None).await;
    assert_eq!(all.len(), 3);
    assert!(
        all.iter()
            .all(|d| d.state == DeliveryState::Pending && d.attempts == 0)
    );
    // One event, one webhook-id, whichever webhook it goes to.
    let revoked: Vec<&str> = all
        .iter()
        .filter(|d| d.event == EventKind::TokenRevoked)
        .map(|d| d.message_id.as_str())
        .collect();
    assert_eq!(revoked.len(), 2);
    assert_eq!(revoked[0], revoked[1]);
    // The message names the new token's id, stamped by the store.
    let due = f
        .store
        .claim_deliveries(time::now(), time::now() + Duration::seconds(60), 10)
        .await
        .expect("claim");
    let body: serde_json::Value = serde_json::from_str(&due[0].payload).expect("a JSON body");
    assert_eq!(body["type"], "token.created");
    assert_eq!(body["data"]["token"]["id"], created.token.id);
    assert!(
        !due[0].sealed_secret.contains("whsec_"),
        "sealed in the store"
    );
}

pub(crate) async fn a_due_message_is_leased_to_one_sender_until_it_is_done(f: &Fixture) {
    let webhook = add_webhook(f, vec![EventKind::TokenCreated]).await;
    let admin = f.admin().await;
    f.create(&admin, request("one")).await;
    f.create(&admin, request("two")).await;
    let now = time::now();
    let lease = now + Duration::seconds(60);
    let first = f
        .store
        .claim_deliveries(now, lease, 1)
        .await
        .expect("claim");
    assert_eq!(first.len(), 1, "at most the limit");
    let second = f
        .store
        .claim_deliveries(now, lease, 10)
        .await
        .expect("claim");
    assert_eq!(second.len(), 1, "the other one");
    assert_ne!(first[0].lease.id, second[0].lease.id);
    assert!(
        f.store
            .claim_deliveries(now, lease, 10)
            .await
            .expect("claim")
            .is_empty(),
        "both are leased"
    );
    // A lease that ran out (its sender died) frees the message again.
    let later = lease + Duration::seconds(1);
    let retaken = f
        .store
        .claim_deliveries(later, later + Duration::seconds(60), 10)
        .await
        .expect("claim");
    assert_eq!(retaken.len(), 2);
    // Done: delivered, or refused and due again later; then given up.
    f.store
        .finish_delivery(
            first[0].lease.id,
            Attempt {
                at: later,
                delivered: true,
                status: Some(204),
                error: String::new(),
                next_attempt_at: None,
            },
        )
        .await
        .expect("finish");
    let retry = later + Duration::seconds(5);
    f.store
        .finish_delivery(
            second[0].lease.id,
            Attempt {
                at: later,
                delivered: false,
                status: Some(500),
                error: "answered 500".to_owned(),
                next_attempt_at: Some(retry),
            },
        )
        .await
        .expect("finish");
    assert!(
        f.store
            .claim_deliveries(
                retry - Duration::seconds(1),
                retry + Duration::seconds(60),
                10
            )
            .await
            .expect("claim")
            .is_empty()
    );
    let again = f
        .store
        .claim_deliveries(retry, retry + Duration::seconds(60), 10)
        .await
        .expect("claim");
    assert_eq!(again.len(), 1);
    assert_eq!(again[0].lease.attempts, 1);
    f.store
        .finish_delivery(
            again[0].lease.id,
            Attempt {
                at: retry,
                delivered: false,
                status: None,
                error: "timed out".to_owned(),
                next_attempt_at: None,
            },
        )
        .await
        .expect("give up");
    let states: Vec<(DeliveryState, i64)> = deliveries(f, Some(webhook))
        .await
        .iter()
        .map(|d| (d.state, d.attempts))
        .collect();
    assert_eq!(
        states,
        [(DeliveryState::Delivered, 1), (DeliveryState::Failed, 2)]
    );
    let failed = f
        .store
        .deliveries(&DeliveryFilter {
            failed: true,
            ..DeliveryFilter::default()
        })
        .await
        .expect("failed");
    assert_eq!(failed.len(), 1);
    assert_eq!(failed[0].last_error, "timed out");
    let page = f
        .service
        .webhook_deliveries(
            &admin,
            DeliveriesRequest {
                message: Some(failed[0].message_id.clone()),
                ..DeliveriesRequest::default()
            },
        )
        .await
        .expect("by message");
    assert_eq!(page.items.len(), 1);
    // Messages older than the cutoff are forgotten, done or not: by then
    // retries ended long ago, and one never tried is stale.
    f.create(&admin, request("three")).await;
    let after_all = time::now() + Duration::seconds(2);
    assert_eq!(
        f.store.forget_deliveries(after_all).await.expect("forget"),
        3
    );
    assert!(deliveries(f, Some(webhook)).await.is_empty());
    f.create(&admin, request("four")).await;
    let left = deliveries(f, Some(webhook)).await;
    assert_eq!(left.len(), 1);
    assert_eq!(left[0].state, DeliveryState::Pending);
    // Removing the webhook drops its messages with it.
    f.service
        .remove_webhook(&admin, webhook)
        .await
        .expect("remove");
    assert!(deliveries(f, None).await.is_empty());
    assert!(f.store.webhooks().await.expect("list").is_empty());
}

pub(crate) async fn expiry_notices_go_out_once_per_lead_time_then_on_expiry(f: &Fixture) {
    let clock = Clock::pinned_at(time::now());
    let primary = service(Arc::clone(&f.store))
        .with_clock(clock.clone())
        .with_webhook_reach(Reach::Private);
    // Another replica on the same store, reading the same (pinned) time.
    let replica = service(Arc::clone(&f.store)).with_clock(clock.clone());
    let admin = primary
        .actor(ADMIN, Credential::Local, "test")
        .await
        .expect("admin");
    let webhook = primary
        .add_webhook(
            &admin,
            NewWebhookRequest {
                url: "http://127.0.0.1:9/notices".to_owned(),
                events: vec![EventKind::TokenExpiring, EventKind::TokenExpired],
                description: String::new(),
            },
        )
        .await
        .expect("webhook")
        .webhook
        .id;
    let expiring = |name: &str, expires: &str| CreateRequest {
        expires: Some(Expiry::parse(expires).expect("expiry")),
        ..request(name)
    };
    primary
        .create_token(&admin, expiring("in-40d", "40d"))
        .await
        .expect("create");
    primary
        .create_token(&admin, expiring("in-20h", "20h"))
        .await
        .expect("create");
    primary
        .create_token(&admin, expiring("forever", "never"))
        .await
        .expect("create");
    assert_eq!(sent(&primary).await, 1, "only the 1-day notice of in-20h");
    assert_eq!(sent(&replica).await, 0, "once, whichever replica looks");
    clock.advance(Duration::days(1));
    assert_eq!(sent(&replica).await, 1, "in-20h expired");
    assert_eq!(sent(&primary).await, 0);
    clock.advance(Duration::days(10)); // in-40d: 29 days left
    assert_eq!(sent(&primary).await, 1, "the 30-day notice");
    clock.advance(Duration::days(23)); // 6 days left
    assert_eq!(sent(&primary).await, 1, "the 7-day notice");
    clock.advance(Duration::days(6) - Duration::hours(1));
    assert_eq!(sent(&primary).await, 1, "the 1-day notice");
    clock.advance(Duration::hours(1));
    assert_eq!(sent(&primary).await, 1, "expired");
    clock.advance(Duration::days(3));
    assert_eq!(sent(&primary).await, 0, "nothing more, ever");

    let messages = deliveries(f, Some(webhook)).await;
    let events: Vec<EventKind> = messages.iter().map(|d| d.event).collect();
    use EventKind::{TokenExpired as Expired, TokenExpiring as Expiring};
    assert_eq!(
        events,
        [Expiring, Expired, Expiring, Expiring, Expiring, Expired]
    );
    let due = f
        .store
        .claim_deliveries(clock.now(), clock.now() + Duration::seconds(60), 10)
        .await
        .expect("claim");
    let bodies: Vec<serde_json::Value> = due
        .iter()
        .map(|d| serde_json::from_str(&d.payload).expect("json"))
        .collect();
    let notices: Vec<(&str, &str, i64)> = bodies
        .iter()
        .filter(|body| body["type"] == "token.expiring")
        .map(|body| {
            (
                body["data"]["token"]["name"].as_str().expect("name"),
                body["data"]["notice"].as_str().expect("notice"),
                body["data"]["days_left"].as_i64().expect("days"),
            )
        })
        .collect();
    assert_eq!(
        notices,
        [
            ("in-20h", "1d", 0),
            ("in-40d", "30d", 29),
            ("in-40d", "7d", 6),
            ("in-40d", "1d", 0)
        ]
    );
    let audit = f
        .store
        .audit_entries(&AuditFilter {
            action: Some("token.expiring".to_owned()),
            ..AuditFilter::default()
        })
        .await
        .expect("audit");
    assert_eq!(audit.len(), 4, "each notice audited");
    // A revoked token hears nothing more.
    let revoked = primary
        .create_token(&admin, expiring("revoked", "2d"))
        .await
        .expect("create");
    primary
        .revoke(&admin, &TokenRef::Id(revoked.token.id), None)
        .await
        .expect("revoke");
    assert_eq!(sent(&primary).await, 0);
}

/// `regenerate --expires` moves the date the notices count down to: those
/// already sent are forgotten, so the new date gets its own; a rotation
/// that keeps the expiry sends nothing again.
pub(crate) async fn a_new_expiry_on_rotation_gets_its_own_notices(f: &Fixture) {
    let (clock, service, admin) = on_a_pinned_clock(f).await;
    let soon = CreateRequest {
        expires: Some(Expiry::parse("20h").expect("expiry")),
        ..request("renewed")
    };
    let token = service.create_token(&admin, soon).await.expect("create");
    assert_eq!(sent(&service).await, 1, "the 1-day notice");
    let reference = TokenRef::Id(token.token.id);
    let keep = Regeneration::default();
    service
        .regenerate(&admin, &reference, keep)
        .await
        .expect("rotate");
    assert_eq!(sent(&service).await, 0, "same expiry: nothing again");
    let renew = Regeneration {
        expires: Some(Expiry::parse("20d").expect("expiry")),
        ..keep
    };
    service
        .regenerate(&admin, &reference, renew)
        .await
        .expect("renew");
    assert_eq!(sent(&service).await, 1, "the 30-day notice of the new date");
    clock.advance(Duration::days(19) + Duration::hours(1));
    assert_eq!(sent(&service).await, 1, "its 1-day notice");
}

/// The notices `service` sends now.
async fn sent(service: &TokenService) -> usize {
    service.send_expiry_notices().await.expect("notices")
}

/// The mails `f`'s store holds, leased now (to look at them).
async fn claim_mail(
    f: &Fixture,
    at: chrono::DateTime<chrono::Utc>,
) -> Vec<tokenctl::store::DueMail> {
    f.store
        .claim_mail(at, at + Duration::seconds(60), 10)
        .await
        .expect("claim mail")
}

pub(crate) async fn notice_mails_go_to_the_owners_address_with_the_change(f: &Fixture) {
    let admin = f.admin().await;
    f.service
        .edit_user(&admin, ADMIN, Some("admin@example.com"))
        .await
        .expect("email");
    f.service
        .add_user(&admin, AddUserRequest::new("carol", "developer"))
        .await
        .expect("carol, no address");
    let soon = CreateRequest {
        expires: Some(Expiry::parse("20h").expect("expiry")),
        ..request("soon")
    };
    let mine = f.create(&admin, soon.clone()).await;
    let carols = f
        .create(
            &admin,
            CreateRequest {
                name: "carols".to_owned(),
                owner: Some("carol".to_owned()),
                ..soon.clone()
            },
        )
        .await;
    assert_eq!(sent(&f.service).await, 2, "a notice each");
    let leaked = f.create(&admin, request("leaked")).await;
    let origin = Origin {
        who: ADMIN.to_owned(),
        source: "test".to_owned(),
    };
    f.service
        .revoke_by_secret(
            &origin,
            &leaked.secret,
            Some("leaked: found by scan in x.env"),
        )
        .await
        .expect("revoke");
    // Revoked for another reason: no mail.
    f.service
        .revoke(&admin, &TokenRef::Id(mine.token.id), None)
        .await
        .expect("revoke");

    let now = time::now();
    let mails = claim_mail(f, now).await;
    let subjects: Vec<(&str, &str)> = mails
        .iter()
        .map(|mail| (mail.recipient.as_str(), mail.subject.as_str()))
        .collect();
    assert_eq!(
        subjects,
        [
            (
                "admin@example.com",
                "[tokenctl] Your token 'soon' expires today"
            ),
            (
                "admin@example.com",
                "[tokenctl] Your token 'leaked' leaked and was revoked"
            ),
        ],
        "carol has no address"
    );
    for (mail, token) in mails.iter().zip([&mine, &leaked]) {
        assert!(mail.body.contains(&token.token.hint), "{}", mail.body);
        assert!(!mail.body.contains(token.secret.expose()));
        assert_eq!(mail.lease.attempts, 0);
    }
    assert!(!mails[0].body.contains(carols.secret.expose()));
    assert!(mails[1].body.contains("leaked: found by scan in x.env"));
    // Leased: nobody else takes them until the lease runs out.
    assert!(claim_mail(f, now).await.is_empty());
    let later = now + Duration::seconds(61);
    let retaken = claim_mail(f, later).await;
    assert_eq!(retaken.len(), 2);
    for (mail, delivered) in retaken.iter().zip([true, false]) {
        let attempt = Attempt {
            at: later,
            delivered,
            status: None,
            error: if delivered {
                String::new()
            } else {
                "refused".to_owned()
            },
            next_attempt_at: (!delivered).then(|| later + Duration::seconds(5)),
        };
        f.store
            .finish_mail(mail.lease.id, attempt)
            .await
            .expect("finish");
    }
    let retry = claim_mail(f, later + Duration::seconds(5)).await;
    assert_eq!(retry.len(), 1, "only the refused one comes again");
    assert_eq!(retry[0].lease.attempts, 1);
    assert_eq!(
        retry[0].lease.message_id, retaken[1].lease.message_id,
        "one Message-ID"
    );
    let given_up = Attempt {
        at: later,
        delivered: false,
        status: None,
        error: "refused".to_owned(),
        next_attempt_at: None,
    };
    f.store
        .finish_mail(retry[0].lease.id, given_up)
        .await
        .expect("give up");
    // Done mails are forgotten with the done webhook messages.
    let forgotten = f
        .store
        .forget_deliveries(later + Duration::days(1))
        .await
        .expect("forget");
    assert_eq!(forgotten, 2);
    // An address cleared: no more mail.
    f.service
        .edit_user(&admin, ADMIN, Some(""))
        .await
        .expect("cleared");
    let other = f.create(&admin, request("other")).await;
    f.service
        .revoke_by_secret(
            &origin,
            &other.secret,
            Some("leaked: found by scan in y.env"),
        )
        .await
        .expect("revoke");
    assert!(
        claim_mail(f, later + Duration::minutes(10))
            .await
            .is_empty()
    );
}
