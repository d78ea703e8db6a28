//! The provider, a browser and the CLI steps.

use super::*;

pub(crate) fn harness_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/oauth_server")
}

/// Skips the test (fails it under CI) without Node and the harness's npm
/// modules.
pub(crate) fn require_oauth_server() {
    common::require_tools(&["node"], "Node.js 20; see .ci/run");
    if !harness_dir().join("node_modules/oidc-provider").is_dir() {
        crate::harness::skip("tests/oauth_server/node_modules (npm ci there)");
    }
}

/// An OAuth server with the given access and refresh token lifetimes (in
/// seconds) and a fresh tokenctl environment.
pub(crate) fn with_server(access_ttl: u32, refresh_ttl: u32) -> (OidcServer, TestEnv) {
    require_oauth_server();
    (OidcServer::start(access_ttl, refresh_ttl), TestEnv::new())
}

/// A running oidc-provider, stopped when dropped.
pub(crate) struct OidcServer {
    pub(crate) child: Child,
    pub(crate) url: String,
}

impl OidcServer {
    pub(crate) fn start(access_ttl: u32, refresh_ttl: u32) -> OidcServer {
        let mut child = std::process::Command::new("node")
            .arg(harness_dir().join("server.mjs"))
            .args(["--access-ttl", &access_ttl.to_string()])
            .args(["--refresh-ttl", &refresh_ttl.to_string()])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("start the OAuth server");
        let mut lines = BufReader::new(child.stdout.take().expect("stdout")).lines();
        let url = loop {
            let line = lines
                .next()
                .expect("the OAuth server exited before listening")
                .expect("read");
            if let Some(url) = line.strip_prefix("listening on ") {
                break url.to_owned();
            }
        };
        // Keep reading: oidc-provider writes notices on stdout, and dies
        // of EPIPE once nobody reads them.
        std::thread::spawn(move || lines.for_each(drop));
        OidcServer { child, url }
    }
}

impl Drop for OidcServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A scripted user agent: follows redirects, keeps cookies, and submits the
/// (auto-submitting and confirmation) forms oidc-provider's pages hold.
pub(crate) struct Browser {
    pub(crate) http: reqwest::Client,
    pub(crate) cookies: HashMap<String, String>,
}

impl Browser {
    pub(crate) fn new() -> Browser {
        Browser {
            http: reqwest::Client::builder()
                .redirect(reqwest::redirect::Policy::none())
                .build()
                .expect("client"),
            cookies: HashMap::new(),
        }
    }

    /// Visits `url` and goes on until a page has nothing left to do; returns
    /// the last page's text.
    pub(crate) fn visit(&mut self, url: &str) -> String {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .expect("runtime");
        runtime.block_on(self.walk(url.to_owned()))
    }

    pub(crate) async fn walk(&mut self, start: String) -> String {
        let mut next = (start, None::<Vec<(String, String)>>);
        for _ in 0..30 {
            let (url, form) = next;
            let cookie = self
                .cookies
                .iter()
                .map(|(name, value)| format!("{name}={value}"))
                .collect::<Vec<_>>()
                .join("; ");
            let request = match &form {
                Some(fields) => self.http.post(&url).form(fields),
                None => self.http.get(&url),
            };
            let response = request
                .header("cookie", cookie)
                .send()
                .await
                .expect("request");
            for value in response.headers().get_all("set-cookie") {
                let pair = value
                    .to_str()
                    .expect("cookie")
                    .split(';')
                    .next()
                    .unwrap_or("");
                if let Some((name, value)) = pair.split_once('=') {
                    self.cookies
                        .insert(name.trim().to_owned(), value.to_owned());
                }
            }
            let base = reqwest::Url::parse(&url).expect("url");
            if let Some(location) = response.headers().get("location") {
                let target = base
                    .join(location.to_str().expect("location"))
                    .expect("join");
                next = (target.to_string(), None);
                continue;
            }
            let page = response.text().await.expect("page");
            match form_of(&page) {
                Some((action, fields)) => {
                    let action = base.join(&action).expect("action").to_string();
                    next = (action, Some(fields));
                }
                None => return page,
            }
        }
        panic!("the sign-in did not finish in 30 steps");
    }
}

