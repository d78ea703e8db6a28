//! `tokenctl login`: a 60-minute session with a token server, kept in the
//! OS keyring.

use super::{Context, Target, ask_hidden, logout, read_stdin};
use crate::api::LoginRequest;
use crate::backend::RemoteBackend;
use crate::backend::second_factor_fields;
use crate::error::{Error, ErrorKind, Result};
use crate::service::SecondFactor;
use crate::session::{Profile, Storage, StoredSession};

/// Log in to a token server
///
/// Asks for the password (hidden) and, when the account has 2FA, for the
/// 6-digit code (or one of your recovery codes, each of which works once).
/// A one-time password (one an admin set with `user add` or `user
/// reset-password`) works for this one login: you choose your own password
/// as you log in. With --password-stdin, stdin holds the password on its
/// first line, then one line for each thing asked, in this order: the 2FA
/// code, the new password. The session lasts 60 minutes and is
/// kept in the OS keyring; with no keyring, tokenctl stops before writing
/// anything unless you pass --insecure-storage (a 0600 file). Logging in
/// again on a profile replaces its session: the server ends the old one.
///
/// Examples:
///   tokenctl login --server https://tokens.example.com --username alice
///   printf '%s\n' "$PASSWORD" |
///       tokenctl login --server "$URL" --username ci --password-stdin --insecure-storage
///   printf '%s\n%s\n' "$ONE_TIME" "$NEW" |
///       tokenctl login --server "$URL" --username bob --password-stdin
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// Account name [default: your OS user name]
    #[arg(long, short)]
    pub username: Option<String>,

    /// Read the password, then a 2FA code and a new password when asked, from lines of stdin
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
    let mut answers = Answers::read(ctx, &username, args.password_stdin)?;
    let ca_cert = ctx.ca_cert(profile.as_ref().map(|(_, profile)| profile));
    let client = RemoteBackend::new(&server, None, ca_cert.as_deref())?;
    let mut request = LoginRequest {
        username: username.clone(),
        password: answers.password.clone(),
        totp_code: None,
        recovery_code: None,
        new_password: None,
    };
    // The server asks for what the account needs, one thing at a time: a
    // second factor, then a password of the user's own for a one-time one.
    let response = loop {
        match client.login(&request).await {
            Err(error)
                if error.kind == ErrorKind::SecondFactorRequired
                    && request.totp_code.is_none()
                    && request.recovery_code.is_none() =>
            {
                (request.totp_code, request.recovery_code) =
                    second_factor_fields(Some(&answers.second_factor(ctx, &error)?));
            }
            Err(error)
                if error.kind == ErrorKind::PasswordChangeRequired
                    && request.new_password.is_none() =>
            {
                request.new_password = Some(answers.new_password(ctx, &error)?);
            }
            other => break other?,
        }
    };
    if request.new_password.is_some() {
        ctx.out
            .success("Your new password is set: the one-time password no longer works");
    }
    let name = ctx
        .profile
        .clone()
        .or_else(|| profile.map(|(name, _)| name))
        .unwrap_or_else(|| "default".to_owned());
    let saved = Profile {
        server: client.server().to_string(),
        user: response.user.name.clone(),
        storage,
        // Absolute, so the profile works from any directory.
        ca_cert: ca_cert.map(|path| std::path::absolute(&path).unwrap_or(path)),
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
    let before = profiles.profiles.insert(name.clone(), saved.clone());
    let replaced = profiles.current.replace(name.clone());
    ctx.sessions.save_profiles(&profiles)?;
    if let Some(before) =
        before.filter(|before| before.user != saved.user || before.server != saved.server)
    {
        ctx.out.note(&format!(
            "Profile {name} is now {} on {} instead of {} on {}; \
             tokenctl login --profile NAME keeps both logins",
            saved.user, saved.server, before.user, before.server
        ));
    }
    if let Some(replaced) = replaced.filter(|replaced| *replaced != name) {
        ctx.out.note(&format!(
            "Commands now go to profile {name} instead of {replaced}; \
             tokenctl profile use {replaced} switches back"
        ));
    }
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
/// keyring entry of another user or server, a file left for the keyring)
/// — never the place the new session was just written to.
async fn replace(
    ctx: &Context,
    name: &str,
    (old_profile, old_session): (&Profile, &StoredSession),
    saved: &Profile,
) -> Result<()> {
    if let Err(error) = logout::end_on_server(ctx, old_profile, old_session).await {
        ctx.out.warning(&format!(
            "the previous session of profile {name} could not be ended on {}: {}",
            old_profile.server, error.message
        ));
    }
    if !ctx.sessions.same_place(name, old_profile, saved) {
        ctx.sessions.delete(name, old_profile).await?;
    }
    Ok(())
}

/// What a login answers with: the password, then whatever the server asks
/// for next — from the lines of stdin that follow, in the order asked, or
/// typed at a prompt.
struct Answers {
    password: String,
    /// The rest of stdin, when the password came from it.
    lines: Option<std::vec::IntoIter<String>>,
}

impl Answers {
    fn read(ctx: &Context, username: &str, from_stdin: bool) -> Result<Answers> {
        if !from_stdin {
            let password = ask_hidden(&ctx.out, &format!("Password for {username}"), false)?;
            return Ok(Answers {
                password,
                lines: None,
            });
        }
        let input = read_stdin()?;
        let mut lines: Vec<String> = input.lines().map(str::to_owned).collect::<Vec<_>>();
        if lines.first().is_none_or(String::is_empty) {
            return Err(Error::invalid("no password on stdin"));
        }
        let password = lines.remove(0);
        Ok(Answers {
            password,
            lines: Some(lines.into_iter()),
        })
    }

    /// The next line of stdin, or `None` when stdin is not where answers
    /// come from; when stdin ran out, the server's demand (`asked`) stands,
    /// with `hint` saying where the answer goes.
    fn next_line(&mut self, asked: &Error, hint: &str) -> Result<Option<String>> {
        let Some(lines) = &mut self.lines else {
            return Ok(None);
        };
        match lines.next().filter(|line| !line.trim().is_empty()) {
            Some(line) => Ok(Some(line)),
            None => Err(Error::new(asked.kind, asked.message.clone()).with_hint(hint)),
        }
    }

    /// A 2FA code, or a recovery code (told apart by their shapes).
    fn second_factor(&mut self, ctx: &Context, asked: &Error) -> Result<SecondFactor> {
        let typed = match self.next_line(
            asked,
            "put the 6-digit code (or a recovery code) on the line after the password",
        )? {
            Some(line) => line,
            None => ask_code(ctx)?,
        };
        Ok(SecondFactor::typed(&typed))
    }

    /// The password that replaces a one-time one.
    fn new_password(&mut self, ctx: &Context, asked: &Error) -> Result<String> {
        if let Some(line) = self.next_line(
            asked,
            "put your new password on the next line of stdin (after the 2FA code, if any)",
        )? {
            return Ok(line);
        }
        ctx.out.note(&asked.message);
        ask_hidden(&ctx.out, "New password", true)
    }
}

fn ask_code(ctx: &Context) -> Result<String> {
    if !ctx.out.can_prompt() {
        return Err(Error::new(
            ErrorKind::SecondFactorRequired,
            "this account needs a 2FA code",
        )
        .with_hint("pass --password-stdin with the code on the line after the password"));
    }
    dialoguer::Input::<String>::new()
        .with_prompt("2FA code (or a recovery code)")
        .interact_text()
        .map_err(|error| Error::internal(format!("cannot read the code: {error}")))
}
