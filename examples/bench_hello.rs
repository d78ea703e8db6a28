//! A bare axum "hello" server, the baseline that `benches/server.sh` runs in
//! the same session as the token API so that figures compare as ratios.
//!
//! `POST /sign` is the floor of a token exchange: the same bare server plus
//! the one Ed25519 signature an exchange must make (over a message the size
//! of an RFC 9068 access token), and nothing else — no parsing, no lookup,
//! no audit. No exchange can be faster than this on the same machine.
//!
//! Usage: cargo run --release --example bench_hello -- 127.0.0.1:0

use std::sync::Arc;

use aws_lc_rs::rand::SystemRandom;
use aws_lc_rs::signature::Ed25519KeyPair;
use axum::Router;
use axum::extract::State;
use axum::routing::{get, post};
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;

/// The signing input of a typical exchanged token: its header and claims.
const SIGNING_INPUT: &str = concat!(
    "eyJ0eXAiOiJhdCtqd3QiLCJhbGciOiJFZERTQSIsImtpZCI6IjAxSkRRN0JQNFhWWlE4R0",
    "QxS1M2N0VNWTlIIn0.eyJpc3MiOiJodHRwOi8vMTI3LjAuMC4xOjM4NDQxIiwic3ViIjoiY",
    "mVuY2giLCJhdWQiOiJodHRwOi8vMTI3LjAuMC4xOjM4NDQxIiwiZXhwIjoxNzY0MTAyMzU5",
    "LCJpYXQiOjE3NjQxMDE0NTksImp0aSI6IjRsTjdYMWRxV0ZqcFJ6TTJ2a2ExYlEiLCJjbGl",
    "lbnRfaWQiOiJ0b2tlbjowMUpEUTdCUDRYVlpROEdEMUtTNjdFTVk5SCIsInNjb3BlIjoidG",
    "9rZW5zOnJlYWQgdG9rZW5zOndyaXRlIiwidG9rZW5faWQiOiIwMUpEUTdCUDRYVlpROEdEM",
    "UtTNjdFTVk5SCJ9",
);

#[tokio::main]
async fn main() -> std::io::Result<()> {
    let address = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "127.0.0.1:0".to_owned());
    let listener = tokio::net::TcpListener::bind(address).await?;
    eprintln!("hello serving on http://{}", listener.local_addr()?);
    let document = Ed25519KeyPair::generate_pkcs8(&SystemRandom::new()).expect("a new key");
    let pair = Ed25519KeyPair::from_pkcs8(document.as_ref()).expect("the new key");
    let app = Router::new()
        .route("/hello", get(|| async { "hello" }))
        .route("/sign", post(sign))
        .with_state(Arc::new(pair));
    axum::serve(listener, app).await
}

async fn sign(State(pair): State<Arc<Ed25519KeyPair>>) -> String {
    let signature = pair.sign(SIGNING_INPUT.as_bytes());
    format!(
        "{SIGNING_INPUT}.{}",
        URL_SAFE_NO_PAD.encode(signature.as_ref())
    )
}
