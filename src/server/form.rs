//! `application/x-www-form-urlencoded` request bodies: what the OAuth
//! endpoints take (RFC 6749 §3.2, RFC 7662 §2.1).
//!
//! Read in place: a parameter with nothing escaped — a token, nearly always —
//! is borrowed from the body as it is, and only one with `%` or `+` goes
//! through `form_urlencoded`'s decoder. `axum::Form` runs every byte of a
//! 600-byte JWT through that decoder, which under callgrind took more
//! instructions than a whole bare-axum request.

use std::borrow::Cow;
use std::fmt;

use axum::body::Bytes;
use axum::extract::{FromRequest, Request};
use axum::http::header::CONTENT_TYPE;

const FORM_CONTENT_TYPE: &str = "application/x-www-form-urlencoded";

/// A form body, undecoded until [`FormBody::parameters`].
pub struct FormBody(Bytes);

/// Why a body is not a form we can read; shown to the client.
#[derive(Debug)]
pub struct FormError(String);

impl fmt::Display for FormError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl<S: Send + Sync> FromRequest<S> for FormBody {
    type Rejection = FormError;

    async fn from_request(request: Request, state: &S) -> Result<FormBody, FormError> {
        if !is_form(&request) {
            return Err(FormError(format!(
                "the content type must be {FORM_CONTENT_TYPE}"
            )));
        }
        // `Bytes` keeps to the server's body limit.
        let body = Bytes::from_request(request, state)
            .await
            .map_err(|rejection| FormError(rejection.body_text()))?;
        Ok(FormBody(body))
    }
}

fn is_form(request: &Request) -> bool {
    request
        .headers()
        .get(CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.split(';').next())
        .is_some_and(|essence| essence.trim().eq_ignore_ascii_case(FORM_CONTENT_TYPE))
}

impl FormBody {
    /// The body's `name=value` pairs, decoded only where they need it.
    pub fn parameters(&self) -> Parameters<'_> {
        Parameters::parse(&self.0)
    }
}

/// One pair, borrowed when nothing in it is escaped. Bytes that are not
/// UTF-8 become U+FFFD either way, as `form_urlencoded` has it.
fn decode_pair(pair: &[u8]) -> (Cow<'_, str>, Cow<'_, str>) {
    if memchr::memchr2(b'%', b'+', pair).is_some() {
        return form_urlencoded::parse(pair)
            .next()
            .unwrap_or((Cow::Borrowed(""), Cow::Borrowed("")));
    }
    let (name, value) = match memchr::memchr(b'=', pair) {
        Some(at) => (&pair[..at], &pair[at + 1..]),
        None => (pair, &b""[..]),
    };
    (text(name), text(value))
}

/// `bytes` as text, checked the fast way first: `from_utf8_lossy` walks
/// valid text byte by byte, `from_utf8` a word at a time.
fn text(bytes: &[u8]) -> Cow<'_, str> {
    match std::str::from_utf8(bytes) {
        Ok(text) => Cow::Borrowed(text),
        Err(_) => String::from_utf8_lossy(bytes),
    }
}

/// A form's parameters, in the order sent.
pub struct Parameters<'a>(Vec<(Cow<'a, str>, Cow<'a, str>)>);

impl<'a> Parameters<'a> {
    /// Reads a form body (public for the fuzz target in `fuzz/`).
    pub fn parse(body: &'a [u8]) -> Parameters<'a> {
        Parameters(
            body.split(|&byte| byte == b'&')
                .filter(|pair| !pair.is_empty())
                .map(decode_pair)
                .collect(),
        )
    }

    /// The value of `name`, if sent. Sending it twice is an error: "request
    /// and response parameters MUST NOT be included more than once"
    /// (RFC 6749 §3.1, §3.2).
    pub fn one(&self, name: &str) -> Result<Option<&str>, FormError> {
        let mut values = self
            .0
            .iter()
            .filter(|(key, _)| key == name)
            .map(|(_, value)| value.as_ref());
        let first = values.next();
        if values.next().is_some() {
            return Err(FormError(format!(
                "the parameter '{name}' is given more than once"
            )));
        }
        Ok(first)
    }
}

#[cfg(test)]
mod tests {
    use super::Parameters;

    #[test]
    fn plain_values_are_read_as_sent() {
        let form = Parameters::parse(b"token=eyJhbGciOi.eyJzdWIi.c2ln&token_type_hint=");
        let token = form.one("token").expect("sent once");
        assert_eq!(token, Some("eyJhbGciOi.eyJzdWIi.c2ln"));
        assert_eq!(form.one("token_type_hint").expect("sent once"), Some(""));
        assert_eq!(form.one("scope").expect("not sent"), None);
    }

    #[test]
    fn escaped_values_are_decoded() {
        let form = Parameters::parse(b"grant_type=urn%3Aietf%3Aparams&scope=a%3Aread+b&&bare");
        assert_eq!(
            form.one("grant_type").expect("once"),
            Some("urn:ietf:params")
        );
        assert_eq!(form.one("scope").expect("once"), Some("a:read b"));
        assert_eq!(form.one("bare").expect("once"), Some(""));
        assert_eq!(
            Parameters::parse(b"%%%").one("%%%").expect("once"),
            Some("")
        );
    }

    #[test]
    fn bytes_that_are_not_utf8_become_replacement_characters() {
        let form = Parameters::parse(b"token=a\xffb&scope=%FF");
        assert_eq!(form.one("token").expect("once"), Some("a\u{FFFD}b"));
        assert_eq!(form.one("scope").expect("once"), Some("\u{FFFD}"));
    }

    #[test]
    fn a_parameter_sent_twice_is_refused() {
        let form = Parameters::parse(b"token=a&token=b");
        let error = form.one("token").expect_err("sent twice");
        assert!(error.to_string().contains("more than once"), "{error}");
    }

    mod properties {
        use super::super::Parameters;
        use proptest::prelude::*;

        proptest! {
            /// No body makes the form reader panic.
            #[test]
            fn any_bytes_are_read(body in proptest::collection::vec(any::<u8>(), 0..512)) {
                let form = Parameters::parse(&body);
                let _ = form.one("token");
            }

            /// What an encoder writes, the reader reads back exactly —
            /// and a name sent twice is refused, never one of them picked.
            #[test]
            fn encoded_forms_read_back(
                pairs in proptest::collection::btree_map("[a-z_]{1,12}", any::<String>(), 0..6),
                repeat in any::<bool>(),
            ) {
                let mut encoder = form_urlencoded::Serializer::new(String::new());
                for (name, value) in &pairs {
                    encoder.append_pair(name, value);
                }
                if repeat && let Some((name, value)) = pairs.iter().next() {
                    encoder.append_pair(name, value);
                }
                let body = encoder.finish();
                let form = Parameters::parse(body.as_bytes());
                for (index, (name, value)) in pairs.iter().enumerate() {
                    if repeat && index == 0 {
                        prop_assert!(form.one(name).is_err());
                    } else {
                        prop_assert_eq!(form.one(name).expect("once"), Some(value.as_str()));
                    }
                }
            }
        }
    }
}
