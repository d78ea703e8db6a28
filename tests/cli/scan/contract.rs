//! What scan finds, and whose it is (every backend).

use super::*;

contract!(finds_tokens_in_every_context_and_says_whose, |env| {
    let brief = env.create(&["brief", "--expires", "1s"]);
    let deploy = env.create(&["deploy"]);
    let old = env.create(&["old"]);
    env.ok(&["revoke", "old", "--yes"]);
    let uploader = env.create(&["uploader", "--type", "service", "--role", "connector"]);
    let foreign = TestEnv::new().create(&["elsewhere"]);
    std::thread::sleep(std::time::Duration::from_millis(2100));

    let tree = env.root().join("tree");
    let log_line = format!("2026-01-05T10:00:01Z DEBUG upload token={deploy} user=ci");
    write(&tree.join("app.log"), format!("started\n{log_line}\n"));
    let json_line = format!("    \"token\": \"{old}\"");
    write(
        &tree.join("config.json"),
        format!("{{\n  \"ci\": {{\n{json_line}\n  }}\n}}\n"),
    );
    let url_line = format!(
        "GET /login?next=https%3A%2F%2Fapp.example%2Fhome%3Faccess_token%3D{deploy}%26x%3D1 HTTP/1.1"
    );
    write(&tree.join("request.log"), format!("{url_line}\n"));
    let basic = STANDARD.encode(format!("ci:{brief}"));
    let basic_line = format!("Authorization: Basic {basic}");
    let config = STANDARD.encode(format!("{{\"token\":\"{uploader}\"}}"));
    let config_line = format!("  config.json: {config}");
    write(
        &tree.join("k8s/secret.yaml"),
        format!("kind: Secret\ndata:\n{config_line}\n# {basic_line}\n"),
    );
    write(&tree.join(".env"), format!("TOKEN={foreign}\n"));

    let (finds, output) = scan_json(env, &[&text(&tree)]);
    assert_eq!(code(&output), 1, "live tokens: exit 1; {}", stderr(&output));
    let expected = [
        place(".env", 1, 7, "plain", "not_found"),
        place("app.log", 2, column(&log_line, &deploy), "plain", "active"),
        place(
            "config.json",
            3,
            column(&json_line, &old),
            "plain",
            "revoked",
        ),
        place(
            "secret.yaml",
            3,
            base64_column(&config_line, &config, 10),
            "base64",
            "active",
        ),
        place(
            "secret.yaml",
            4,
            base64_column(&format!("# {basic_line}"), &basic, 3),
            "base64",
            "expired",
        ),
        place(
            "request.log",
            1,
            column(&url_line, &deploy),
            "plain",
            "active",
        ),
    ];
    assert_eq!(places(&finds), expected);

    let me = env.me();
    let by_name = |name: &str| -> &Value {
        finds
            .iter()
            .find(|find| find["name"] == name)
            .unwrap_or_else(|| panic!("no find of {name}"))
    };
    let service = by_name("uploader");
    assert_eq!(service["kind"], "service");
    assert_eq!(service["owner"], me.as_str());
    assert_eq!(service["live"], true);
    assert!(service["id"].is_i64());
    let hint = service["hint"].as_str().expect("hint");
    assert!(hint.starts_with("tcsvc_…") && hint.ends_with(&uploader[38..]));
    assert_eq!(by_name("old")["live"], false);
    assert_eq!(by_name("brief")["live"], false);
    let stranger = &finds[0];
    assert_eq!(
        stranger["live"], true,
        "an unknown token can't be shown dead"
    );
    assert!(stranger["id"].is_null() && stranger["name"].is_null());
    for find in &finds {
        let object = find.as_object().expect("an object per find");
        assert_eq!(object.len(), JSON_FIELDS.len(), "{find}");
        assert!(
            JSON_FIELDS.iter().all(|key| object.contains_key(*key)),
            "{find}"
        );
    }
    assert!(
        stderr(&output).contains("3 live tokens found"),
        "{}",
        stderr(&output)
    );
    let all = [
        brief.as_str(),
        deploy.as_str(),
        old.as_str(),
        uploader.as_str(),
        foreign.as_str(),
    ];
    assert_secret_free(&output, &all);

    let table = scan(env, &[&text(&tree)]);
    assert_eq!(code(&table), 1);
    let shown = stdout(&table);
    let header: Vec<&str> = shown
        .lines()
        .next()
        .expect("header")
        .split_whitespace()
        .collect();
    assert_eq!(
        header,
        [
            "FILE", "LINE", "COL", "KIND", "HINT", "ID", "NAME", "OWNER", "STATUS"
        ]
    );
    assert_eq!(shown.lines().count(), 7, "{shown}");
    assert!(
        shown.contains("service (base64)") && shown.contains("not_found"),
        "{shown}"
    );
    let summary = stderr(&table);
    assert!(
        summary.contains("Found 5 tokens (3 live) in 5 inputs"),
        "{summary}"
    );
    assert!(summary.contains("error: 3 live tokens found"), "{summary}");
    assert!(summary.contains("hint: revoke them"), "{summary}");
    assert_secret_free(&table, &all);
});

