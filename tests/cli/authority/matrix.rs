//! README's credential matrix, cell by cell.

use super::*;

/// README's credential matrix: its rows, each with ✓/✗ for a login
/// session, a token and an access token.
pub(crate) fn readme_matrix() -> Vec<(String, [bool; 3])> {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md"))
        .expect("README.md");
    let table = readme
        .split("<!-- credential-matrix -->")
        .nth(1)
        .and_then(|rest| rest.split("<!-- /credential-matrix -->").next())
        .expect("README marks its credential matrix with <!-- credential-matrix -->");
    table
        .lines()
        .filter(|line| line.starts_with("| ") && !line.starts_with("| Operation"))
        .map(|line| {
            let cells: Vec<&str> = line.split('|').map(str::trim).collect();
            let mark = |cell: &str| match cell {
                "✓" => true,
                "✗" => false,
                other => panic!("README matrix cell {other:?} in {line}"),
            };
            (
                cells[1].to_owned(),
                [mark(cells[2]), mark(cells[3]), mark(cells[4])],
            )
        })
        .collect()
}

fn every_cell_of_the_credential_matrix_holds() {
    // Webhooks point at a loopback port nobody listens on.
    let env = TestEnv::with_server_flags(Backend::RemoteSqlite, &["--allow-private-webhooks"]);
    let api = Api::new(&env);
    api.user("bob", "developer");
    let pat = api.token(&api.admin, "matrix-pat");
    let access = api.access_token(&pat, None);
    let credentials = [api.admin.clone(), pat.clone(), access];
    let mut fresh = 0;
    let mut unique = |prefix: &str| {
        fresh += 1;
        format!("{prefix}-{fresh}")
    };
    let rows = readme_matrix();
    assert!(rows.len() >= 15, "README's matrix has its rows: {rows:?}");
    for (row, expected) in &rows {
        for (column, credential) in credentials.iter().enumerate() {
            let status = match row.as_str() {
                "create a token (`create`)" => {
                    let body = json!({ "name": unique("t") });
                    api.status("POST", "/v1/tokens", credential, Some(body))
                }
                "issue a token to another user (`create --for`)" => {
                    let body = json!({ "name": unique("t"), "for": "bob" });
                    api.status("POST", "/v1/tokens", credential, Some(body))
                }
                "regenerate a token (`regenerate`)" => {
                    let victim = api.token(&api.admin, &unique("victim"));
                    let path = format!("/v1/tokens/{}/regenerate", id_of(&api, &victim));
                    api.status("POST", &path, credential, None)
                }
                "a token regenerates itself (`regenerate --self`, needs `tokens:rotate-self`)" => {
                    // A token of its own: the matrix's PAT must keep its secret.
                    let own = if column == 1 {
                        api.token(&api.admin, &unique("itself"))
                    } else {
                        credential.clone()
                    };
                    api.status("POST", "/v1/me/token/regenerate", &own, None)
                }
                "exchange for an access token (`exchange`)" => {
                    http_exchange(&api.url, credential, None, None).status
                }
                "add a user (`user add`)" => {
                    let body =
                        json!({ "name": unique("u"), "role": "connector", "password": PASSWORD });
                    api.status("POST", "/v1/users", credential, Some(body))
                }
                "change a user's role (`user set-role`)" => {
                    let body =
                        json!({ "role": if column % 2 == 0 { "support" } else { "developer" } });
                    api.status("POST", "/v1/users/bob/role", credential, Some(body))
                }
                "disable or enable a user (`user disable`, `user enable`)" => {
                    api.status("POST", "/v1/users/bob/enable", credential, None)
                }
                "add, edit or remove a role (`role add`, `role edit`, `role remove`)" => {
                    let body = json!({ "name": unique("r"), "permissions": ["api:read"] });
                    api.status("POST", "/v1/roles", credential, Some(body))
                }
                "rotate the signing key (`keys rotate`)" => {
                    api.status("POST", "/v1/keys/rotate", credential, None)
                }
                "set up 2FA (`2fa enable`)" => api.status("POST", "/v1/me/totp", credential, None),
                "change your password (`password change`)" => {
                    // The admin's own credentials, with a wrong current
                    // password: a credential that may ask gets the 403 of
                    // the wrong password, one that may not the 403 of the
                    // matrix; told apart by the message.
                    let body = json!({ "current_password": "not it", "new_password": unique("a long new password") });
                    let answer = api.call("POST", "/v1/me/password", credential, Some(body));
                    let wrong_password =
                        answer.body["error"]["message"] == "the current password is wrong";
                    if wrong_password { 200 } else { answer.status }
                }
                "reset another user's password (`user reset-password`)" => {
                    api.status("POST", "/v1/users/bob/password", credential, None)
                }
                "end your own sessions (`session revoke`, `logout`)" => {
                    // A session id no one has: a credential that may ask
                    // gets the 404 of the missing session, one that may not
                    // the 403 of the matrix.
                    let answer = api.call("POST", "/v1/sessions/999999/revoke", credential, None);
                    if answer.status == 404 {
                        200
                    } else {
                        answer.status
                    }
                }
                "end another user's sessions (`session revoke --user`)" => {
                    let body = json!({ "user": "bob" });
                    api.status("POST", "/v1/sessions/revoke-all", credential, Some(body))
                }
                "reset another user's 2FA (`user reset-2fa`)" => {
                    api.status("POST", "/v1/users/bob/totp/reset", credential, None)
                }
                "edit a user (`user edit`)" => {
                    let body = json!({ "email": "bob@example.com" });
                    api.status("PATCH", "/v1/users/bob", credential, Some(body))
                }
                "remove a user (`user remove`)" => {
                    let victim = unique("gone");
                    let body = json!({ "name": victim, "role": "connector" });
                    api.admin("POST", "/v1/users", Some(body));
                    api.status("DELETE", &format!("/v1/users/{victim}"), credential, None)
                }
                "prune the audit log (`audit prune`)" => {
                    // Before any entry there is: allowed prunes nothing.
                    let body = json!({ "before": "2001-01-01T00:00:00Z" });
                    api.status("POST", "/v1/audit/prune", credential, Some(body))
                }
                "change the token policy (`policy set`)" => {
                    // A change to what it is already: the other rows'
                    // tokens are made under the same policy.
                    let body = json!({ "allow_never": true });
                    api.status("PATCH", "/v1/policy", credential, Some(body))
                }
                "add a trust policy (`trust add`)" => {
                    let body = trust_policy(&unique("trust"), None);
                    api.status("POST", "/v1/trust/policies", credential, Some(body))
                }
                "add a trust policy for another user (`trust add --owner`)" => {
                    let body = trust_policy(&unique("trust"), Some("bob"));
                    api.status("POST", "/v1/trust/policies", credential, Some(body))
                }
                "remove a trust policy (`trust remove`)" => {
                    let victim = unique("trust");
                    api.admin(
                        "POST",
                        "/v1/trust/policies",
                        Some(trust_policy(&victim, None)),
                    );
                    let path = format!("/v1/trust/policies/{victim}");
                    api.status("DELETE", &path, credential, None)
                }
                "list and show trust policies (`trust list`, `trust show`)" => {
                    api.status("GET", "/v1/trust/policies", credential, None)
                }
                "add a webhook (`webhook add`)" => {
                    api.status("POST", "/v1/webhooks", credential, Some(webhook()))
                }
                "remove a webhook (`webhook remove`)" => {
                    let added = api.admin("POST", "/v1/webhooks", Some(webhook()));
                    let path = format!("/v1/webhooks/{}", added["webhook"]["id"]);
                    api.status("DELETE", &path, credential, None)
                }
                "list and test webhooks, see their deliveries (`webhook list`, `webhook test`, `webhook deliveries`)" =>
                {
                    let added = api.admin("POST", "/v1/webhooks", Some(webhook()));
                    let test = format!("/v1/webhooks/{}/test", added["webhook"]["id"]);
                    let statuses = [
                        api.status("GET", "/v1/webhooks", credential, None),
                        api.status("POST", &test, credential, None),
                        api.status("GET", "/v1/webhooks/deliveries", credential, None),
                    ];
                    assert!(
                        statuses.iter().all(|s| *s == statuses[0]),
                        "{row}: {statuses:?}"
                    );
                    api.admin(
                        "DELETE",
                        &format!("/v1/webhooks/{}", added["webhook"]["id"]),
                        None,
                    );
                    statuses[0]
                }
                "list and show tokens (`list`, `show`)" => {
                    api.status("GET", "/v1/tokens", credential, None)
                }
                "revoke a token (`revoke`)" => {
                    let victim = api.token(&api.admin, &unique("victim"));
                    let path = format!("/v1/tokens/{}/revoke", id_of(&api, &victim));
                    api.status("POST", &path, credential, None)
                }
                "read the audit log (`audit`)" => api.status("GET", "/v1/audit", credential, None),
                "list users and roles (`user list`, `role list`)" => {
                    api.status("GET", "/v1/users", credential, None)
                }
                "list the signing keys (`keys list`)" => {
                    api.status("GET", "/v1/keys", credential, None)
                }
                "introspect a token (`POST /oauth2/introspect`)" => {
                    common::http_send(
                        "POST",
                        &format!("{}/oauth2/introspect", api.url),
                        &[
                            ("authorization", &format!("Bearer {credential}")),
                            ("content-type", "application/x-www-form-urlencoded"),
                        ],
                        Some(&format!("token={pat}")),
                    )
                    .status
                }
                other => panic!("README's matrix has a row this test does not know: {other}"),
            };
            let allowed = (200..300).contains(&status);
            assert_eq!(
                allowed,
                expected[column],
                "{row} with {}: HTTP {status}",
                ["a login session", "a PAT", "an access token"][column]
            );
        }
    }
    // The rows that are grants agree with the code's own matrix.
    use tokenctl::policy::{CredentialKind, Operation};
    let kinds = [
        CredentialKind::Person,
        CredentialKind::Token,
        CredentialKind::AccessToken,
    ];
    for operation in Operation::ALL {
        let row = match operation {
            Operation::CreateToken { for_other: false } => "create a token (`create`)",
            Operation::CreateToken { for_other: true } => {
                "issue a token to another user (`create --for`)"
            }
            Operation::RegenerateToken { .. } => "regenerate a token (`regenerate`)",
            Operation::RotateSelf => {
                "a token regenerates itself (`regenerate --self`, needs `tokens:rotate-self`)"
            }
            Operation::Exchange => "exchange for an access token (`exchange`)",
            Operation::OpenSession => continue,
            Operation::AddUser => "add a user (`user add`)",
            Operation::SetUserRole => "change a user's role (`user set-role`)",
            Operation::SetUserDisabled => {
                "disable or enable a user (`user disable`, `user enable`)"
            }
            Operation::AddRole | Operation::EditRole | Operation::RemoveRole => {
                "add, edit or remove a role (`role add`, `role edit`, `role remove`)"
            }
            Operation::RotateKeys => "rotate the signing key (`keys rotate`)",
            Operation::EnrollSecondFactor => "set up 2FA (`2fa enable`)",
            Operation::ChangeOwnPassword => "change your password (`password change`)",
            Operation::ResetPassword => "reset another user's password (`user reset-password`)",
            Operation::EndOwnSessions => "end your own sessions (`session revoke`, `logout`)",
            Operation::EndSessions => "end another user's sessions (`session revoke --user`)",
            Operation::ResetSecondFactor => "reset another user's 2FA (`user reset-2fa`)",
            Operation::EditUser => "edit a user (`user edit`)",
            Operation::RemoveUser => "remove a user (`user remove`)",
            Operation::PruneAudit => "prune the audit log (`audit prune`)",
            Operation::AddTrustPolicy { for_other: false } => "add a trust policy (`trust add`)",
            Operation::AddTrustPolicy { for_other: true } => {
                "add a trust policy for another user (`trust add --owner`)"
            }
            Operation::RemoveTrustPolicy => "remove a trust policy (`trust remove`)",
            Operation::AddWebhook => "add a webhook (`webhook add`)",
            Operation::RemoveWebhook => "remove a webhook (`webhook remove`)",
            Operation::SetPolicy => "change the token policy (`policy set`)",
        };
        let (_, marks) = rows
            .iter()
            .find(|(name, _)| name == row)
            .unwrap_or_else(|| panic!("README's matrix lacks the row {row}"));
        for (column, kind) in kinds.iter().enumerate() {
            assert_eq!(
                operation.needs().credentials.contains(kind),
                marks[column],
                "{operation:?} with {kind:?}: README and policy disagree"
            );
        }
    }
}

