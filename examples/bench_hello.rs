//! A bare axum "hello" server, the baseline that `benches/server.sh` runs in
//! the same session as the token API so that figures compare as ratios.
//!
//! Usage: cargo run --release --example bench_hello -- 127.0.0.1:0

use axum::Router;
use axum::routing::get;

#[tokio::main]
async fn main() -> std::io::Result<()> {
    let address = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "127.0.0.1:0".to_owned());
    let listener = tokio::net::TcpListener::bind(address).await?;
    eprintln!("hello serving on http://{}", listener.local_addr()?);
    let app = Router::new().route("/hello", get(|| async { "hello" }));
    axum::serve(listener, app).await
}
