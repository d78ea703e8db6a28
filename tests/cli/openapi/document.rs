//! The document on its own.

use super::*;

fn document_is_openapi_3_0_and_every_ref_resolves() {
    let doc = document();
    let version = doc["openapi"].as_str().expect("an openapi version");
    assert!(
        version.starts_with("3.0."),
        "openapi is {version}, not 3.0.x"
    );
    assert!(doc["info"]["title"].is_string() && doc["info"]["version"].is_string());
    assert!(
        doc["components"]["securitySchemes"]["bearer"]["scheme"] == "bearer",
        "the bearer security scheme is missing"
    );

    let mut refs = Vec::new();
    collect_refs(&doc, "", &mut refs);
    assert!(!refs.is_empty());
    for (at, reference) in refs {
        assert!(
            reference.starts_with("#/"),
            "{at}: $ref {reference} points outside the document"
        );
        assert!(
            resolve(&doc, reference).is_some(),
            "{at}: $ref {reference} does not resolve"
        );
    }
}

fn every_operation_is_complete_and_its_path_parameters_are_declared() {
    let doc = document();
    let mut ids = BTreeSet::new();
    for (path, method) in operations(&doc) {
        let op = operation(&doc, &path, &method);
        let what = format!("{} {path}", method.to_uppercase());
        let id = op["operationId"]
            .as_str()
            .unwrap_or_else(|| panic!("{what}: no operationId"));
        assert!(
            ids.insert(id.to_owned()),
            "{what}: operationId {id} is used twice"
        );
        assert!(op["summary"].is_string(), "{what}: no summary");
        let responses = op["responses"].as_object().expect("responses");
        assert!(responses.contains_key("200"), "{what}: no 200 response");
        for (code, response) in responses {
            assert!(
                deref(&doc, response)["description"].is_string(),
                "{what}: response {code} has no description"
            );
        }

        let declared: BTreeSet<String> = op["parameters"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|parameter| deref(&doc, parameter))
            .filter(|parameter| parameter["in"] == "path")
            .map(|parameter| {
                assert_eq!(
                    parameter["required"], true,
                    "{what}: path parameters are required"
                );
                parameter["name"]
                    .as_str()
                    .expect("parameter name")
                    .to_owned()
            })
            .collect();
        let in_template: BTreeSet<String> = path
            .split('/')
            .filter_map(|segment| segment.strip_prefix('{')?.strip_suffix('}'))
            .map(str::to_owned)
            .collect();
        assert_eq!(declared, in_template, "{what}: path parameters");
    }
}

