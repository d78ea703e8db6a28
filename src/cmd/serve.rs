//! `tokenctl serve`: run the token API.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use super::{Context, parse};
use crate::env;
use crate::error::{Error, Result};
use crate::exchange::ExchangePolicy;
use crate::hashing::PasswordWork;
use crate::jose::{LiveKeys, VerifiedTokens};
use crate::server::{self, AppState, LoginLimiter, Shared};
use crate::service::{ExpiryNotices, Issuer, TokenService};
use crate::store;

/// Run the token API server
///
/// Serves the same service the CLI uses locally, as JSON under /v1, with
/// /healthz, /readyz (store, schema and change watch checked), /metrics
/// (Prometheus), /openapi.json and the public signing keys at
/// /.well-known/jwks.json. One node can use SQLite; several replicas share
/// one PostgreSQL database and one --signing-key file, which each re-reads
/// when it changes (tokenctl keys rotate on any replica reaches them all).
///
/// --init-admin creates the first admin when the store has no users yet,
/// with the password from --init-admin-password-file (a file, or - for
/// stdin), TOKENCTL_INIT_ADMIN_PASSWORD, or a generated one printed once on
/// stderr. The file keeps the password out of the server's environment,
/// which its child processes and /proc would show for as long as it runs.
///
/// Examples:
///   tokenctl serve --init-admin alice
///   tokenctl serve --init-admin alice --init-admin-password-file /run/secrets/admin
///   tokenctl serve --listen 0.0.0.0:8787 --database postgres://tokens@db/tokens \
///       --tls-cert /etc/tokenctl/cert.pem --tls-key /etc/tokenctl/key.pem \
///       --metrics-listen 10.0.0.5:9187
///   TOKENCTL_SMTP_PASSWORD=… tokenctl serve --smtp smtp://tokens@mail.example.com \
///       --smtp-from "tokenctl <tokens@example.com>"
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// Address to listen on (port 0 picks a free port)
    #[arg(long, default_value = "127.0.0.1:8787", value_name = "ADDR")]
    pub listen: String,

    /// sqlite:PATH or postgres://… [default: the store named by --store,
    /// else sqlite:<data dir>/server.db]
    #[arg(long, value_name = "URL")]
    pub database: Option<String>,

    /// One line per request on stdout: time, client address, method, path,
    /// status, duration and the credential's token id, hint or session —
    /// never a secret, a header or a body
    #[arg(long)]
    pub access_log: bool,

    /// Believe the client address these proxies (CIDR blocks, repeatable or
    /// comma-separated) write in --proxy-header: the rightmost hop that is
    /// not one of them is the client, for allow-lists, the login limit and
    /// the audit log; their connections count only toward --max-connections
    /// [default: none; the socket's peer is the client]
    #[arg(long = "trusted-proxy", value_name = "CIDR", value_parser = parse::address_range, value_delimiter = ',')]
    pub trusted_proxies: Vec<crate::network::AddressRange>,

    /// The header the trusted proxies write the client's address in; only
    /// this one is read
    #[arg(
        long,
        value_enum,
        default_value_t,
        value_name = "HEADER",
        requires = "trusted_proxies"
    )]
    pub proxy_header: crate::server::ProxyHeader,

    /// Serve /metrics on this address only (plain HTTP, for a private
    /// network), not with the API [default: with the API]
    #[arg(long, value_name = "ADDR")]
    pub metrics_listen: Option<String>,

    /// Signing key set (JSON, or a bare Ed25519 PKCS#8 key); created if
    /// missing [default: <data dir>/signing-keys.json]
    #[arg(long, value_name = "FILE")]
    pub signing_key: Option<PathBuf>,

    /// Create this admin account if the store has no users yet
    #[arg(long, value_name = "NAME")]
    pub init_admin: Option<String>,

    /// The first admin's password: first line of FILE, or of stdin with -
    #[arg(long, value_name = "FILE", requires = "init_admin")]
    pub init_admin_password_file: Option<PathBuf>,

    /// Serve HTTPS with this certificate chain (PEM); needs --tls-key
    #[arg(long, value_name = "FILE", requires = "tls_key")]
    pub tls_cert: Option<PathBuf>,

    /// Private key (PEM) for --tls-cert
    #[arg(long, value_name = "FILE", requires = "tls_cert")]
    pub tls_key: Option<PathBuf>,

    /// Every account needs 2FA: a login without a code may only set it up
    /// (tokenctl 2fa enable), and tokens are created only from a session
    /// opened with a code
    #[arg(long = "require-2fa")]
    pub require_2fa: bool,

    /// Login attempts allowed per client address per minute
    #[arg(long, default_value_t = 20, value_name = "N")]
    pub login_attempts_per_minute: u32,

    /// Token exchanges (POST /oauth2/token, GET /api/personalaccesstoken/getAuthenticationToken) allowed
    /// per credential per minute: a token, or one person's sessions. Each
    /// writes an audit entry. 0: no limit
    #[arg(long, default_value_t = 600, value_name = "N")]
    pub exchanges_per_minute: u32,

    /// `iss` of the access tokens this server issues, and their default
    /// audience; replicas behind one name must share it [default: the URL
    /// this server listens on]
    #[arg(long, value_name = "URL")]
    pub issuer: Option<String>,

    /// Another audience `tokenctl exchange --audience` may ask for
    /// (repeatable)
    #[arg(long = "audience", value_name = "AUD")]
    pub audiences: Vec<String>,

    /// Longest a request may take, sending it included; a slower one is
    /// answered 408
    #[arg(long, default_value = "15s", value_name = "DURATION", value_parser = parse::duration)]
    pub request_timeout: chrono::Duration,

    /// Take GitHub's secret scanning reports at POST /v1/leaks/github,
    /// verified with the keys at this URL or in this file (GitHub's
    /// format: https://api.github.com/meta/public_keys/secret_scanning)
    #[arg(long, value_name = "URL|FILE")]
    pub leak_keys: Option<String>,

    /// Let webhooks point at private addresses (loopback, 10/8, 192.168/16,
    /// link-local, fc00::/7…) and use plain http: only for receivers inside
    /// your own network
    #[arg(long)]
    pub allow_private_webhooks: bool,

    /// How long before a token expires its owner hears of it (token.expiring
    /// to webhooks; comma-separated), then token.expired when it lapses;
    /// each sent once per token, by whichever replica gets there first
    #[arg(long, value_name = "DURATION,...", value_delimiter = ',', default_value = "30d,7d,1d", value_parser = parse::duration)]
    pub expiry_notices: Vec<chrono::Duration>,

    /// Also mail expiry and leak notices to each token's owner (their
    /// `user add|edit --email`) through this relay: smtps://host[:465]
    /// (TLS) or smtp://[user@]host[:587] (STARTTLS; plain only to a relay
    /// on loopback). The relay's password: TOKENCTL_SMTP_PASSWORD
    #[arg(long, value_name = "URL", requires = "smtp_from")]
    pub smtp: Option<String>,

    /// The From address of notice mails, e.g. "tokenctl <tokens@example.com>"
    #[arg(long, value_name = "ADDRESS", requires = "smtp")]
    pub smtp_from: Option<String>,

    /// Longest lifetime of an exchanged access token (at most 24h)
    #[arg(long, default_value = "1h", value_name = "DURATION", value_parser = parse::duration)]
    pub max_exchange_ttl: chrono::Duration,

    /// Longest a client may take to send a request's headers (and, on a
    /// new connection, its first request); idle connections close after it
    #[arg(long, default_value = "10s", value_name = "DURATION", value_parser = parse::duration)]
    pub header_timeout: chrono::Duration,

    /// Connections held at once; more are refused with 503 [default: the
    /// open-file limit, raised to its maximum, less 128 for the store]
    #[arg(long, value_name = "N")]
    pub max_connections: Option<usize>,

    /// Connections held at once from one client address
    #[arg(long, default_value_t = 256, value_name = "N")]
    pub max_connections_per_address: usize,

    /// Password hashes (logins, new accounts) run at once, off the request
    /// workers [default: half the CPU cores, at least 1]
    #[arg(long, value_name = "N")]
    pub login_concurrency: Option<usize>,

    /// Logins waiting for a hash beyond those running; more are refused
    /// with 503 and Retry-After
    #[arg(long, default_value_t = crate::hashing::DEFAULT_QUEUE, value_name = "N")]
    pub login_queue: usize,
}