/// The first POST form of a page: its action and hidden fields.
pub(crate) fn form_of(page: &str) -> Option<(String, Vec<(String, String)>)> {
    let start = page.find("<form")?;
    let form = &page[start..page[start..].find("</form>")? + start];
    let attribute = |tag: &str, name: &str| {
        let marker = format!("{name}=\"");
        let at = tag.find(&marker)? + marker.len();
        Some(tag[at..at + tag[at..].find('"')?].to_owned())
    };
    let head = &form[..form.find('>')?];
    if !head.contains("method=\"post\"") {
        return None;
    }
    let fields = form
        .split("<input")
        .skip(1)
        .filter(|input| input.contains("type=\"hidden\""))
        .filter_map(|input| Some((attribute(input, "name")?, attribute(input, "value")?)))
        .collect();
    Some((attribute(head, "action")?, fields))
}

/// `tokenctl ARGS` in the background; returns it once a line of its stderr
/// is `marker` followed by a URL, and that URL.
pub(crate) fn spawn_until_url(env: &TestEnv, args: &[&str], marker: &str) -> (Child, String) {
    let mut child = env
        .std_cmd(common::binary(), args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn tokenctl");
    let mut lines = BufReader::new(child.stderr.take().expect("stderr")).lines();
    let url = loop {
        let line = lines
            .next()
            .unwrap_or_else(|| panic!("tokenctl {args:?} ended without a URL"))
            .expect("read");
        if let Some(url) = line
            .strip_prefix(marker)
            .filter(|rest| rest.starts_with("http"))
        {
            break url.trim().to_owned();
        }
    };
    std::thread::spawn(move || lines.for_each(drop));
    (child, url)
}

/// Adds a custom entry for one of the harness's clients (insecure storage:
/// CI never touches the keyring).
pub(crate) fn add(env: &TestEnv, server: &OidcServer, name: &str, client: &str, extra: &[&str]) {
    let mut args = vec![
        "oauth",
        "add",
        name,
        "--template",
        "custom",
        "--issuer",
        &server.url,
        "--client-id",
        client,
        "--insecure-storage",
    ];
    args.extend_from_slice(extra);
    let secret = format!("{client}-secret\n");
    let output = env.run_with_stdin(&args, secret);
    assert_success(&output, &args);
}

/// `oauth request NAME` (code + PKCE), with the browser scripted.
pub(crate) fn request_with_code(env: &TestEnv, name: &str) {
    let (child, url) = spawn_until_url(env, &["oauth", "request", name], "  ");
    let page = Browser::new().visit(&url);
    assert!(
        page.contains("tokenctl received the authorization"),
        "{page}"
    );
    let output = child.wait_with_output().expect("wait");
    assert!(
        output.status.success(),
        "request failed: {}",
        stdout(&output)
    );
}

pub(crate) fn show(env: &TestEnv, name: &str) -> Value {
    env.json(&["oauth", "show", name])
}

/// The access token works at the provider: its userinfo endpoint answers.
pub(crate) fn userinfo(server: &OidcServer, token: &str) -> Value {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("runtime");
    runtime.block_on(async {
        let response = reqwest::Client::new()
            .get(format!("{}/me", server.url))
            .bearer_auth(token)
            .send()
            .await
            .expect("userinfo");
        assert!(
            response.status().is_success(),
            "userinfo {}",
            response.status()
        );
        response.json().await.expect("json")
    })
}

pub(crate) fn secrets_file(env: &TestEnv, name: &str) -> Value {
    let path = env
        .root()
        .join(format!("data/tokenctl/oauth/secrets/{name}.json"));
    serde_json::from_slice(&std::fs::read(path).expect("secrets file")).expect("json")
}