contract!(
    revoke_kills_live_finds_and_audits_where_they_leaked,
    |env| {
        let leaky = env.create(&["leaky"]);
        let gone = env.create(&["gone"]);
        env.ok(&["revoke", "gone", "--yes"]);
        env.create(&["safe"]);
        let tree = env.root().join("leak");
        write(&tree.join("a.log"), format!("token {leaky}\n"));
        write(&tree.join("b.log"), format!("again {leaky} and {gone}\n"));
        let path = text(&tree);

        let refused = scan(env, &["--revoke", &path]);
        assert_fails(&refused, 2, "refusing to go on without confirmation");
        assert!(stderr(&refused).contains("hint: pass --yes"));
        assert!(
            stdout(&refused).contains("a.log"),
            "what was found is shown first: {}",
            stdout(&refused)
        );
        assert_eq!(env.json(&["show", "leaky"])["status"], "active");

        let (finds, output) = scan_json(env, &["--revoke", "--yes", &path]);
        assert_eq!(
            code(&output),
            0,
            "nothing live is left: {}",
            stderr(&output)
        );
        assert_eq!(
            pick(&finds, &["name", "revoked_now", "status"]),
            json!([
                ["leaky", true, "revoked"],
                ["leaky", true, "revoked"],
                ["gone", false, "revoked"]
            ])
        );
        assert!(stderr(&output).contains("Revoked token 1 'leaky'"));
        assert_secret_free(&output, &[&leaky, &gone]);
        assert_eq!(env.json(&["show", "leaky"])["status"], "revoked");
        assert_eq!(env.json(&["show", "safe"])["status"], "active");

        let audit = env.json(&["audit", "--token", "leaky"]);
        let revocations: Vec<&Value> = audit
            .as_array()
            .expect("entries")
            .iter()
            .filter(|entry| entry["action"] == "token.revoke")
            .collect();
        assert_eq!(revocations.len(), 1, "one entry per token: {audit}");
        let detail = revocations[0]["detail"].as_str().expect("detail");
        let first_file = text(&tree.join("a.log"));
        assert!(
            detail.ends_with(&format!("reason: leaked: found by scan in {first_file}")),
            "{detail}"
        );
        assert!(!detail.contains(&leaky[6..]));

        let pasted = env.create(&["pasted"]);
        let piped = env.run_with_stdin(
            &["scan", "--revoke", "--yes"],
            format!("from chat: {pasted}\n"),
        );
        assert_eq!(code(&piped), 0, "{}", stderr(&piped));
        let audit = env.json(&["audit", "--token", "pasted"]).to_string();
        assert!(
            audit.contains("leaked: found by scan in <stdin>"),
            "{audit}"
        );
    }
);

contract!(revoke_asks_on_a_terminal, |env| {
    let leaky = env.create(&["leaky"]);
    let file = env.root().join("leak.txt");
    write(&file, format!("{leaky}\n"));
    let args = format!("scan --revoke {}", file.display());
    let (screen, status) = env.in_terminal_status(&args, "n\n");
    assert!(
        screen.contains("Revoke token 1 'leaky'") && screen.contains("cannot be undone"),
        "{screen}"
    );
    assert!(screen.contains("Nothing revoked."), "{screen}");
    assert_eq!(status, 7, "a declined prompt is cancelled, not success");
    assert_eq!(env.json(&["show", "leaky"])["status"], "active");
    let screen = env.in_terminal(&args, "y\n");
    assert!(screen.contains("Revoked token 1 'leaky'"), "{screen}");
    assert_eq!(env.json(&["show", "leaky"])["status"], "revoked");
    assert!(!screen.contains(&leaky[6..]), "{screen}");
});

pub(crate) fn tests() -> Vec<crate::harness::Test> {
    [
        finds_tokens_in_every_context_and_says_whose::tests(),
        revoke_kills_live_finds_and_audits_where_they_leaked::tests(),
        revoke_asks_on_a_terminal::tests(),
    ]
    .concat()
}