/// Descriptors kept free of connections, for the store, the key file and
/// the listener.
const RESERVED_FILES: u64 = 128;

/// How many connections fit under the process's open-file limit, after
/// raising its soft limit to the hard one (as Go's runtime does): a server
/// that runs out of descriptors stops accepting anyone.
fn connections_that_fit() -> usize {
    use rustix::process::{Resource, getrlimit, setrlimit};
    let mut limit = getrlimit(Resource::Nofile);
    if limit.current < limit.maximum {
        limit.current = limit.maximum;
        if setrlimit(Resource::Nofile, limit).is_err() {
            limit = getrlimit(Resource::Nofile);
        }
    }
    let files = limit.current.unwrap_or(u64::MAX).min(1 << 16);
    usize::try_from(files.saturating_sub(RESERVED_FILES).max(16)).unwrap_or(16)
}

pub async fn run(ctx: &Context, args: Args) -> Result<()> {
    let positive = |duration: chrono::Duration, flag: &str| {
        duration
            .to_std()
            .ok()
            .filter(|limit| !limit.is_zero())
            .ok_or_else(|| Error::invalid(format!("{flag} must be at least 1s")))
    };
    let request_timeout = positive(args.request_timeout, "--request-timeout")?;
    let connections = server::ConnectionPolicy {
        header_timeout: positive(args.header_timeout, "--header-timeout")?,
        max_connections: args.max_connections.unwrap_or_else(connections_that_fit),
        max_connections_per_address: args.max_connections_per_address,
    };
    if connections.max_connections == 0 || connections.max_connections_per_address == 0 {
        return Err(Error::invalid(
            "--max-connections and --max-connections-per-address must be at least 1",
        ));
    }
    let leak_keys = match &args.leak_keys {
        Some(source) => Some(Arc::new(crate::leak_report::ReportKeys::new(
            crate::leak_report::KeySource::parse(source)?,
            crate::http::http_client(None)?,
        ))),
        None => None,
    };
    let expiry_notices = ExpiryNotices::new(args.expiry_notices)?;
    let smtp = match (&args.smtp, &args.smtp_from) {
        (Some(url), Some(from)) => Some(crate::mail::SmtpConfig::new(
            url,
            from,
            std::env::var(env::SMTP_PASSWORD).ok(),
        )?),
        _ => None,
    };
    // Read before anything is opened: a refusal changes nothing.
    let initial_password = match &args.init_admin {
        Some(_) => initial_password(args.init_admin_password_file.as_deref())?,
        None => None,
    };
    let data_dir = crate::config::data_dir()?;
    let database = database(ctx, args.database, &data_dir);
    let store = store::open(&database).await?;
    let keys = LiveKeys::open(
        &args
            .signing_key
            .unwrap_or_else(|| data_dir.join("signing-keys.json")),
    )?;
    // Bound before the service is built: the issuer's default name is the
    // address the port turned out to be.
    let listener = server::listen(&args.listen)
        .await
        .map_err(|error| Error::invalid(format!("cannot listen on {}: {error}", args.listen)))?;
    let address = listener
        .local_addr()
        .map_err(|error| Error::internal(format!("no local address: {error}")))?;
    let metrics_listener = match &args.metrics_listen {
        Some(metrics_address) => Some(server::listen(metrics_address).await.map_err(|error| {
            Error::invalid(format!(
                "cannot listen on --metrics-listen {metrics_address}: {error}"
            ))
        })?),
        None => None,
    };
    let tls = args
        .tls_cert
        .zip(args.tls_key)
        .map(|(cert, key)| server::Tls { cert, key });
    let scheme = if tls.is_some() { "https" } else { "http" };
    let issuer = Issuer::new(
        keys.clone(),
        ExchangePolicy::new(
            args.issuer
                .unwrap_or_else(|| format!("{scheme}://{address}")),
            args.audiences,
            args.max_exchange_ttl,
        ),
    );
    let passwords = PasswordWork::new(
        args.login_concurrency
            .unwrap_or_else(crate::hashing::default_concurrency),
        args.login_queue,
    );
    let service = TokenService::new(store)
        .with_password_work(passwords)
        .with_exchange_limit(args.exchanges_per_minute)
        .with_issuer(Arc::new(issuer))
        .with_required_second_factor(args.require_2fa)
        .with_webhook_reach(if args.allow_private_webhooks {
            crate::webhook::Reach::Private
        } else {
            crate::webhook::Reach::Public
        })
        .with_expiry_notices(expiry_notices)
        .for_server()
        .await?;
    service.start_senders(smtp)?;
    if let Some(config) = &ctx.settings.config_policy {
        let imported = service
            .import_token_policy(&config.policy, &config.file.display().to_string())
            .await;
        super::policy::report_import(&ctx.out, config, imported);
    }
    if let Some(name) = &args.init_admin {
        init_admin(ctx, &service, name, initial_password).await?;
    }
    if !service.anyone_can_log_in().await? {
        ctx.out.warning(
            "no account in this store can log in (none has a password): start with --init-admin NAME, or reset a password with tokenctl user reset-password on the store",
        );
    }
    ctx.out
        .note(&format!("tokenctl serving on {scheme}://{address}"));
    if let Some(metrics) = &metrics_listener
        && let Ok(metrics_address) = metrics.local_addr()
    {
        ctx.out
            .note(&format!("metrics on http://{metrics_address}/metrics"));
    }
    let service = Arc::new(service);
    crate::service::start_expiry_notices(Arc::clone(&service));
    let state = AppState::new(Shared {
        service,
        keys,
        login_limiter: Arc::new(LoginLimiter::new(
            args.login_attempts_per_minute,
            Duration::from_secs(60),
        )),
        sessions: Arc::new(VerifiedTokens::new(
            crate::auth::SESSION_TYP,
            crate::auth::SESSION_LIFETIME,
        )),
        request_timeout,
        access_log: args.access_log,
        metrics_on_api: metrics_listener.is_none(),
        leak_keys,
        trusted_proxies: Arc::new(crate::server::TrustedProxies {
            ranges: crate::network::normalize(args.trusted_proxies).map_err(Error::invalid)?,
            header: args.proxy_header,
        }),
    });
    server::serve(listener, state, tls, connections, metrics_listener).await
}

