//! `tokenctl login`: a 60-minute session with a token server, kept in the
//! OS keyring.

use super::{Context, Target, ask_hidden, logout, read_stdin};
use crate::api::LoginRequest;
use crate::backend::RemoteBackend;
use crate::error::{Error, ErrorKind, Result};
use crate::session::{Profile, Storage, StoredSession};

/// Log in to a token server
///
/// Asks for the password (hidden) and, when the account has 2FA, for the
/// 6-digit code; with --password-stdin reads the password from the first line
/// of stdin and the code from the second. The session lasts 60 minutes and is
/// kept in the OS keyring; with no keyring, tokenctl stops before writing
/// anything unless you pass --insecure-storage (a 0600 file). Logging in
/// again on a profile replaces its session: the server ends the old one.
///
/// Examples:
///   tokenctl login --server https://tokens.example.com --username alice
///   printf '%s\n' "$PASSWORD" | tokenctl login --server "$URL" --username ci --password-stdin --insecure-storage
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// Account name [default: your OS user name]
    #[arg(long, short)]
    pub username: Option<String>,

    /// Read the password (and a 2FA code on the next line) from stdin
    #[arg(long)]
    pub password_stdin: bool,

    /// Keep the session in a 0600 file instead of the OS keyring
    #[arg(long)]
    pub insecure_storage: bool,
}

pub async fn run(ctx: &Context, args: Args) -> Result<()> {
    let Target::Remote { server, profile } = ctx.target()? else {
        return Err(Error::invalid("login needs a server")
            .with_hint("pass --server URL (or set TOKENCTL_SERVER)"));
    };
    let storage = if args.insecure_storage {
        Storage::File
    } else {
        Storage::Keyring
    };
    ctx.sessions.check_available(storage).await?;
    let username = args
        .username
        .or_else(|| profile.as_ref().map(|(_, p)| p.user.clone()))
        .unwrap_or_else(|| ctx.origin.who.clone());
    let (password, mut code) = read_credentials(ctx, &username, args.password_stdin)?;
    let client = RemoteBackend::new(&server, None, ctx.settings.ca_cert.as_deref())?;
    let mut request = LoginRequest {
        username: username.clone(),
        password,
        totp_code: code.take(),
    };
    let response = match client.login(&request).await {
        Err(error) if error.kind == ErrorKind::SecondFactorRequired => {
            request.totp_code = Some(ask_code(ctx, args.password_stdin)?);
            client.login(&request).await?
        }
        other => other?,
    };
    let name = ctx
        .profile
        .clone()
        .or_else(|| profile.map(|(name, _)| name))
        .unwrap_or_else(|| "default".to_owned());
    let saved = Profile {
        server: client.server().to_string(),
        user: response.user.name.clone(),
        storage,
    };
    let session = StoredSession {
        session: response.session,
        expires_at: response.expires_at,
    };
    let previous = previous_session(ctx, &name).await;
    ctx.sessions.save(&name, &saved, &session).await?;
    if let Some((old_profile, old_session)) = previous {
        replace(ctx, &name, (&old_profile, &old_session), &saved).await?;
    }
    let mut profiles = ctx.sessions.profiles()?;
    profiles.profiles.insert(name.clone(), saved.clone());
    profiles.current = Some(name.clone());
    ctx.sessions.save_profiles(&profiles)?;
    if storage == Storage::File {
        ctx.out.warning(&format!(
            "the session is stored unencrypted in {}",
            ctx.sessions.describe(&name, &saved)
        ));
    }
    ctx.out.success(&format!(
        "Logged in to {} as {} until {} (profile {name})",
        saved.server,
        saved.user,
        session.expires_at.format("%H:%M UTC")
    ));
    Ok(())
}

/// The session the profile `name` holds now, which the new login replaces.
async fn previous_session(ctx: &Context, name: &str) -> Option<(Profile, StoredSession)> {
    let profile = ctx.sessions.profiles().ok()?.profiles.remove(name)?;
    let session = ctx.sessions.load(name, &profile).await.ok()??;
    Some((profile, session))
}

/// Ends the session a new login replaced, on its server, so no copy of it
/// keeps working; and deletes its stored copy if it was kept elsewhere (a
/// profile now for another user or storage).
async fn replace(
    ctx: &Context,
    name: &str,
    (old_profile, old_session): (&Profile, &StoredSession),
    saved: &Profile,
) -> Result<()> {
    if let Err(error) = logout::end_on_server(ctx, &old_profile.server, old_session).await {
        ctx.out.warning(&format!(
            "the previous session of profile {name} could not be ended on {}: {}",
            old_profile.server, error.message
        ));
    }
    if old_profile != saved {
        ctx.sessions.delete(name, old_profile).await?;
    }
    Ok(())
}

/// The password, and a 2FA code when stdin carried one.
fn read_credentials(
    ctx: &Context,
    username: &str,
    from_stdin: bool,
) -> Result<(String, Option<String>)> {
    if from_stdin {
        let input = read_stdin()?;
        let mut lines = input.lines();
        let password = lines
            .next()
            .filter(|line| !line.is_empty())
            .ok_or_else(|| Error::invalid("no password on stdin"))?
            .to_owned();
        let code = lines
            .next()
            .map(str::trim)
            .filter(|c| !c.is_empty())
            .map(str::to_owned);
        return Ok((password, code));
    }
    let password = ask_hidden(&ctx.out, &format!("Password for {username}"), false)?;
    Ok((password, None))
}

fn ask_code(ctx: &Context, from_stdin: bool) -> Result<String> {
    if from_stdin || !ctx.out.can_prompt() {
        return Err(Error::new(
            ErrorKind::SecondFactorRequired,
            "this account needs a 2FA code",
        )
        .with_hint("put the 6-digit code on the line after the password"));
    }
    dialoguer::Input::<String>::new()
        .with_prompt("2FA code")
        .interact_text()
        .map_err(|error| Error::internal(format!("cannot read the code: {error}")))
}