/// A webhook on a loopback port nobody listens on (discard).
fn webhook() -> Value {
    json!({"url": "http://127.0.0.1:9/matrix", "events": ["token.revoked"]})
}

/// A trust policy body for GitHub Actions jobs of acme/api.
fn trust_policy(name: &str, owner: Option<&str>) -> Value {
    json!({
        "name": name,
        "issuer": "https://token.actions.githubusercontent.com",
        "audience": "tokenctl",
        "claims": [{"key": "repository", "pattern": "acme/api"}],
        "scopes": ["api:read"],
        "owner": owner,
    })
}

pub(crate) fn id_of(api: &Api<'_>, secret: &str) -> i64 {
    let body = json!({ "token": secret });
    let answer = api.call("POST", "/v1/tokens/inspect", &api.admin, Some(body));
    answer.body["id"]
        .as_i64()
        .unwrap_or_else(|| panic!("inspect: {}", answer.body))
}

fn the_first_admin_can_still_do_everything_after_all_this() {
    let env = TestEnv::with_backend(Backend::RemoteSqlite);
    let api = Api::new(&env);
    api.add_role("r", &["api:read"]);
    api.user("bob", "r");
    api.admin(
        "POST",
        "/v1/users/bob/role",
        Some(json!({ "role": "admin" })),
    );
    api.admin("POST", "/v1/users/bob/disable", None);
    api.admin("POST", "/v1/users/bob/enable", None);
    api.admin("POST", "/v1/keys/rotate", None);
    let body = json!({ "name": "for-bob", "for": "bob" });
    let created = api.admin("POST", "/v1/tokens", Some(body));
    assert_eq!(created["token"]["role"], "admin");
    assert_eq!(
        created["token"]["effective_permissions"]
            .as_array()
            .map(Vec::len),
        Some(Permission::ALL.len())
    );
    assert!(!http_login(&api.url, &env.me(), ADMIN_PASSWORD).is_empty());
}

pub(crate) fn tests() -> Vec<crate::harness::Test> {
    vec![
        test!(every_cell_of_the_credential_matrix_holds),
        test!(the_first_admin_can_still_do_everything_after_all_this),
    ]
}
