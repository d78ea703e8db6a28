//! Notices and the keyring.

use super::*;

fn notices_show_on_a_terminal_only() {
    common::require_tools(&["script"], "util-linux");
    let env = TestEnv::new();
    let file = write(&env, "expired.yaml", FULL_EXPORT);
    env.ok(&["oauth", "import", &file, "--insecure-storage"]);

    let screen = env.in_terminal("oauth list", "");
    assert!(
        screen.contains("notice: the refresh token of OAuth token 'mail' expired")
            && screen.contains("a new authorization is needed (tokenctl oauth request mail)"),
        "{screen}"
    );
    assert_eq!(screen.matches("notice:").count(), 1, "{screen}");
    let json = env.in_terminal("oauth list --json", "");
    assert!(!json.contains("notice:"), "{json}");
    let piped = env.run(&["oauth", "list"]);
    assert!(!stderr(&piped).contains("notice:"));

    // A personal token that expires within 7 days, on the store this command used.
    env.create(&["deploy", "--expires", "3d"]);
    let screen = env.in_terminal("list", "");
    assert!(
        screen.contains("your token 'deploy' expires in "),
        "{screen}"
    );
    assert!(screen.contains("OAuth token 'mail'"), "{screen}");
}

fn the_secrets_go_to_the_secret_service_and_not_to_a_file() {
    require_oauth_server();
    common::require_tools(
        &["dbus-run-session", "gnome-keyring-daemon", "secret-tool"],
        "gnome-keyring, dbus and libsecret-tools; see .ci/run",
    );
    let server = OidcServer::start(60, 3600);
    let env = TestEnv::new();
    let tokenctl = common::binary();
    let tokenctl = tokenctl.display();
    let script = format!(
        r#"set -e
eval "$(printf %s pw | gnome-keyring-daemon --unlock --components=secrets)"
printf '%s\n' service-client-secret | {tokenctl} oauth add svc --template custom --issuer {url} --client-id service-client --scope mail
{tokenctl} oauth request svc --client-credentials
echo "--- token"
{tokenctl} oauth token svc
echo "--- lookup"
secret-tool lookup service tokenctl username oauth/svc
echo
echo "--- show"
{tokenctl} oauth show svc
echo "--- files"
grep -rl service-client-secret "$XDG_DATA_HOME" "$HOME" || echo NONE
{tokenctl} oauth remove svc --yes
echo "--- after remove"
if secret-tool lookup service tokenctl username oauth/svc; then echo STILL-THERE; fi
"#,
        url = server.url
    );
    let output = env.in_secret_service(&script);
    let out = stdout(&output);
    assert!(output.status.success(), "{out}\n{}", stderr(&output));
    let section = |name: &str| {
        out.split(&format!("--- {name}\n"))
            .nth(1)
            .and_then(|rest| rest.lines().next())
            .unwrap_or("")
            .to_owned()
    };
    let token = section("token");
    let lookup = section("lookup");
    assert!(lookup.contains("service-client-secret"), "{out}");
    assert!(
        lookup.contains(token.trim()),
        "the token is not in the keyring: {out}"
    );
    assert_eq!(section("files"), "NONE", "a secret went to a file: {out}");
    assert!(
        out.contains("the OS keyring (service tokenctl, user oauth/svc)"),
        "{out}"
    );
    assert!(
        !out.contains("STILL-THERE"),
        "remove left the keyring entry: {out}"
    );
}

pub(crate) fn tests() -> Vec<crate::harness::Test> {
    vec![
        test!(notices_show_on_a_terminal_only),
        test!(the_secrets_go_to_the_secret_service_and_not_to_a_file),
    ]
}
