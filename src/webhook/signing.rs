//! The Standard Webhooks signature: a `whsec_` secret (base64 of 32 random
//! bytes) and `webhook-signature: v1,<base64 HMAC-SHA256>` over
//! `webhook-id.webhook-timestamp.body`.

use aws_lc_rs::hmac;
use base64::Engine;
use base64::engine::general_purpose::STANDARD;

use crate::error::{Error, Result};

const PREFIX: &str = "whsec_";
const SECRET_LEN: usize = 32;

/// What a sealed webhook secret is sealed for (`jose::SealingKey`).
pub const SECRET_PURPOSE: &str = "tokenctl webhook secret";

/// A webhook's signing secret. Shown once when the webhook is added;
/// `Debug` never shows it.
pub struct WebhookSecret(String);

impl std::fmt::Debug for WebhookSecret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("WebhookSecret(<redacted>)")
    }
}

impl WebhookSecret {
    pub fn generate() -> Result<WebhookSecret> {
        let mut bytes = [0; SECRET_LEN];
        getrandom::fill(&mut bytes)
            .map_err(|error| Error::internal(format!("no randomness for a secret: {error}")))?;
        Ok(WebhookSecret(format!("{PREFIX}{}", STANDARD.encode(bytes))))
    }

    /// A secret as it was shown (`whsec_…`), e.g. unsealed from the store.
    pub fn parse(text: &str) -> Result<WebhookSecret> {
        let key = text
            .strip_prefix(PREFIX)
            .and_then(|encoded| STANDARD.decode(encoded).ok())
            .filter(|key| !key.is_empty());
        match key {
            Some(_) => Ok(WebhookSecret(text.to_owned())),
            None => Err(Error::internal("a webhook secret is not whsec_ + base64")),
        }
    }

    /// The secret as the receiver configures it: `whsec_…`.
    pub fn expose(&self) -> &str {
        &self.0
    }

    fn key(&self) -> Vec<u8> {
        self.0
            .strip_prefix(PREFIX)
            .and_then(|encoded| STANDARD.decode(encoded).ok())
            .unwrap_or_default()
    }
}

/// The `webhook-signature` header of a message.
pub fn signature(secret: &WebhookSecret, message_id: &str, timestamp: i64, body: &str) -> String {
    let key = hmac::Key::new(hmac::HMAC_SHA256, &secret.key());
    let signed = format!("{message_id}.{timestamp}.{body}");
    let tag = hmac::sign(&key, signed.as_bytes());
    format!("v1,{}", STANDARD.encode(tag.as_ref()))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The example of the Standard Webhooks specification's reference
    /// libraries (the same secret, id, timestamp and body).
    #[test]
    fn signs_as_the_reference_implementations_do() {
        let secret = WebhookSecret::parse("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw").expect("parse");
        let body = r#"{"test": 2432232314}"#;
        assert_eq!(
            signature(&secret, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, body),
            "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="
        );
    }

    #[test]
    fn secrets_are_new_each_time_and_never_debugged() {
        let (a, b) = (
            WebhookSecret::generate().expect("secret"),
            WebhookSecret::generate().expect("secret"),
        );
        assert_ne!(a.expose(), b.expose());
        assert!(a.expose().starts_with("whsec_"));
        assert_eq!(a.key().len(), 32);
        assert!(!format!("{a:?}").contains(a.expose()));
        assert!(WebhookSecret::parse("whsec_").is_err());
        assert!(WebhookSecret::parse("abc").is_err());
    }
}