/// Every `.route(path, method(handler)…)` the server's route modules
/// declare, as (path, method). Read from the source, since a router can't
/// list its routes; a path named by a constant is looked up among the
/// crate's `const NAME: &str = "…";` items.
pub(crate) fn served_routes() -> BTreeSet<(String, String)> {
    let read = |path: std::path::PathBuf| std::fs::read_to_string(&path).expect("source file");
    let sources = |dir: &str| {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
        let mut files: Vec<_> = std::fs::read_dir(dir)
            .expect("source dir")
            .map(|entry| entry.expect("entry").path())
            .filter(|path| path.extension().is_some_and(|ext| ext == "rs"))
            .collect();
        files.sort();
        files
    };
    let constant = regex::Regex::new(r#"const ([A-Z_]+): &str = "([^"]+)";"#).expect("regex");
    let constants: std::collections::BTreeMap<String, String> = ["src", "src/server/routes"]
        .into_iter()
        .flat_map(sources)
        .flat_map(|file| {
            let text = read(file);
            constant
                .captures_iter(&text)
                .map(|found| (found[1].to_owned(), found[2].to_owned()))
                .collect::<Vec<_>>()
        })
        .collect();
    let route = regex::Regex::new(r#"\.route\(("[^"]+"|[A-Z_]+),((?:\.?[a-z]+\(\w+\))+),?\)"#)
        .expect("regex");
    let method = regex::Regex::new(r"([a-z]+)\(\w+\)").expect("regex");
    let mut served = BTreeSet::new();
    for file in sources("src/server/routes") {
        let text: String = read(file).split_whitespace().collect();
        for found in route.captures_iter(&text) {
            let path = match found[1].strip_prefix('"') {
                Some(quoted) => quoted.trim_end_matches('"').to_owned(),
                None => constants
                    .get(&found[1])
                    .unwrap_or_else(|| panic!("no string constant {} in src/", &found[1]))
                    .clone(),
            };
            for name in method.captures_iter(&found[2]) {
                assert!(METHODS.contains(&&name[1]), "{path}: method {}", &name[1]);
                served.insert((path.clone(), name[1].to_owned()));
            }
        }
    }
    served
}

/// The router serves exactly what the document describes: no route without
/// its documentation, no documented route left out (the other direction is
/// also probed live by `every_documented_route_exists_and_guards_as_documented`).
fn every_route_the_router_serves_is_documented_and_vice_versa() {
    let served = served_routes();
    assert!(served.len() > 20, "the source scan found only {served:?}");
    let documented: BTreeSet<(String, String)> = operations(&document()).into_iter().collect();
    let undocumented: Vec<_> = served.difference(&documented).collect();
    let unserved: Vec<_> = documented.difference(&served).collect();
    assert!(
        undocumented.is_empty() && unserved.is_empty(),
        "served but not in openapi.json: {undocumented:?}; in openapi.json but not routed: {unserved:?}"
    );
}

/// Enum values in the document are exactly what serde writes.
fn enums_match_the_rust_types() {
    let doc = document();

    // An exhaustive match, so that a new ErrorKind fails to compile here.
    let kinds = |kind: ErrorKind| match kind {
        ErrorKind::InvalidInput
        | ErrorKind::NotFound
        | ErrorKind::Unauthenticated
        | ErrorKind::SecondFactorRequired
        | ErrorKind::PasswordChangeRequired
        | ErrorKind::PermissionDenied
        | ErrorKind::RateLimited
        | ErrorKind::Conflict
        | ErrorKind::Unreachable
        | ErrorKind::Unavailable
        | ErrorKind::Internal => serde_json::to_value(kind).expect("serialize"),
        ErrorKind::OutputClosed | ErrorKind::Cancelled => {
            panic!("a kind that is never on the wire")
        }
    };
    assert!(
        serde_json::to_value(ErrorKind::OutputClosed).is_err(),
        "output_closed is the CLI's own: it can't be serialized"
    );
    assert!(serde_json::from_value::<ErrorKind>(serde_json::json!("output_closed")).is_err());
    assert!(
        serde_json::to_value(ErrorKind::Cancelled).is_err(),
        "cancelled is the CLI's own: it can't be serialized"
    );
    let all_kinds = [
        ErrorKind::InvalidInput,
        ErrorKind::NotFound,
        ErrorKind::Unauthenticated,
        ErrorKind::SecondFactorRequired,
        ErrorKind::PasswordChangeRequired,
        ErrorKind::PermissionDenied,
        ErrorKind::RateLimited,
        ErrorKind::Conflict,
        ErrorKind::Unreachable,
        ErrorKind::Unavailable,
        ErrorKind::Internal,
    ];
    let serialized: BTreeSet<String> = all_kinds
        .into_iter()
        .map(|kind| kinds(kind).as_str().expect("a string").to_owned())
        .collect();
    assert_eq!(enum_values(&doc, "ErrorKind"), serialized);

    let permissions: BTreeSet<String> = Permission::ALL
        .iter()
        .map(|permission| permission.as_str().to_owned())
        .collect();
    assert_eq!(enum_values(&doc, "Permission"), permissions);

    let token_kinds: BTreeSet<String> = TokenKind::ALL
        .iter()
        .map(|kind| kind.as_str().to_owned())
        .collect();
    assert_eq!(enum_values(&doc, "TokenKind"), token_kinds);

    use tokenctl::model::Status;
    let statuses: BTreeSet<String> = Status::ALL
        .iter()
        .map(|status| status.as_str().to_owned())
        .collect();
    assert_eq!(enum_values(&doc, "Status"), statuses);
}

/// Every reason the code gives is documented with exactly its wire form:
/// its code in `ErrorReason`'s list, its fields among the schema's.
fn error_reasons_match_the_rust_type() {
    use tokenctl::error::Reason;
    let doc = document();
    let schema = schema(&doc, "ErrorReason");
    // An exhaustive match, so that a new Reason fails to compile here.
    let sample = |reason: &Reason| match reason {
        Reason::NoAccount { .. }
        | Reason::NoSuchUser { .. }
        | Reason::NoSuchRole
        | Reason::NoSuchToken
        | Reason::TokenEnded { .. }
        | Reason::AccountLocked
        | Reason::NoSecondFactorPending
        | Reason::NoSecondFactor
        | Reason::LastAdmin
        | Reason::SecondFactorEnrolmentRequired
        | Reason::SecondFactorRequired
        | Reason::PermissionMissing
        | Reason::SessionRequired
        | Reason::SessionExpired
        | Reason::NotLoggedIn
        | Reason::ExpiryRequired
        | Reason::LifetimeTooLong { .. }
        | Reason::NewerStore
        | Reason::StoreUnopenable
        | Reason::StoreReadOnly
        | Reason::OwnPasswordReset
        | Reason::Other => serde_json::to_value(reason).expect("serialize"),
    };
    let user = || "ada".to_owned();
    let reasons = [
        Reason::NoAccount { user: user() },
        Reason::NoSuchUser { user: user() },
        Reason::NoSuchRole,
        Reason::NoSuchToken,
        Reason::TokenEnded {
            token: "deploy".to_owned(),
        },
        Reason::AccountLocked,
        Reason::NoSecondFactorPending,
        Reason::NoSecondFactor,
        Reason::LastAdmin,
        Reason::SecondFactorEnrolmentRequired,
        Reason::SecondFactorRequired,
        Reason::PermissionMissing,
        Reason::SessionRequired,
        Reason::SessionExpired,
        Reason::NotLoggedIn,
        Reason::ExpiryRequired,
        Reason::LifetimeTooLong {
            max_seconds: 86_400,
        },
        Reason::NewerStore,
        Reason::StoreUnopenable,
        Reason::StoreReadOnly,
        Reason::OwnPasswordReset,
    ];
    let mut codes = BTreeSet::new();
    for reason in &reasons {
        let wire = sample(reason);
        // Strict: a field the schema lacks fails here.
        assert_matches(&doc, &schema, &wire, &format!("{reason:?}"));
        codes.insert(wire["code"].as_str().expect("a code").to_owned());
    }
    let documented: BTreeSet<String> = schema["properties"]["code"]["enum"]
        .as_array()
        .expect("code enum")
        .iter()
        .map(|code| code.as_str().expect("a string").to_owned())
        .collect();
    assert_eq!(documented, codes);
}

/// Request bodies as the shared `api` types write them (the remote client
/// sends exactly these), with every optional field set.
fn request_schemas_match_the_api_types() {
    use tokenctl::api::{
        AddRoleRequest, AddUserRequest, CreateTokenRequest, LoginRequest, RegenerateRequest,
        RevokeByValueRequest, RevokeOwnedRequest, RevokeRequest, SecretRequest, TotpConfirmRequest,
    };
    let doc = document();
    let cases = [
        (
            "LoginRequest",
            serde_json::to_value(LoginRequest {
                username: "alice".into(),
                password: "pw".into(),
                totp_code: Some("123456".into()),
                recovery_code: Some("k7vq-m2xp-abcd-efgh".into()),
                new_password: Some("a new password".into()),
            }),
        ),
        (
            "CreateTokenRequest",
            serde_json::to_value(CreateTokenRequest {
                name: "ci".into(),
                kind: TokenKind::Service,
                role: Some("developer".into()),
                expires: Some("30d".into()),
                description: "deploys".into(),
                owner: Some("bob".into()),
                max_idle_seconds: Some(7_776_000),
                allowed_ips: vec!["10.0.0.0/8".into(), "2001:db8::/32".into()],
            }),
        ),
        (
            "RegenerateRequest",
            serde_json::to_value(RegenerateRequest {
                grace_seconds: Some(60),
                expires: Some("90d".into()),
            }),
        ),
        (
            "RevokeRequest",
            serde_json::to_value(RevokeRequest {
                reason: Some("left the company".into()),
            }),
        ),
        (
            "RevokeOwnedRequest",
            serde_json::to_value(RevokeOwnedRequest {
                owner: "alice".into(),
                kind: Some(TokenKind::Service),
                reason: Some("offboarded".into()),
            }),
        ),
        (
            "SecretRequest",
            serde_json::to_value(SecretRequest {
                token: "tcpat_x".into(),
            }),
        ),
        (
            "RevokeByValueRequest",
            serde_json::to_value(RevokeByValueRequest {
                token: "tcpat_x".into(),
                reason: Some("leaked: found by scan in ci.log".into()),
            }),
        ),
        (
            "AddRoleRequest",
            serde_json::to_value(AddRoleRequest {
                name: "reader".into(),
                description: "reads".into(),
                permissions: vec![Permission::ApiRead],
            }),
        ),
        (
            "AddUserRequest",
            serde_json::to_value(AddUserRequest {
                name: "bob".into(),
                role: "developer".into(),
                password: Some("a long enough password".into()),
                email: Some("bob@example.com".into()),
            }),
        ),
        (
            "TotpConfirmRequest",
            serde_json::to_value(TotpConfirmRequest {
                code: "123456".into(),
            }),
        ),
    ];
    for (name, value) in cases {
        let value = value.expect("serialize");
        let schema = schema(&doc, name);
        assert_matches(&doc, &schema, &value, name);
        let documented: BTreeSet<&str> = schema["properties"]
            .as_object()
            .expect("properties")
            .keys()
            .map(String::as_str)
            .collect();
        let sent: BTreeSet<&str> = value
            .as_object()
            .expect("object")
            .keys()
            .map(String::as_str)
            .collect();
        assert_eq!(documented, sent, "{name}: documented fields vs. serde's");
    }
}

pub(crate) fn tests() -> Vec<crate::harness::Test> {
    vec![
        test!(document_is_openapi_3_0_and_every_ref_resolves),
        test!(every_operation_is_complete_and_its_path_parameters_are_declared),
        test!(every_route_the_router_serves_is_documented_and_vice_versa),
        test!(enums_match_the_rust_types),
        test!(error_reasons_match_the_rust_type),
        test!(request_schemas_match_the_api_types),
    ]
}
