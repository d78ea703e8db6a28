//! Copy-once to a real X clipboard: Xvfb, `create` on a pseudo-terminal
//! (script(1)), read back with xclip from another process after tokenctl has
//! exited; cleared after the delay; a value the user copied meanwhile is kept.

use crate::common;

use common::{TestEnv, code, stderr, stdout};

fn require_x_tools() {
    common::require_tools(
        &["xvfb-run", "xclip", "script"],
        "xvfb, xauth and xclip; see .ci/run",
    );
}

fn a_new_secret_is_copied_outlives_tokenctl_and_is_cleared_later() {
    require_x_tools();
    let env = TestEnv::new();
    let tokenctl = common::binary();
    let tokenctl = tokenctl.display();
    let script = format!(
        r#"
script -qec '{tokenctl} create first --clipboard-clear-after 3s' /dev/null > first.txt
sleep 0.5
echo "CLIP=$(xclip -o -selection clipboard 2>/dev/null)"
for pid in $(pgrep -x tokenctl); do
    if tr '\0' ' ' < /proc/$pid/cmdline | grep -q clipboard-hold; then
        echo "HELPER_ENV=$(tr '\0' ' ' < /proc/$pid/environ)"
    fi
done
sleep 3.5
echo "AFTER=$(xclip -o -selection clipboard 2>/dev/null)"
script -qec '{tokenctl} create second --clipboard-clear-after 3s' /dev/null > second.txt
printf mine | xclip -selection clipboard
sleep 4
echo "USER=$(xclip -o -selection clipboard 2>/dev/null)"
script -qec '{tokenctl} create kept --clipboard-clear-after 0' /dev/null > kept.txt
sleep 1.5
echo "KEPT=$(xclip -o -selection clipboard 2>/dev/null)"
"#
    );
    let output = env
        .std_cmd(
            "xvfb-run",
            &["-a", "-s", "-nolisten tcp", "bash", "-c", &script],
        )
        .current_dir(env.root())
        .env_remove("CI")
        .env("LEAK_MARKER", "not-for-the-helper")
        .output()
        .expect("xvfb-run");
    let out = stdout(&output);
    let first = std::fs::read_to_string(env.root().join("first.txt")).expect("first.txt");
    let secret = first
        .lines()
        .map(str::trim)
        .find(|line| line.starts_with("tcpat_"))
        .unwrap_or_else(|| panic!("no secret on the terminal: {first}\n{}", stderr(&output)))
        .to_owned();
    assert!(
        first.contains("Copied to the clipboard — cleared in 3 s"),
        "{first}"
    );
    assert!(
        out.contains(&format!("CLIP={secret}\n")),
        "not on the clipboard: {out}"
    );
    // The helper outlives the command: it gets the display, nothing else.
    let helper_env = out
        .lines()
        .find_map(|line| line.strip_prefix("HELPER_ENV="))
        .unwrap_or_else(|| panic!("no clipboard helper running: {out}"));
    assert!(helper_env.contains("DISPLAY="), "{helper_env}");
    assert!(!helper_env.contains("not-for-the-helper"), "{helper_env}");
    assert!(
        out.contains("AFTER=\n"),
        "not cleared after the delay: {out}"
    );
    assert!(
        out.contains("USER=mine\n"),
        "the user's own copy was wiped: {out}"
    );
    // `0` keeps it, as the help says.
    let kept = std::fs::read_to_string(env.root().join("kept.txt")).expect("kept.txt");
    assert!(
        kept.contains("Copied to the clipboard, until you copy something else"),
        "{kept}"
    );
    assert!(out.contains("KEPT=tcpat_"), "not kept: {out}");
}

fn without_a_display_or_a_terminal_create_still_succeeds_with_one_note() {
    let env = TestEnv::new();
    let output = env
        .cmd(&["create", "piped"])
        .env_remove("DISPLAY")
        .output()
        .expect("run");
    assert_eq!(code(&output), 0);
    let notes = stderr(&output);
    assert_eq!(
        notes.matches("Not copied to the clipboard").count(),
        1,
        "{notes}"
    );
    assert!(notes.contains("stdout is not a terminal"), "{notes}");

    require_x_tools();
    let tokenctl = common::binary();
    let command = format!("{} create on-tty", tokenctl.display());
    let output = env
        .std_cmd("script", &["-qec", &command, "/dev/null"])
        .env_remove("CI")
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .output()
        .expect("script");
    assert_eq!(code(&output), 0);
    let screen = stdout(&output);
    assert!(
        screen.contains("Not copied to the clipboard: no display."),
        "{screen}"
    );
    assert!(screen.contains("tcpat_"), "{screen}");

    let quiet = env.run(&["create", "quiet", "--no-clipboard"]);
    assert!(!stderr(&quiet).contains("clipboard"), "{}", stderr(&quiet));
}

pub(crate) fn tests() -> Vec<crate::harness::Test> {
    vec![
        test!(a_new_secret_is_copied_outlives_tokenctl_and_is_cleared_later),
        test!(without_a_display_or_a_terminal_create_still_succeeds_with_one_note),
    ]
}
