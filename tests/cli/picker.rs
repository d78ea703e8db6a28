//! `show`, `revoke` and `regenerate` with no token named: on a terminal a
//! fuzzy picker of the active tokens (typed into a real pseudo-terminal,
//! script(1)); without one, the usage error a script expects, and no
//! question.

use crate::common;

use common::{TestEnv, assert_fails, stdout};

pub(crate) fn tests() -> Vec<crate::harness::Test> {
    [
        a_picked_token_is_the_one_acted_on::tests(),
        vec![test!(without_a_terminal_the_token_stays_required)],
    ]
    .concat()
}

contract!(a_picked_token_is_the_one_acted_on, |env| {
    env.create(&["deploy"]);
    env.create(&["ci-runner"]);
    env.create(&["backup"]);
    // Typing filters; Enter takes the match.
    let shown = env.in_terminal("show", "runn\r");
    assert!(shown.contains("Token to show"), "{shown}");
    assert!(
        shown.contains("ci-runner") && shown.contains("Permissions"),
        "{shown}"
    );
    let fields = shown.split("Permissions").next().unwrap_or_default();
    assert!(fields.contains("ID") && fields.contains(" 2"), "{shown}");

    // revoke: pick, then the usual question.
    let (screen, code) = env.in_terminal_status("revoke", "backup\ry");
    assert_eq!(code, 0, "{screen}");
    let active = env.ok(&["list", "-q"]);
    assert_eq!(active, "1\n2\n", "{screen}");

    // Esc at the picker: cancelled (exit 7), nothing done.
    let (screen, code) = env.in_terminal_status("revoke", "\u{1b}");
    assert_eq!(code, 7, "{screen}");
    assert!(screen.contains("No token chosen"), "{screen}");
    assert_eq!(env.ok(&["list", "-q"]), "1\n2\n");

    // regenerate: pick, confirm, and the new secret is the picked token's.
    let (screen, code) = env.in_terminal_status("regenerate --no-clipboard", "deploy\ry");
    assert_eq!(code, 0, "{screen}");
    let secret = screen
        .split_whitespace()
        .find(|word| word.starts_with("tcpat_") && word.len() == 42)
        .unwrap_or_else(|| panic!("no secret shown: {screen}"));
    let verified = env.run_with_stdin(&["verify", "--field", "name"], format!("{secret}\n"));
    assert_eq!(stdout(&verified), "deploy\n");
});

fn without_a_terminal_the_token_stays_required() {
    let env = TestEnv::new();
    env.create(&["deploy"]);
    for verb in ["show", "revoke", "regenerate"] {
        let output = env.run(&[verb]);
        assert_fails(
            &output,
            2,
            &format!("name the token to {verb}: tokenctl {verb} ID|NAME"),
        );
    }
    assert_eq!(env.ok(&["list", "-q"]), "1\n");
}