/// The store to serve: `--database`, else the SQLite file `--store` (or
/// TOKENCTL_STORE, or the config's `store`) names, else the server's own
/// file in the data directory. A store named both ways is said, not
/// silently dropped.
fn database(ctx: &Context, database: Option<String>, data_dir: &std::path::Path) -> String {
    let named = ctx.settings.store_named.then_some(&ctx.settings.store);
    match (database, named) {
        (Some(database), Some(store)) => {
            ctx.out.warning(&format!(
                "serving --database; the store {} named by --store, TOKENCTL_STORE or the config is not used",
                store.display()
            ));
            database
        }
        (Some(database), None) => database,
        (None, Some(store)) => format!("sqlite:{}", store.display()),
        (None, None) => format!("sqlite:{}", data_dir.join("server.db").display()),
    }
}

/// The first admin's password, if one was given: from `file` (`-`: stdin),
/// else from the environment. Both at once is refused: which one wins
/// would be a guess.
fn initial_password(file: Option<&std::path::Path>) -> Result<Option<String>> {
    let from_env = std::env::var(env::INIT_ADMIN_PASSWORD)
        .ok()
        .filter(|p| !p.is_empty());
    let Some(file) = file else {
        return Ok(from_env);
    };
    if from_env.is_some() {
        return Err(Error::invalid(format!(
            "both --init-admin-password-file and {} are set",
            env::INIT_ADMIN_PASSWORD
        ))
        .with_hint("give the first admin's password one way"));
    }
    let text = if file == std::path::Path::new("-") {
        super::read_stdin()?
    } else {
        std::fs::read_to_string(file)
            .map_err(|error| Error::invalid(format!("cannot read {}: {error}", file.display())))?
    };
    let password = text.lines().next().unwrap_or_default().to_owned();
    if password.is_empty() {
        return Err(Error::invalid(format!(
            "{} has no password on its first line",
            if file == std::path::Path::new("-") {
                "stdin".to_owned()
            } else {
                file.display().to_string()
            }
        )));
    }
    Ok(Some(password))
}

async fn init_admin(
    ctx: &Context,
    service: &TokenService,
    name: &str,
    given: Option<String>,
) -> Result<()> {
    match service.bootstrap_admin(name, given.clone()).await? {
        None => ctx
            .out
            .note("--init-admin: the store already has users; nothing created"),
        Some(generated) => {
            ctx.out
                .success(&format!("Created the first admin '{name}'"));
            if let Some(password) = generated {
                ctx.out
                    .note(&format!("Its password, shown this once: {password}"));
                ctx.out
                    .note("Log in and keep it safe; it is not shown again.");
            }
        }
    }
    Ok(())
}
