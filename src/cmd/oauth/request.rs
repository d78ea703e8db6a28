//! `tokenctl oauth request`.

use std::io::IsTerminal;

use super::common::{http, report_token, store};
use crate::cmd::{Context, parse};
use crate::env;
use crate::error::{Error, Result};
use crate::oauth::Grant;
use crate::oauth::flows::{Client, CodeFlow, DeviceFlow};
use crate::oauth::manage::{Issued, apply_tokens, save};

/// Obtain a new token from the provider (a new authorization)
///
/// By default: authorization code with PKCE. tokenctl listens on a random
/// port of 127.0.0.1, prints the provider's URL on stderr (and opens a
/// browser when there is a display); sign in there and the provider sends
/// the browser back to tokenctl. On a machine without a browser use
/// --device: open the printed URL on any device and enter the code. A
/// service with its own credentials uses --client-credentials. The tokens
/// go to the OS keyring; print one with `tokenctl oauth token NAME`.
///
/// Examples:
///   tokenctl oauth request mail
///   tokenctl oauth request mail --device
///   tokenctl oauth request reports --client-credentials
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// Name of the token
    #[arg(add = crate::cmd::complete::oauth_entries())]
    pub name: String,

    /// Device authorization grant: for machines without a browser
    #[arg(long, conflicts_with = "client_credentials")]
    pub device: bool,

    /// Client credentials grant: the application acts as itself
    #[arg(long)]
    pub client_credentials: bool,

    /// How long to wait for the sign-in
    #[arg(long, value_name = "DURATION", value_parser = parse::duration, default_value = "5m")]
    pub timeout: chrono::Duration,
}

pub async fn run(ctx: &Context, args: Args) -> Result<()> {
    let store = store(ctx);
    let entry = store.get(&args.name)?;
    store.check_storage(&entry).await?;
    let mut secrets = store.secrets(&entry).await?;
    let timeout = args
        .timeout
        .to_std()
        .ok()
        .filter(|timeout| !timeout.is_zero())
        .ok_or_else(|| Error::invalid("--timeout must be longer than zero"))?;
    let (tokens, grant) = {
        let client = Client::new(http(ctx)?, &entry, &secrets)?;
        if args.client_credentials {
            (client.client_credentials().await?, Grant::ClientCredentials)
        } else if args.device {
            let flow = client.start_device_flow().await?;
            announce_device(ctx, &flow);
            (flow.finish(timeout).await?, Grant::Device)
        } else {
            let flow = client.start_code_flow().await?;
            announce_code(ctx, &flow, &entry.name);
            (flow.finish(timeout).await?, Grant::AuthorizationCode)
        }
    };
    let mut updated = entry;
    apply_tokens(
        &mut updated,
        &mut secrets,
        tokens,
        Issued::New(grant),
        crate::time::now(),
    );
    let saved = save(&store, updated, &secrets).await?;
    report_token(ctx, &store, &saved, "Got a token")
}

fn announce_code(ctx: &Context, flow: &CodeFlow<'_>, name: &str) {
    ctx.out.note(&format!(
        "Open this URL in a browser to authorize '{name}':"
    ));
    ctx.out.note(&format!("  {}", flow.url));
    if open_browser(flow.url.as_str()) {
        ctx.out.note("(opened in your browser)");
    }
    ctx.out
        .note("Waiting for the provider to send the browser back…");
}

fn announce_device(ctx: &Context, flow: &DeviceFlow<'_>) {
    ctx.out.note(&format!(
        "On any device, open {} and enter the code: {}",
        flow.verification_uri, flow.user_code
    ));
    if let Some(complete) = &flow.verification_uri_complete {
        ctx.out.note(&format!("  or open: {complete}"));
    }
    ctx.out.note("Waiting for the approval…");
}

/// Opens `url` in the desktop's browser, only when someone is looking: a
/// terminal, a display, not CI. Failing to open is not an error — the URL
/// is printed anyway.
fn open_browser(url: &str) -> bool {
    let display =
        env::is_set("DISPLAY") || env::is_set("WAYLAND_DISPLAY") || cfg!(target_os = "macos");
    if !display || env::is_set(env::CI) || !std::io::stderr().is_terminal() {
        return false;
    }
    let opener = if cfg!(target_os = "macos") {
        "open"
    } else {
        "xdg-open"
    };
    std::process::Command::new(opener)
        .arg(url)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .is_ok()
}
