//! `tokenctl serve --tls-cert/--tls-key` serves HTTPS, and the client checks
//! the certificate: a server it can't verify is refused unless its CA is
//! trusted through TOKENCTL_CA_CERT.

use crate::common;

use common::{ADMIN_PASSWORD, TestEnv, assert_fails, code, stderr};

/// A private CA and a server certificate for 127.0.0.1 signed by it, made
/// with openssl(1): `(ca, cert, key)` paths.
pub(crate) fn certificates(env: &TestEnv) -> (String, String, String) {
    common::require_tools(&["openssl"], "openssl; see .ci/run");
    let path = |name: &str| env.root().join(name).display().to_string();
    std::fs::write(
        env.root().join("leaf.ext"),
        "subjectAltName=IP:127.0.0.1\nbasicConstraints=CA:FALSE\n",
    )
    .expect("extensions");
    let ec = [
        "-newkey",
        "ec",
        "-pkeyopt",
        "ec_paramgen_curve:prime256v1",
        "-nodes",
    ];
    let steps: [Vec<String>; 3] = [
        [
            "req",
            "-x509",
            "-days",
            "1",
            "-subj",
            "/CN=tokenctl test CA",
        ]
        .iter()
        .chain(&ec)
        .map(|a| (*a).to_owned())
        .chain([
            "-keyout".into(),
            path("ca.key"),
            "-out".into(),
            path("ca.pem"),
        ])
        .collect(),
        ["req", "-subj", "/CN=127.0.0.1"]
            .iter()
            .chain(&ec)
            .map(|a| (*a).to_owned())
            .chain([
                "-keyout".into(),
                path("key.pem"),
                "-out".into(),
                path("leaf.csr"),
            ])
            .collect(),
        vec![
            "x509".into(),
            "-req".into(),
            "-days".into(),
            "1".into(),
            "-in".into(),
            path("leaf.csr"),
            "-CA".into(),
            path("ca.pem"),
            "-CAkey".into(),
            path("ca.key"),
            "-CAcreateserial".into(),
            "-extfile".into(),
            path("leaf.ext"),
            "-out".into(),
            path("cert.pem"),
        ],
    ];
    for args in steps {
        let made = std::process::Command::new("openssl").args(&args).output();
        assert!(
            made.as_ref().is_ok_and(|output| output.status.success()),
            "openssl could not make certificates: {made:?}"
        );
    }
    (path("ca.pem"), path("cert.pem"), path("key.pem"))
}

fn https_works_with_the_servers_ca_trusted_and_fails_without() {
    let env = TestEnv::new();
    let (ca, cert, key) = certificates(&env);
    let database = format!("sqlite:{}", env.root().join("server.db").display());
    let server = env.start_server(&database, None, &["--tls-cert", &cert, "--tls-key", &key]);
    assert!(
        server.url().starts_with("https://127.0.0.1:"),
        "{}",
        server.url()
    );
    let login = [
        "login",
        "--server",
        server.url(),
        "--password-stdin",
        "--insecure-storage",
    ];

    let untrusted = env.run_with_stdin(&login, format!("{ADMIN_PASSWORD}\n"));
    assert_fails(
        &untrusted,
        6,
        "cannot reach the server at https://127.0.0.1:",
    );
    assert!(
        stderr(&untrusted)
            .contains("hint: the server's certificate is not trusted here: point TOKENCTL_CA_CERT"),
        "an unknown issuer names the CA setting, not --server: {}",
        stderr(&untrusted)
    );

    let trusted = env
        .cmd(&login)
        .env("TOKENCTL_CA_CERT", &ca)
        .write_stdin(format!("{ADMIN_PASSWORD}\n"))
        .output()
        .expect("login");
    assert_eq!(code(&trusted), 0, "{}", stderr(&trusted));
    // The login remembers the CA for its profile: no TOKENCTL_CA_CERT now.
    let created = env.cmd(&["create", "over-tls"]).output().expect("create");
    assert_eq!(code(&created), 0, "{}", stderr(&created));
    assert!(String::from_utf8_lossy(&created.stdout).starts_with("tcpat_"));

    let bad_ca = env.root().join("not-a-cert.pem");
    std::fs::write(&bad_ca, "nothing here").expect("write");
    let output = env
        .cmd(&["list"])
        .env("TOKENCTL_CA_CERT", &bad_ca)
        .output()
        .expect("list");
    assert_fails(&output, 2, "cannot use the CA certificate");
}

fn serve_refuses_a_certificate_without_its_key() {
    let env = TestEnv::new();
    let output = env.run(&["serve", "--tls-cert", "cert.pem"]);
    assert_fails(&output, 2, "--tls-key");
}

pub(crate) fn tests() -> Vec<crate::harness::Test> {
    vec![
        test!(https_works_with_the_servers_ca_trusted_and_fails_without),
        test!(serve_refuses_a_certificate_without_its_key),
    ]
}
