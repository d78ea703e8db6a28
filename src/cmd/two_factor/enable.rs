//! `tokenctl 2fa enable`.

use super::{read_code, server};
use crate::api::TotpConfirmed;
use crate::backend::RemoteBackend;
use crate::cmd::Context;
use crate::cmd::logout::forget_ended_session;
use crate::error::{ErrorKind, Result};
use crate::service::SecondFactor;

/// Turn on 2FA, or move it to a new authenticator
///
/// Prints a new TOTP secret once (its otpauth:// URL, and on a terminal a
/// QR code of it), then asks for a code from it. Scan the QR code, or add the
/// secret or URL to an authenticator app, then enter the
/// 6-digit code it shows. From then on `tokenctl login` asks for a code.
///
/// Once confirmed, prints 10 recovery codes, shown only this once: each
/// logs you in once in place of a code, should the authenticator be lost.
/// They replace any earlier ones.
///
/// An account that has 2FA already keeps it unless a code from the current
/// authenticator (or a recovery code) comes first: holding a session is not
/// enough to replace the second factor.
///
/// With --code-stdin the codes are read from stdin, one per line, each when
/// it is needed: the current one first (only when replacing), then one from
/// the new secret after it is printed. A code from the new secret that does
/// not match is asked for again (3 tries): the secret stays the same.
///
/// With --json, prints two documents: the new secret when it is made, then,
/// once confirmed, the recovery codes.
///
/// Examples:
///   tokenctl 2fa enable
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// Read the codes from stdin, one line each
    #[arg(long)]
    pub code_stdin: bool,
}

pub async fn run(ctx: &Context, args: Args) -> Result<()> {
    let remote = server(ctx).await?;
    let enrollment = match remote.begin_totp(None).await {
        Err(error) if error.kind == ErrorKind::SecondFactorRequired => {
            let current = read_code(
                ctx,
                args.code_stdin,
                "Code from your current authenticator (or a recovery code)",
            )?;
            remote
                .begin_totp(Some(&SecondFactor::typed(&current)))
                .await?
        }
        result => result?,
    };
    if ctx.out.json {
        ctx.out.json_revealing(
            &enrollment,
            &[&enrollment.otpauth_url],
            "the otpauth URL, which is never shown again: tokenctl 2fa enable starts over",
        )?;
    } else {
        ctx.out.line(&enrollment.otpauth_url)?;
        // A person at a terminal scans it; a script reads the URL above.
        if ctx.out.can_prompt()
            && let Some(code) = qr_code(&enrollment.otpauth_url)
        {
            eprintln!("{code}");
        }
        ctx.out.note(&format!(
            "Add this to your authenticator app (secret {}); it is shown only once.",
            enrollment.secret
        ));
    }
    let confirmed = confirm(ctx, &remote, args.code_stdin).await?;
    if confirmed.session_ended {
        forget_ended_session(ctx).await?;
    }
    if ctx.out.json {
        let codes: Vec<&str> = confirmed
            .recovery_codes
            .iter()
            .map(String::as_str)
            .collect();
        return ctx.out.json_revealing(
            &confirmed,
            &codes,
            "recovery codes, which are never shown again: 2fa disable, then 2fa enable, makes new ones",
        );
    }
    ctx.out
        .success("2FA is on: tokenctl login will ask for a code");
    if confirmed.session_ended {
        ctx.out
            .note("This session could only set up 2FA, and has ended: log in again with a code.");
    }
    ctx.out.note(
        "Recovery codes, shown only once: keep them somewhere safe. Each logs you in once in place of a code (earlier ones no longer work):",
    );
    for code in &confirmed.recovery_codes {
        ctx.out.line(&format!("  {code}"))?;
    }
    Ok(())
}

/// How many codes from the new secret one run takes before giving up.
const CONFIRM_ATTEMPTS: u32 = 3;

/// Confirms the new secret with a code from it. A mistyped code asks for
/// another: the server keeps the pending secret, so the entry already added
/// to the authenticator stays the right one.
async fn confirm(ctx: &Context, remote: &RemoteBackend, from_stdin: bool) -> Result<TotpConfirmed> {
    let mut attempt = 1;
    loop {
        let code = read_code(ctx, from_stdin, "Code from the new secret")?;
        match remote.confirm_totp(&code).await {
            Err(error) if error.kind == ErrorKind::InvalidInput && attempt < CONFIRM_ATTEMPTS => {
                ctx.out.warning(&format!(
                    "{}; try the next code (the secret stays the same)",
                    error.message
                ));
                attempt += 1;
            }
            result => return result,
        }
    }
}

/// `url` as a QR code of Unicode half blocks (two rows of modules a line),
/// dark on light with its quiet zone, for an authenticator app to scan off
/// the terminal. `None` if it does not fit a QR code.
fn qr_code(url: &str) -> Option<String> {
    let code = qrcode::QrCode::new(url.as_bytes()).ok()?;
    Some(
        code.render::<qrcode::render::unicode::Dense1x2>()
            .dark_color(qrcode::render::unicode::Dense1x2::Light)
            .light_color(qrcode::render::unicode::Dense1x2::Dark)
            .quiet_zone(true)
            .build(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An enrolment URL fits, as a square of half blocks.
    #[test]
    fn an_otpauth_url_renders_as_a_square_qr_code() {
        let url = "otpauth://totp/tokenctl:a-rather-long-user-name?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=tokenctl&algorithm=SHA1&digits=6&period=30";
        let code = qr_code(url).expect("fits");
        let lines: Vec<&str> = code.lines().collect();
        let width = lines[0].chars().count();
        assert!(lines.iter().all(|line| line.chars().count() == width));
        // Two module rows a line: the square is twice as wide as tall.
        assert_eq!(width.div_ceil(2), lines.len());
        assert!(
            code.chars()
                .all(|c| matches!(c, ' ' | '█' | '▀' | '▄' | '\n'))
        );
    }
}
