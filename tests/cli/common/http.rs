//! Plain HTTP against a test server, as any other client would speak it.

use super::*;

/// What an HTTP request got back.
pub struct HttpAnswer {
    pub status: u16,
    pub headers: reqwest::header::HeaderMap,
    /// The JSON body, or the body as a JSON string when it is not JSON.
    pub body: Value,
}

/// Raw HTTP to any URL (a server or one of its replicas).
pub fn http_request(
    method: &str,
    url: &str,
    bearer: Option<&str>,
    body: Option<&str>,
) -> HttpAnswer {
    let authorization = bearer.map(|bearer| format!("Bearer {bearer}"));
    let mut headers = Vec::new();
    if let Some(authorization) = &authorization {
        headers.push(("authorization", authorization.as_str()));
    }
    if body.is_some() {
        headers.push(("content-type", "application/json"));
    }
    http_send(method, url, &headers, body)
}

/// The TOTP code of `secret` (base32) `offset_steps` 30-second steps from now.
pub fn totp_code(secret: &str, offset_steps: i64) -> String {
    let bytes = totp_rs::Secret::try_from_base32(secret).expect("base32");
    let totp = totp_rs::Builder::new()
        .with_secret(bytes)
        .build()
        .expect("totp");
    let now = chrono::Utc::now().timestamp() + offset_steps * 30;
    totp.generate(u64::try_from(now).expect("time")).to_string()
}

/// Logs `username` in over raw HTTP and returns the session.
pub fn http_login(server: &str, username: &str, password: &str) -> String {
    let body = serde_json::json!({ "username": username, "password": password }).to_string();
    let answer = http_request("POST", &format!("{server}/v1/login"), None, Some(&body));
    assert_eq!(answer.status, 200, "login {username}: {}", answer.body);
    answer.body["session"].as_str().expect("session").to_owned()
}

/// The first login of an account whose password `one_time` an admin set:
/// it chooses `new`. The answer, whatever it is.
pub fn http_first_login(server: &str, username: &str, one_time: &str, new: &str) -> HttpAnswer {
    let body =
        serde_json::json!({ "username": username, "password": one_time, "new_password": new });
    http_request(
        "POST",
        &format!("{server}/v1/login"),
        None,
        Some(&body.to_string()),
    )
}

/// The owner's first login on `server`, replacing `one_time` with `new`,
/// then logging out: the account as its owner has it, no session open.
pub fn take_over_account(server: &str, username: &str, one_time: &str, new: &str) {
    let first = http_first_login(server, username, one_time, new);
    assert_eq!(
        first.status, 200,
        "{username}'s first login: {}",
        first.body
    );
    let session = first.body["session"].as_str().expect("session");
    let out = http_request("POST", &format!("{server}/v1/logout"), Some(session), None);
    assert_eq!(out.status, 200, "{username} logs out: {}", out.body);
}

/// An RFC 8693 exchange over raw HTTP: `subject` as a token
/// (`urn:…:access_token`) or, when it is a JWT, as a login session
/// (`urn:…:jwt`), with optional `scope` and `audience`.
pub fn http_exchange(
    server: &str,
    subject: &str,
    scope: Option<&str>,
    audience: Option<&str>,
) -> HttpAnswer {
    let subject_type = if subject.starts_with("tc") {
        "urn:ietf:params:oauth:token-type:access_token"
    } else {
        "urn:ietf:params:oauth:token-type:jwt"
    };
    let mut form = form_urlencoded::Serializer::new(String::new());
    form.append_pair(
        "grant_type",
        "urn:ietf:params:oauth:grant-type:token-exchange",
    )
    .append_pair("subject_token", subject)
    .append_pair("subject_token_type", subject_type);
    if let Some(scope) = scope {
        form.append_pair("scope", scope);
    }
    if let Some(audience) = audience {
        form.append_pair("audience", audience);
    }
    http_send(
        "POST",
        &format!("{server}/oauth2/token"),
        &[("content-type", "application/x-www-form-urlencoded")],
        Some(&form.finish()),
    )
}

/// Raw HTTP with exactly these headers and body (a form, a custom header).
pub fn http_send(
    method: &str,
    url: &str,
    headers: &[(&str, &str)],
    body: Option<&str>,
) -> HttpAnswer {
    current_thread_runtime().block_on(async {
        let client = reqwest::Client::new();
        let method = reqwest::Method::from_bytes(method.as_bytes()).expect("method");
        let mut request = client.request(method, url);
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        if let Some(body) = body {
            request = request.body(body.to_owned());
        }
        let response = request.send().await.expect("send");
        let status = response.status().as_u16();
        let headers = response.headers().clone();
        let bytes = response.bytes().await.expect("body");
        let body = serde_json::from_slice(&bytes)
            .unwrap_or_else(|_| Value::String(String::from_utf8_lossy(&bytes).into_owned()));
        HttpAnswer {
            status,
            headers,
            body,
        }
    })
}

/// The URL of the next page a list answer links to (`Link: <?…>; rel="next"`,
/// a reference resolved against the URL of the page it came with).
pub fn next_page_url(page_url: &str, headers: &reqwest::header::HeaderMap) -> Option<String> {
    let link = headers.get("link")?.to_str().expect("ascii Link");
    let target = link
        .strip_prefix('<')
        .and_then(|rest| rest.split_once(">; rel=\"next\""))
        .map(|(target, _)| target)
        .unwrap_or_else(|| panic!("not a next link: {link}"));
    let base = reqwest::Url::parse(page_url).expect("page URL");
    Some(base.join(target).expect("resolvable").to_string())
}
