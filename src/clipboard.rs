//! Copy a new secret to the desktop clipboard once, and clear it again.
//!
//! On X11 and Wayland the clipboard's content lives in the process that owns
//! it: when tokenctl exits, the copy would vanish. So the copy is held by a
//! small detached helper — this same binary, `tokenctl clipboard-hold`,
//! hidden — which gets the secret through a pipe (never argv or env), says
//! "ready" once it owns the clipboard, and clears it after the delay only if
//! the clipboard still holds that secret: whatever the user copied since is
//! left alone. The helper's stdout and stderr are not the parent's, so
//! `$(tokenctl create …)` never waits for it.

use std::io::{BufRead, BufReader, Read, Write};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use crate::secret::Secret;

/// How long the parent waits for the helper to own the clipboard.
const READY_TIMEOUT: Duration = Duration::from_secs(5);

/// All of its environment the helper gets: what finds the display. The
/// rest (a `TOKENCTL_TOKEN`, a database URL with its password) stays with
/// the command the user ran; the helper outlives it by minutes.
const HELPER_ENV: [&str; 5] = [
    "DISPLAY",
    "XAUTHORITY",
    "WAYLAND_DISPLAY",
    "XDG_RUNTIME_DIR",
    "HOME",
];

/// Hands `secret` to a detached helper that holds it on the clipboard for
/// `clear_after` (`None`: until something else is copied). `Err` says why
/// nothing was copied.
pub fn copy(secret: &Secret, clear_after: Option<Duration>) -> Result<(), String> {
    let exe = std::env::current_exe().map_err(|error| error.to_string())?;
    let millis = clear_after.map_or(0, |after| after.as_millis().max(1));
    let mut command = Command::new(exe);
    command
        .args(["clipboard-hold", "--clear-after-ms", &millis.to_string()])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .env_clear()
        .envs(
            HELPER_ENV
                .iter()
                .filter_map(|name| Some((name, std::env::var_os(name)?))),
        );
    // Its own process group: Ctrl-C in the terminal must not kill the holder.
    #[cfg(unix)]
    std::os::unix::process::CommandExt::process_group(&mut command, 0);
    let mut child = command.spawn().map_err(|error| error.to_string())?;
    let mut stdin = child.stdin.take().ok_or("no pipe to the helper")?;
    stdin
        .write_all(secret.expose().as_bytes())
        .map_err(|error| error.to_string())?;
    drop(stdin);
    let stdout = child.stdout.take().ok_or("no pipe from the helper")?;
    let (sender, receiver) = mpsc::channel();
    std::thread::spawn(move || {
        let mut line = String::new();
        let _ = BufReader::new(stdout).read_line(&mut line);
        let _ = sender.send(line);
    });
    match receiver.recv_timeout(READY_TIMEOUT) {
        Ok(line) if line.trim() == "ready" => Ok(()),
        Ok(line) => {
            let _ = child.wait();
            Err(line
                .trim()
                .strip_prefix("error: ")
                .unwrap_or("the clipboard helper failed")
                .to_owned())
        }
        Err(_) => {
            let _ = child.kill();
            Err("the clipboard did not answer in time".to_owned())
        }
    }
}

/// The helper's side: read the secret from stdin, own the clipboard, say
/// "ready", hold it until the deadline, then clear it if it is still ours.
pub fn hold(clear_after: Option<Duration>) -> Result<(), String> {
    let mut input = String::new();
    std::io::stdin()
        .read_to_string(&mut input)
        .map_err(|error| error.to_string())?;
    let secret = Secret::parse(&input).map_err(|error| error.to_string())?;
    let mut stdout = std::io::stdout();
    let mut clipboard = match arboard::Clipboard::new() {
        Ok(clipboard) => clipboard,
        Err(error) => {
            let _ = writeln!(stdout, "error: {error}");
            return Err(error.to_string());
        }
    };
    if let Err(error) = set(&mut clipboard, &secret, None) {
        let _ = writeln!(stdout, "error: {error}");
        return Err(error);
    }
    let _ = writeln!(stdout, "ready");
    let _ = stdout.flush();
    // Serve the clipboard until the deadline, or until someone else copies.
    let deadline = clear_after.map(|after| Instant::now() + after);
    set(&mut clipboard, &secret, Some(deadline))?;
    if deadline.is_some()
        && clipboard
            .get_text()
            .is_ok_and(|text| text == secret.expose())
    {
        clipboard.clear().map_err(|error| error.to_string())?;
    }
    Ok(())
}

/// Puts the secret on the clipboard, hinting clipboard managers not to keep
/// it. `wait`: `None` returns at once; `Some(None)` serves until replaced;
/// `Some(Some(deadline))` serves until then or until replaced.
fn set(
    clipboard: &mut arboard::Clipboard,
    secret: &Secret,
    wait: Option<Option<Instant>>,
) -> Result<(), String> {
    #[cfg(all(unix, not(target_os = "macos")))]
    {
        use arboard::SetExtLinux;
        let set = clipboard.set().exclude_from_history();
        let set = match wait {
            None => set,
            Some(None) => set.wait(),
            Some(Some(deadline)) => set.wait_until(deadline),
        };
        set.text(secret.expose()).map_err(|error| error.to_string())
    }
    #[cfg(not(all(unix, not(target_os = "macos"))))]
    {
        // Elsewhere the system keeps the content after we exit: hold by sleeping.
        clipboard
            .set_text(secret.expose())
            .map_err(|error| error.to_string())?;
        if let Some(Some(deadline)) = wait {
            std::thread::sleep(deadline.saturating_duration_since(Instant::now()));
        }
        Ok(())
    }
}
