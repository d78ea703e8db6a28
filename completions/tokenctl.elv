
use builtin;
use str;

set edit:completion:arg-completer[tokenctl] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'tokenctl'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'tokenctl'= {
            cand --store 'Token store file (SQLite) [default: in your data directory]'
            cand --server 'Token server to use instead of the local store'
            cand --profile 'Saved login (server + user) to use [default: the last login]'
            cand --config 'Config file [default: config.toml in your config directory]'
            cand --jq 'Print what this jq filter selects from the JSON, strings bare (e.g. ''.[].name'')'
            cand --field 'Print one field of the JSON bare, a line per item of a list (e.g. id)'
            cand --json 'Print machine-readable JSON on stdout'
            cand -q 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
            cand --quiet 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
            cand --debug 'Log what tokenctl does on stderr (never a secret)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand create 'Create a token and print its secret once'
            cand list 'List tokens'
            cand ls 'List tokens'
            cand show 'Show one token'
            cand revoke 'Revoke tokens, immediately and permanently'
            cand rm 'Revoke tokens, immediately and permanently'
            cand regenerate 'Replace an active token''s secret and print the new one once'
            cand rotate 'Replace an active token''s secret and print the new one once'
            cand verify 'Check a token value read from stdin'
            cand exchange 'Exchange a token for a short-lived access token (JWT), e.g. in CI'
            cand scan 'Find leaked tokens in files, directories, stdin or staged changes'
            cand audit 'Show the audit log'
            cand login 'Log in to a token server'
            cand logout 'Log out: end the session on the server, then delete the stored copy'
            cand auth 'The credential tokenctl sends to the server, for scripts'
            cand whoami 'Show who tokenctl acts as, and what they may do'
            cand notices 'Say which of your tokens need attention; for cron and monitoring'
            cand status 'Show the backend in use, the user, and the session''s expiry and storage'
            cand 2fa 'Manage two-factor authentication (TOTP) for your server account'
            cand password 'Manage the password of your account'
            cand serve 'Boxed: its many flags would make every command this size'
            cand session 'See and end login sessions (yours, or with --user another user''s)'
            cand profile 'List, switch and remove saved logins (profiles)'
            cand role 'Manage roles (named sets of permissions)'
            cand user 'Manage users (accounts that own tokens)'
            cand trust 'Manage trust policies: CI jobs that may exchange their OIDC ID token'
            cand policy 'Show, change or check the token policy'
            cand webhook 'Manage webhooks: endpoints told of token and account events'
            cand keys 'Manage the signing keys (list and rotate need keys:manage)'
            cand oauth 'Manage OAuth2 tokens of third-party providers (Google, Microsoft, custom)'
            cand completions 'Print a shell completion script'
            cand clipboard-hold 'Holds a copied secret on the clipboard (started by create/regenerate)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'tokenctl;create'= {
            cand --type 'Kind of token: personal (a person''s PAT) or service (an integration)'
            cand --role 'Role whose permissions the token gets [default: the owner''s role]'
            cand --expires 'When it expires: 30d, 12h, 2027-01-31 or never [default: 30d]'
            cand --description 'What the token is for'
            cand --max-idle 'Stop working after this long unused, e.g. 90d (regenerate revives it)'
            cand --allow-ip 'Work only from these addresses: CIDR blocks or single addresses, IPv4 or IPv6 (repeat it, or separate them with commas)'
            cand --for 'Issue the token to another user (needs users:manage)'
            cand --clipboard-clear-after 'Clear the clipboard after this long; 0 keeps it [default: 45s]'
            cand --store 'Token store file (SQLite) [default: in your data directory]'
            cand --server 'Token server to use instead of the local store'
            cand --profile 'Saved login (server + user) to use [default: the last login]'
            cand --config 'Config file [default: config.toml in your config directory]'
            cand --jq 'Print what this jq filter selects from the JSON, strings bare (e.g. ''.[].name'')'
            cand --field 'Print one field of the JSON bare, a line per item of a list (e.g. id)'
            cand --no-clipboard 'Don''t copy the new secret to the clipboard'
            cand --json 'Print machine-readable JSON on stdout'
            cand -q 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
            cand --quiet 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
            cand --debug 'Log what tokenctl does on stderr (never a secret)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'tokenctl;list'= {
            cand --status 'Which tokens to show'
            cand --expiring-within 'Only active tokens that expire within this time, e.g. 7d'
            cand --used-since 'Only tokens used within this time, e.g. 7d'
            cand --unused-for 'Only tokens unused (and not made) for at least this time, e.g. 90d'
            cand --owner 'Only tokens owned by this user'
            cand --type 'Only tokens of this type (personal or service)'
            cand --limit 'Show at most N items [default: 1000]'
            cand --store 'Token store file (SQLite) [default: in your data directory]'
            cand --server 'Token server to use instead of the local store'
            cand --profile 'Saved login (server + user) to use [default: the last login]'
            cand --config 'Config file [default: config.toml in your config directory]'
            cand --jq 'Print what this jq filter selects from the JSON, strings bare (e.g. ''.[].name'')'
            cand --field 'Print one field of the JSON bare, a line per item of a list (e.g. id)'
            cand --fail-if-any 'Exit 1 when any token matches (for cron and CI checks)'
            cand --all 'Show every item, however many (fetched a page at a time)'
            cand --jsonl 'Print one JSON object per line as they arrive (JSON Lines)'
            cand --json 'Print machine-readable JSON on stdout'
            cand -q 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
            cand --quiet 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
            cand --debug 'Log what tokenctl does on stderr (never a secret)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'tokenctl;ls'= {
            cand --status 'Which tokens to show'
            cand --expiring-within 'Only active tokens that expire within this time, e.g. 7d'
            cand --used-since 'Only tokens used within this time, e.g. 7d'
            cand --unused-for 'Only tokens unused (and not made) for at least this time, e.g. 90d'
            cand --owner 'Only tokens owned by this user'
            cand --type 'Only tokens of this type (personal or service)'
            cand --limit 'Show at most N items [default: 1000]'
            cand --store 'Token store file (SQLite) [default: in your data directory]'
            cand --server 'Token server to use instead of the local store'
            cand --profile 'Saved login (server + user) to use [default: the last login]'
            cand --config 'Config file [default: config.toml in your config directory]'
            cand --jq 'Print what this jq filter selects from the JSON, strings bare (e.g. ''.[].name'')'
            cand --field 'Print one field of the JSON bare, a line per item of a list (e.g. id)'
            cand --fail-if-any 'Exit 1 when any token matches (for cron and CI checks)'
            cand --all 'Show every item, however many (fetched a page at a time)'
            cand --jsonl 'Print one JSON object per line as they arrive (JSON Lines)'
            cand --json 'Print machine-readable JSON on stdout'
            cand -q 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
            cand --quiet 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
            cand --debug 'Log what tokenctl does on stderr (never a secret)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'tokenctl;show'= {
            cand --store 'Token store file (SQLite) [default: in your data directory]'
            cand --server 'Token server to use instead of the local store'
            cand --profile 'Saved login (server + user) to use [default: the last login]'
            cand --config 'Config file [default: config.toml in your config directory]'
            cand --jq 'Print what this jq filter selects from the JSON, strings bare (e.g. ''.[].name'')'
            cand --field 'Print one field of the JSON bare, a line per item of a list (e.g. id)'
            cand --json 'Print machine-readable JSON on stdout'
            cand -q 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
            cand --quiet 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
            cand --debug 'Log what tokenctl does on stderr (never a secret)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'tokenctl;revoke'= {
            cand --reason 'Why, in one line: kept in the audit entry and the webhook payload'
            cand --owner 'With --all: revoke every active token of this user'
            cand --type 'With --owner --all: only tokens of this type (personal or service)'
            cand --store 'Token store file (SQLite) [default: in your data directory]'
            cand --server 'Token server to use instead of the local store'
            cand --profile 'Saved login (server + user) to use [default: the last login]'
            cand --config 'Config file [default: config.toml in your config directory]'
            cand --jq 'Print what this jq filter selects from the JSON, strings bare (e.g. ''.[].name'')'
            cand --field 'Print one field of the JSON bare, a line per item of a list (e.g. id)'
            cand --stdin 'Revoke every token value (secret) found in the text on stdin'
            cand --all 'With --owner: every active token of theirs, not named one by one'
            cand -y 'Do not ask for confirmation'
            cand --yes 'Do not ask for confirmation'
            cand --json 'Print machine-readable JSON on stdout'
            cand -q 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
            cand --quiet 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
            cand --debug 'Log what tokenctl does on stderr (never a secret)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'tokenctl;rm'= {
            cand --reason 'Why, in one line: kept in the audit entry and the webhook payload'
            cand --owner 'With --all: revoke every active token of this user'
            cand --type 'With --owner --all: only tokens of this type (personal or service)'
            cand --store 'Token store file (SQLite) [default: in your data directory]'
            cand --server 'Token server to use instead of the local store'
            cand --profile 'Saved login (server + user) to use [default: the last login]'
            cand --config 'Config file [default: config.toml in your config directory]'
            cand --jq 'Print what this jq filter selects from the JSON, strings bare (e.g. ''.[].name'')'
            cand --field 'Print one field of the JSON bare, a line per item of a list (e.g. id)'
            cand --stdin 'Revoke every token value (secret) found in the text on stdin'
            cand --all 'With --owner: every active token of theirs, not named one by one'
            cand -y 'Do not ask for confirmation'
            cand --yes 'Do not ask for confirmation'
            cand --json 'Print machine-readable JSON on stdout'
            cand -q 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
            cand --quiet 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
            cand --debug 'Log what tokenctl does on stderr (never a secret)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'tokenctl;regenerate'= {
            cand --grace 'Keep the old secret working this long, e.g. 10m (at most 7d)'
            cand --expires 'A new expiry: a duration (90d), a date (2027-01-31) or ''never'''
            cand --clipboard-clear-after 'Clear the clipboard after this long; 0 keeps it [default: 45s]'
            cand --store 'Token store file (SQLite) [default: in your data directory]'
            cand --server 'Token server to use instead of the local store'
            cand --profile 'Saved login (server + user) to use [default: the last login]'
            cand --config 'Config file [default: config.toml in your config directory]'
            cand --jq 'Print what this jq filter selects from the JSON, strings bare (e.g. ''.[].name'')'
            cand --field 'Print one field of the JSON bare, a line per item of a list (e.g. id)'
            cand --self 'Regenerate the token this command authenticates with (TOKENCTL_TOKEN)'
            cand -y 'Do not ask for confirmation'
            cand --yes 'Do not ask for confirmation'
            cand --no-clipboard 'Don''t copy the new secret to the clipboard'
            cand --json 'Print machine-readable JSON on stdout'
            cand -q 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
            cand --quiet 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
            cand --debug 'Log what tokenctl does on stderr (never a secret)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'tokenctl;rotate'= {
            cand --grace 'Keep the old secret working this long, e.g. 10m (at most 7d)'
            cand --expires 'A new expiry: a duration (90d), a date (2027-01-31) or ''never'''
            cand --clipboard-clear-after 'Clear the clipboard after this long; 0 keeps it [default: 45s]'
            cand --store 'Token store file (SQLite) [default: in your data directory]'
            cand --server 'Token server to use instead of the local store'
            cand --profile 'Saved login (server + user) to use [default: the last login]'
            cand --config 'Config file [default: config.toml in your config directory]'
            cand --jq 'Print what this jq filter selects from the JSON, strings bare (e.g. ''.[].name'')'
            cand --field 'Print one field of the JSON bare, a line per item of a list (e.g. id)'
            cand --self 'Regenerate the token this command authenticates with (TOKENCTL_TOKEN)'
            cand -y 'Do not ask for confirmation'
            cand --yes 'Do not ask for confirmation'
            cand --no-clipboard 'Don''t copy the new secret to the clipboard'
            cand --json 'Print machine-readable JSON on stdout'
            cand -q 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
            cand --quiet 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
            cand --debug 'Log what tokenctl does on stderr (never a secret)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'tokenctl;verify'= {
            cand --audience 'The audience an access token must be for [default: its issuer]'
            cand --from 'Check it as used from this address, against its allow-list (a local store only; a server checks the address it sees)'
            cand --store 'Token store file (SQLite) [default: in your data directory]'
            cand --server 'Token server to use instead of the local store'
            cand --profile 'Saved login (server + user) to use [default: the last login]'
            cand --config 'Config file [default: config.toml in your config directory]'
            cand --jq 'Print what this jq filter selects from the JSON, strings bare (e.g. ''.[].name'')'
            cand --field 'Print one field of the JSON bare, a line per item of a list (e.g. id)'
            cand --json 'Print machine-readable JSON on stdout'
            cand -q 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
            cand --quiet 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
            cand --debug 'Log what tokenctl does on stderr (never a secret)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'tokenctl;exchange'= {
            cand --ttl 'Lifetime of the access token [default: 15m]; the server may shorten it (its maximum, the subject''s own expiry), and says so on stderr'
            cand --scope 'Permission the access token gets (repeatable) [default: all of the subject''s]'
            cand --audience 'Who the access token is for [default: the issuing server]'
            cand --output 'How to print the access token [default: raw]'
            cand --oidc 'Exchange this CI job''s ID token: github asks GitHub Actions for one (the job needs `permissions: id-token: write`); gitlab reads TOKENCTL_ID_TOKEN (declared under the job''s `id_tokens:`)'
            cand --oidc-audience 'The audience GitHub mints the ID token for: the trust policy''s --audience [default: the server URL]'
            cand --store 'Token store file (SQLite) [default: in your data directory]'
            cand --server 'Token server to use instead of the local store'
            cand --profile 'Saved login (server + user) to use [default: the last login]'
            cand --config 'Config file [default: config.toml in your config directory]'
            cand --jq 'Print what this jq filter selects from the JSON, strings bare (e.g. ''.[].name'')'
            cand --field 'Print one field of the JSON bare, a line per item of a list (e.g. id)'
            cand --strict-ttl 'Refuse, instead of shortening, a --ttl the server cannot give in full'
            cand --token-stdin 'Read the token to exchange from stdin (one line)'
            cand --id-token-stdin 'Read an OpenID Connect ID token (a JWT) from stdin and exchange it'
            cand --json 'Print machine-readable JSON on stdout'
            cand -q 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
            cand --quiet 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
            cand --debug 'Log what tokenctl does on stderr (never a secret)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'tokenctl;scan'= {
            cand --store 'Token store file (SQLite) [default: in your data directory]'
            cand --server 'Token server to use instead of the local store'
            cand --profile 'Saved login (server + user) to use [default: the last login]'
            cand --config 'Config file [default: config.toml in your config directory]'
            cand --jq 'Print what this jq filter selects from the JSON, strings bare (e.g. ''.[].name'')'
            cand --field 'Print one field of the JSON bare, a line per item of a list (e.g. id)'
            cand --staged 'Scan the staged changes of the git repository here (what a commit would record)'
            cand --revoke 'Revoke every active token found (asks first on a terminal)'
            cand -y 'With --revoke: do not ask for confirmation'
            cand --yes 'With --revoke: do not ask for confirmation'
            cand -L 'Follow symbolic links (a loop is reported, not followed)'
            cand --follow 'Follow symbolic links (a loop is reported, not followed)'
            cand --no-ignore 'Also scan files that .gitignore and .ignore files exclude'
            cand --json 'Print machine-readable JSON on stdout'
            cand -q 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
            cand --quiet 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
            cand --debug 'Log what tokenctl does on stderr (never a secret)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'tokenctl;audit'= {
            cand --token 'Only entries about this token (ID or name), and those it made'
            cand --since 'Only entries newer than this, e.g. 24h or 7d'
            cand --until 'Only entries older than this, e.g. 30d'
            cand --actor 'Only entries made by this user'
            cand --action 'Only entries of this action, e.g. token.revoke'
            cand --limit 'Show at most N items [default: 1000]'
            cand --store 'Token store file (SQLite) [default: in your data directory]'
            cand --server 'Token server to use instead of the local store'
            cand --profile 'Saved login (server + user) to use [default: the last login]'
            cand --config 'Config file [default: config.toml in your config directory]'
            cand --jq 'Print what this jq filter selects from the JSON, strings bare (e.g. ''.[].name'')'
            cand --field 'Print one field of the JSON bare, a line per item of a list (e.g. id)'
            cand --all 'Show every item, however many (fetched a page at a time)'
            cand --jsonl 'Print one JSON object per line as they arrive (JSON Lines)'
            cand --json 'Print machine-readable JSON on stdout'
            cand -q 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
            cand --quiet 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
            cand --debug 'Log what tokenctl does on stderr (never a secret)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand export 'Write the audit log as JSON Lines, for an archive or a log pipeline'
            cand prune 'Delete the audit entries from before a date (retention)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'tokenctl;audit;export'= {
            cand --token 'Only entries about this token (ID or name), and those it made'
            cand --since 'Only entries newer than this, e.g. 24h or 7d'
            cand --until 'Only entries older than this, e.g. 30d'
            cand --actor 'Only entries made by this user'
            cand --action 'Only entries of this action, e.g. token.revoke'
            cand --store 'Token store file (SQLite) [default: in your data directory]'
            cand --server 'Token server to use instead of the local store'
            cand --profile 'Saved login (server + user) to use [default: the last login]'
            cand --config 'Config file [default: config.toml in your config directory]'
            cand --jq 'Print what this jq filter selects from the JSON, strings bare (e.g. ''.[].name'')'
            cand --field 'Print one field of the JSON bare, a line per item of a list (e.g. id)'
            cand --json 'Print machine-readable JSON on stdout'
            cand -q 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
            cand --quiet 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
            cand --debug 'Log what tokenctl does on stderr (never a secret)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'tokenctl;audit;prune'= {
            cand --before 'Delete the entries older than this: a duration ago (400d), a date (2026-01-01) or an RFC 3339 time'
            cand --store 'Token store file (SQLite) [default: in your data directory]'
            cand --server 'Token server to use instead of the local store'
            cand --profile 'Saved login (server + user) to use [default: the last login]'
            cand --config 'Config file [default: config.toml in your config directory]'
            cand --jq 'Print what this jq filter selects from the JSON, strings bare (e.g. ''.[].name'')'
            cand --field 'Print one field of the JSON bare, a line per item of a list (e.g. id)'
            cand -y 'Do not ask for confirmation'
            cand --yes 'Do not ask for confirmation'
            cand --json 'Print machine-readable JSON on stdout'
            cand -q 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
            cand --quiet 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
            cand --debug 'Log what tokenctl does on stderr (never a secret)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'tokenctl;audit;help'= {
            cand export 'Write the audit log as JSON Lines, for an archive or a log pipeline'
            cand prune 'Delete the audit entries from before a date (retention)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'tokenctl;audit;help;export'= {
        }
        &'tokenctl;audit;help;prune'= {
        }
        &'tokenctl;audit;help;help'= {
        }
        &'tokenctl;login'= {
            cand -u 'Account name [default: your OS user name]'
            cand --username 'Account name [default: your OS user name]'
            cand --store 'Token store file (SQLite) [default: in your data directory]'
            cand --server 'Token server to use instead of the local store'
            cand --profile 'Saved login (server + user) to use [default: the last login]'
            cand --config 'Config file [default: config.toml in your config directory]'
            cand --jq 'Print what this jq filter selects from the JSON, strings bare (e.g. ''.[].name'')'
            cand --field 'Print one field of the JSON bare, a line per item of a list (e.g. id)'
            cand --password-stdin 'Read the password, then a 2FA code and a new password when asked, from lines of stdin'
            cand --insecure-storage 'Keep the session in a 0600 file instead of the OS keyring'
            cand --json 'Print machine-readable JSON on stdout'
            cand -q 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
            cand --quiet 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
            cand --debug 'Log what tokenctl does on stderr (never a secret)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'tokenctl;logout'= {
            cand --store 'Token store file (SQLite) [default: in your data directory]'
            cand --server 'Token server to use instead of the local store'
            cand --profile 'Saved login (server + user) to use [default: the last login]'
            cand --config 'Config file [default: config.toml in your config directory]'
            cand --jq 'Print what this jq filter selects from the JSON, strings bare (e.g. ''.[].name'')'
            cand --field 'Print one field of the JSON bare, a line per item of a list (e.g. id)'
            cand --json 'Print machine-readable JSON on stdout'
            cand -q 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
            cand --quiet 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
            cand --debug 'Log what tokenctl does on stderr (never a secret)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'tokenctl;auth'= {
            cand --store 'Token store file (SQLite) [default: in your data directory]'
            cand --server 'Token server to use instead of the local store'
            cand --profile 'Saved login (server + user) to use [default: the last login]'
            cand --config 'Config file [default: config.toml in your config directory]'
            cand --jq 'Print what this jq filter selects from the JSON, strings bare (e.g. ''.[].name'')'
            cand --field 'Print one field of the JSON bare, a line per item of a list (e.g. id)'
            cand --json 'Print machine-readable JSON on stdout'
            cand -q 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
            cand --quiet 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
            cand --debug 'Log what tokenctl does on stderr (never a secret)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand token 'Print the credential commands send to the server: TOKENCTL_TOKEN, else the session'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'tokenctl;auth;token'= {
            cand --store 'Token store file (SQLite) [default: in your data directory]'
            cand --server 'Token server to use instead of the local store'
            cand --profile 'Saved login (server + user) to use [default: the last login]'
            cand --config 'Config file [default: config.toml in your config directory]'
            cand --jq 'Print what this jq filter selects from the JSON, strings bare (e.g. ''.[].name'')'
            cand --field 'Print one field of the JSON bare, a line per item of a list (e.g. id)'
            cand --json 'Print machine-readable JSON on stdout'
            cand -q 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
            cand --quiet 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
            cand --debug 'Log what tokenctl does on stderr (never a secret)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'tokenctl;auth;help'= {
            cand token 'Print the credential commands send to the server: TOKENCTL_TOKEN, else the session'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'tokenctl;auth;help;token'= {
        }
        &'tokenctl;auth;help;help'= {
        }
        &'tokenctl;whoami'= {
            cand --store 'Token store file (SQLite) [default: in your data directory]'
            cand --server 'Token server to use instead of the local store'
            cand --profile 'Saved login (server + user) to use [default: the last login]'
            cand --config 'Config file [default: config.toml in your config directory]'
            cand --jq 'Print what this jq filter selects from the JSON, strings bare (e.g. ''.[].name'')'
            cand --field 'Print one field of the JSON bare, a line per item of a list (e.g. id)'
            cand --json 'Print machine-readable JSON on stdout'
            cand -q 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
            cand --quiet 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
            cand --debug 'Log what tokenctl does on stderr (never a secret)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'tokenctl;notices'= {
            cand --store 'Token store file (SQLite) [default: in your data directory]'
            cand --server 'Token server to use instead of the local store'
            cand --profile 'Saved login (server + user) to use [default: the last login]'
            cand --config 'Config file [default: config.toml in your config directory]'
            cand --jq 'Print what this jq filter selects from the JSON, strings bare (e.g. ''.[].name'')'
            cand --field 'Print one field of the JSON bare, a line per item of a list (e.g. id)'
            cand --json 'Print machine-readable JSON on stdout'
            cand -q 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
            cand --quiet 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
            cand --debug 'Log what tokenctl does on stderr (never a secret)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'tokenctl;status'= {
            cand --store 'Token store file (SQLite) [default: in your data directory]'
            cand --server 'Token server to use instead of the local store'
            cand --profile 'Saved login (server + user) to use [default: the last login]'
            cand --config 'Config file [default: config.toml in your config directory]'
            cand --jq 'Print what this jq filter selects from the JSON, strings bare (e.g. ''.[].name'')'
            cand --field 'Print one field of the JSON bare, a line per item of a list (e.g. id)'
            cand --json 'Print machine-readable JSON on stdout'
            cand -q 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
            cand --quiet 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
            cand --debug 'Log what tokenctl does on stderr (never a secret)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'tokenctl;2fa'= {
            cand --store 'Token store file (SQLite) [default: in your data directory]'
            cand --server 'Token server to use instead of the local store'
            cand --profile 'Saved login (server + user) to use [default: the last login]'
            cand --config 'Config file [default: config.toml in your config directory]'
            cand --jq 'Print what this jq filter selects from the JSON, strings bare (e.g. ''.[].name'')'
            cand --field 'Print one field of the JSON bare, a line per item of a list (e.g. id)'
            cand --json 'Print machine-readable JSON on stdout'
            cand -q 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
            cand --quiet 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
            cand --debug 'Log what tokenctl does on stderr (never a secret)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand enable 'Turn on 2FA, or move it to a new authenticator'
            cand disable 'Turn off 2FA on your server account'
            cand status 'Show whether your server account has 2FA, and how many recovery codes are left'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'tokenctl;2fa;enable'= {
            cand --store 'Token store file (SQLite) [default: in your data directory]'
            cand --server 'Token server to use instead of the local store'
            cand --profile 'Saved login (server + user) to use [default: the last login]'
            cand --config 'Config file [default: config.toml in your config directory]'
            cand --jq 'Print what this jq filter selects from the JSON, strings bare (e.g. ''.[].name'')'
            cand --field 'Print one field of the JSON bare, a line per item of a list (e.g. id)'
            cand --code-stdin 'Read the codes from stdin, one line each'
            cand --json 'Print machine-readable JSON on stdout'
            cand -q 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
            cand --quiet 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
            cand --debug 'Log what tokenctl does on stderr (never a secret)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'tokenctl;2fa;disable'= {
            cand --store 'Token store file (SQLite) [default: in your data directory]'
            cand --server 'Token server to use instead of the local store'
            cand --profile 'Saved login (server + user) to use [default: the last login]'
            cand --config 'Config file [default: config.toml in your config directory]'
            cand --jq 'Print what this jq filter selects from the JSON, strings bare (e.g. ''.[].name'')'
            cand --field 'Print one field of the JSON bare, a line per item of a list (e.g. id)'
            cand --code-stdin 'Read the code (or a recovery code) from the first line of stdin'
            cand --json 'Print machine-readable JSON on stdout'
            cand -q 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
            cand --quiet 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
            cand --debug 'Log what tokenctl does on stderr (never a secret)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'tokenctl;2fa;status'= {
            cand --store 'Token store file (SQLite) [default: in your data directory]'
            cand --server 'Token server to use instead of the local store'
            cand --profile 'Saved login (server + user) to use [default: the last login]'
            cand --config 'Config file [default: config.toml in your config directory]'
            cand --jq 'Print what this jq filter selects from the JSON, strings bare (e.g. ''.[].name'')'
            cand --field 'Print one field of the JSON bare, a line per item of a list (e.g. id)'
            cand --json 'Print machine-readable JSON on stdout'
            cand -q 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
            cand --quiet 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
            cand --debug 'Log what tokenctl does on stderr (never a secret)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'tokenctl;2fa;help'= {
            cand enable 'Turn on 2FA, or move it to a new authenticator'
            cand disable 'Turn off 2FA on your server account'
            cand status 'Show whether your server account has 2FA, and how many recovery codes are left'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'tokenctl;2fa;help;enable'= {
        }
        &'tokenctl;2fa;help;disable'= {
        }
        &'tokenctl;2fa;help;status'= {
        }
        &'tokenctl;2fa;help;help'= {
        }
        &'tokenctl;password'= {
            cand --store 'Token store file (SQLite) [default: in your data directory]'
            cand --server 'Token server to use instead of the local store'
            cand --profile 'Saved login (server + user) to use [default: the last login]'
            cand --config 'Config file [default: config.toml in your config directory]'
            cand --jq 'Print what this jq filter selects from the JSON, strings bare (e.g. ''.[].name'')'
            cand --field 'Print one field of the JSON bare, a line per item of a list (e.g. id)'
            cand --json 'Print machine-readable JSON on stdout'
            cand -q 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
            cand --quiet 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
            cand --debug 'Log what tokenctl does on stderr (never a secret)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand change 'Change the password of your account'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'tokenctl;password;change'= {
            cand --store 'Token store file (SQLite) [default: in your data directory]'
            cand --server 'Token server to use instead of the local store'
            cand --profile 'Saved login (server + user) to use [default: the last login]'
            cand --config 'Config file [default: config.toml in your config directory]'
            cand --jq 'Print what this jq filter selects from the JSON, strings bare (e.g. ''.[].name'')'
            cand --field 'Print one field of the JSON bare, a line per item of a list (e.g. id)'
            cand --password-stdin 'Read the current password and the new one from the first two lines of stdin'
            cand --json 'Print machine-readable JSON on stdout'
            cand -q 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
            cand --quiet 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
            cand --debug 'Log what tokenctl does on stderr (never a secret)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'tokenctl;password;help'= {
            cand change 'Change the password of your account'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'tokenctl;password;help;change'= {
        }
        &'tokenctl;password;help;help'= {
        }
        &'tokenctl;serve'= {
            cand --listen 'Address to listen on (port 0 picks a free port)'
            cand --database 'sqlite:PATH or postgres://… [default: the store named by --store, else sqlite:<data dir>/server.db]'
            cand --trusted-proxy 'Believe the client address these proxies (CIDR blocks, repeatable or comma-separated) write in --proxy-header: the rightmost hop that is not one of them is the client, for allow-lists, the login limit and the audit log; their connections count only toward --max-connections [default: none; the socket''s peer is the client]'
            cand --proxy-header 'The header the trusted proxies write the client''s address in; only this one is read'
            cand --metrics-listen 'Serve /metrics on this address only (plain HTTP, for a private network), not with the API [default: with the API]'
            cand --signing-key 'Signing key set (JSON, or a bare Ed25519 PKCS#8 key); created if missing [default: <data dir>/signing-keys.json]'
            cand --init-admin 'Create this admin account if the store has no users yet'
            cand --init-admin-password-file 'The first admin''s password: first line of FILE, or of stdin with -'
            cand --tls-cert 'Serve HTTPS with this certificate chain (PEM); needs --tls-key'
            cand --tls-key 'Private key (PEM) for --tls-cert'
            cand --login-attempts-per-minute 'Login attempts allowed per client address per minute'
            cand --exchanges-per-minute 'Token exchanges (POST /oauth2/token, GET /api/personalaccesstoken/getAuthenticationToken) allowed per credential per minute: a token, or one person''s sessions. Each writes an audit entry. 0: no limit'
            cand --issuer '`iss` of the access tokens this server issues, and their default audience; replicas behind one name must share it [default: the URL this server listens on]'
            cand --audience 'Another audience `tokenctl exchange --audience` may ask for (repeatable)'
            cand --request-timeout 'Longest a request may take, sending it included; a slower one is answered 408'
            cand --leak-keys 'Take GitHub''s secret scanning reports at POST /v1/leaks/github, verified with the keys at this URL or in this file (GitHub''s format: https://api.github.com/meta/public_keys/secret_scanning)'
            cand --expiry-notices 'How long before a token expires its owner hears of it (token.expiring to webhooks; comma-separated), then token.expired when it lapses; each sent once per token, by whichever replica gets there first'
            cand --smtp 'Also mail expiry and leak notices to each token''s owner (their `user add|edit --email`) through this relay: smtps://host[:465] (TLS) or smtp://[user@]host[:587] (STARTTLS; plain only to a relay on loopback). The relay''s password: TOKENCTL_SMTP_PASSWORD'
            cand --smtp-from 'The From address of notice mails, e.g. "tokenctl <tokens@example.com>"'
            cand --max-exchange-ttl 'Longest lifetime of an exchanged access token (at most 24h)'
            cand --header-timeout 'Longest a client may take to send a request''s headers (and, on a new connection, its first request); idle connections close after it'
            cand --max-connections 'Connections held at once; more are refused with 503 [default: the open-file limit, raised to its maximum, less 128 for the store]'
            cand --max-connections-per-address 'Connections held at once from one client address'
            cand --login-concurrency 'Password hashes (logins, new accounts) run at once, off the request workers [default: half the CPU cores, at least 1]'
            cand --login-queue 'Logins waiting for a hash beyond those running; more are refused with 503 and Retry-After'
            cand --store 'Token store file (SQLite) [default: in your data directory]'
            cand --server 'Token server to use instead of the local store'
            cand --profile 'Saved login (server + user) to use [default: the last login]'
            cand --config 'Config file [default: config.toml in your config directory]'
            cand --jq 'Print what this jq filter selects from the JSON, strings bare (e.g. ''.[].name'')'
            cand --field 'Print one field of the JSON bare, a line per item of a list (e.g. id)'
            cand --access-log 'One line per request on stdout: time, client address, method, path, status, duration and the credential''s token id, hint or session — never a secret, a header or a body'
            cand --require-2fa 'Every account needs 2FA: a login without a code may only set it up (tokenctl 2fa enable), and tokens are created only from a session opened with a code'
            cand --allow-private-webhooks 'Let webhooks point at private addresses (loopback, 10/8, 192.168/16, link-local, fc00::/7…) and use plain http: only for receivers inside your own network'
            cand --json 'Print machine-readable JSON on stdout'
            cand -q 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
            cand --quiet 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
            cand --debug 'Log what tokenctl does on stderr (never a secret)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'tokenctl;session'= {
            cand --store 'Token store file (SQLite) [default: in your data directory]'
            cand --server 'Token server to use instead of the local store'
            cand --profile 'Saved login (server + user) to use [default: the last login]'
            cand --config 'Config file [default: config.toml in your config directory]'
            cand --jq 'Print what this jq filter selects from the JSON, strings bare (e.g. ''.[].name'')'
            cand --field 'Print one field of the JSON bare, a line per item of a list (e.g. id)'
            cand --json 'Print machine-readable JSON on stdout'
            cand -q 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
            cand --quiet 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
            cand --debug 'Log what tokenctl does on stderr (never a secret)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand list 'List active login sessions: yours, or another user''s with --user'
            cand ls 'List active login sessions: yours, or another user''s with --user'
            cand revoke 'End a login session at once, or all of them with --all'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'tokenctl;session;list'= {
            cand --user 'Whose sessions (default: yours)'
            cand --store 'Token store file (SQLite) [default: in your data directory]'
            cand --server 'Token server to use instead of the local store'
            cand --profile 'Saved login (server + user) to use [default: the last login]'
            cand --config 'Config file [default: config.toml in your config directory]'
            cand --jq 'Print what this jq filter selects from the JSON, strings bare (e.g. ''.[].name'')'
            cand --field 'Print one field of the JSON bare, a line per item of a list (e.g. id)'
            cand --json 'Print machine-readable JSON on stdout'
            cand -q 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
            cand --quiet 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
            cand --debug 'Log what tokenctl does on stderr (never a secret)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'tokenctl;session;ls'= {
            cand --user 'Whose sessions (default: yours)'
            cand --store 'Token store file (SQLite) [default: in your data directory]'
            cand --server 'Token server to use instead of the local store'
            cand --profile 'Saved login (server + user) to use [default: the last login]'
            cand --config 'Config file [default: config.toml in your config directory]'
            cand --jq 'Print what this jq filter selects from the JSON, strings bare (e.g. ''.[].name'')'
            cand --field 'Print one field of the JSON bare, a line per item of a list (e.g. id)'
            cand --json 'Print machine-readable JSON on stdout'
            cand -q 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
            cand --quiet 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
            cand --debug 'Log what tokenctl does on stderr (never a secret)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'tokenctl;session;revoke'= {
            cand --user 'Whose sessions (default: yours)'
            cand --store 'Token store file (SQLite) [default: in your data directory]'
            cand --server 'Token server to use instead of the local store'
            cand --profile 'Saved login (server + user) to use [default: the last login]'
            cand --config 'Config file [default: config.toml in your config directory]'
            cand --jq 'Print what this jq filter selects from the JSON, strings bare (e.g. ''.[].name'')'
            cand --field 'Print one field of the JSON bare, a line per item of a list (e.g. id)'
            cand --all 'End every active session'
            cand --json 'Print machine-readable JSON on stdout'
            cand -q 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
            cand --quiet 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
            cand --debug 'Log what tokenctl does on stderr (never a secret)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'tokenctl;session;help'= {
            cand list 'List active login sessions: yours, or another user''s with --user'
            cand revoke 'End a login session at once, or all of them with --all'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'tokenctl;session;help;list'= {
        }
        &'tokenctl;session;help;revoke'= {
        }
        &'tokenctl;session;help;help'= {
        }
        &'tokenctl;profile'= {
            cand --store 'Token store file (SQLite) [default: in your data directory]'
            cand --server 'Token server to use instead of the local store'
            cand --profile 'Saved login (server + user) to use [default: the last login]'
            cand --config 'Config file [default: config.toml in your config directory]'
            cand --jq 'Print what this jq filter selects from the JSON, strings bare (e.g. ''.[].name'')'
            cand --field 'Print one field of the JSON bare, a line per item of a list (e.g. id)'
            cand --json 'Print machine-readable JSON on stdout'
            cand -q 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
            cand --quiet 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
            cand --debug 'Log what tokenctl does on stderr (never a secret)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand list 'List the saved logins: server, user, session, and which one is current'
            cand ls 'List the saved logins: server, user, session, and which one is current'
            cand use 'Make a saved login the current one: where commands go from now on'
            cand remove 'Forget a saved login: its session ends on the server, then the profile goes'
            cand rm 'Forget a saved login: its session ends on the server, then the profile goes'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'tokenctl;profile;list'= {
            cand --store 'Token store file (SQLite) [default: in your data directory]'
            cand --server 'Token server to use instead of the local store'
            cand --profile 'Saved login (server + user) to use [default: the last login]'
            cand --config 'Config file [default: config.toml in your config directory]'
            cand --jq 'Print what this jq filter selects from the JSON, strings bare (e.g. ''.[].name'')'
            cand --field 'Print one field of the JSON bare, a line per item of a list (e.g. id)'
            cand --json 'Print machine-readable JSON on stdout'
            cand -q 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
            cand --quiet 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
            cand --debug 'Log what tokenctl does on stderr (never a secret)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'tokenctl;profile;ls'= {
            cand --store 'Token store file (SQLite) [default: in your data directory]'
            cand --server 'Token server to use instead of the local store'
            cand --profile 'Saved login (server + user) to use [default: the last login]'
            cand --config 'Config file [default: config.toml in your config directory]'
            cand --jq 'Print what this jq filter selects from the JSON, strings bare (e.g. ''.[].name'')'
            cand --field 'Print one field of the JSON bare, a line per item of a list (e.g. id)'
            cand --json 'Print machine-readable JSON on stdout'
            cand -q 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
            cand --quiet 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
            cand --debug 'Log what tokenctl does on stderr (never a secret)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'tokenctl;profile;use'= {
            cand --store 'Token store file (SQLite) [default: in your data directory]'
            cand --server 'Token server to use instead of the local store'
            cand --profile 'Saved login (server + user) to use [default: the last login]'
            cand --config 'Config file [default: config.toml in your config directory]'
            cand --jq 'Print what this jq filter selects from the JSON, strings bare (e.g. ''.[].name'')'
            cand --field 'Print one field of the JSON bare, a line per item of a list (e.g. id)'
            cand --json 'Print machine-readable JSON on stdout'
            cand -q 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
            cand --quiet 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
            cand --debug 'Log what tokenctl does on stderr (never a secret)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'tokenctl;profile;remove'= {
            cand --store 'Token store file (SQLite) [default: in your data directory]'
            cand --server 'Token server to use instead of the local store'
            cand --profile 'Saved login (server + user) to use [default: the last login]'
            cand --config 'Config file [default: config.toml in your config directory]'
            cand --jq 'Print what this jq filter selects from the JSON, strings bare (e.g. ''.[].name'')'
            cand --field 'Print one field of the JSON bare, a line per item of a list (e.g. id)'
            cand --json 'Print machine-readable JSON on stdout'
            cand -q 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
            cand --quiet 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
            cand --debug 'Log what tokenctl does on stderr (never a secret)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'tokenctl;profile;rm'= {
            cand --store 'Token store file (SQLite) [default: in your data directory]'
            cand --server 'Token server to use instead of the local store'
            cand --profile 'Saved login (server + user) to use [default: the last login]'
            cand --config 'Config file [default: config.toml in your config directory]'
            cand --jq 'Print what this jq filter selects from the JSON, strings bare (e.g. ''.[].name'')'
            cand --field 'Print one field of the JSON bare, a line per item of a list (e.g. id)'
            cand --json 'Print machine-readable JSON on stdout'
            cand -q 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
            cand --quiet 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
            cand --debug 'Log what tokenctl does on stderr (never a secret)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'tokenctl;profile;help'= {
            cand list 'List the saved logins: server, user, session, and which one is current'
            cand use 'Make a saved login the current one: where commands go from now on'
            cand remove 'Forget a saved login: its session ends on the server, then the profile goes'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'tokenctl;profile;help;list'= {
        }
        &'tokenctl;profile;help;use'= {
        }
        &'tokenctl;profile;help;remove'= {
        }
        &'tokenctl;profile;help;help'= {
        }
        &'tokenctl;role'= {
            cand --store 'Token store file (SQLite) [default: in your data directory]'
            cand --server 'Token server to use instead of the local store'
            cand --profile 'Saved login (server + user) to use [default: the last login]'
            cand --config 'Config file [default: config.toml in your config directory]'
            cand --jq 'Print what this jq filter selects from the JSON, strings bare (e.g. ''.[].name'')'
            cand --field 'Print one field of the JSON bare, a line per item of a list (e.g. id)'
            cand --json 'Print machine-readable JSON on stdout'
            cand -q 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
            cand --quiet 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
            cand --debug 'Log what tokenctl does on stderr (never a secret)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand list 'List roles and their permissions'
            cand ls 'List roles and their permissions'
            cand show 'Show one role and what each of its permissions allows'
            cand add 'Add a custom role (needs users:manage)'
            cand edit 'Change a custom role''s permissions or description (needs users:manage)'
            cand remove 'Remove a custom role (needs users:manage)'
            cand rm 'Remove a custom role (needs users:manage)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'tokenctl;role;list'= {
            cand --store 'Token store file (SQLite) [default: in your data directory]'
            cand --server 'Token server to use instead of the local store'
            cand --profile 'Saved login (server + user) to use [default: the last login]'
            cand --config 'Config file [default: config.toml in your config directory]'
            cand --jq 'Print what this jq filter selects from the JSON, strings bare (e.g. ''.[].name'')'
            cand --field 'Print one field of the JSON bare, a line per item of a list (e.g. id)'
            cand --json 'Print machine-readable JSON on stdout'
            cand -q 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
            cand --quiet 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
            cand --debug 'Log what tokenctl does on stderr (never a secret)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'tokenctl;role;ls'= {
            cand --store 'Token store file (SQLite) [default: in your data directory]'
            cand --server 'Token server to use instead of the local store'
            cand --profile 'Saved login (server + user) to use [default: the last login]'
            cand --config 'Config file [default: config.toml in your config directory]'
            cand --jq 'Print what this jq filter selects from the JSON, strings bare (e.g. ''.[].name'')'
            cand --field 'Print one field of the JSON bare, a line per item of a list (e.g. id)'
            cand --json 'Print machine-readable JSON on stdout'
            cand -q 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
            cand --quiet 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
            cand --debug 'Log what tokenctl does on stderr (never a secret)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'tokenctl;role;show'= {
            cand --store 'Token store file (SQLite) [default: in your data directory]'
            cand --server 'Token server to use instead of the local store'
            cand --profile 'Saved login (server + user) to use [default: the last login]'
            cand --config 'Config file [default: config.toml in your config directory]'
            cand --jq 'Print what this jq filter selects from the JSON, strings bare (e.g. ''.[].name'')'
            cand --field 'Print one field of the JSON bare, a line per item of a list (e.g. id)'
            cand --json 'Print machine-readable JSON on stdout'
            cand -q 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
            cand --quiet 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
            cand --debug 'Log what tokenctl does on stderr (never a secret)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'tokenctl;role;add'= {
            cand -p 'A permission the role grants (repeat for several): api:read, api:write, files:upload, tokens:read, tokens:manage, tokens:read-all, tokens:revoke-all, audit:read, users:manage, keys:manage, audit:prune, trust:manage, webhooks:manage, tokens:rotate-self, policy:manage'
            cand --permission 'A permission the role grants (repeat for several): api:read, api:write, files:upload, tokens:read, tokens:manage, tokens:read-all, tokens:revoke-all, audit:read, users:manage, keys:manage, audit:prune, trust:manage, webhooks:manage, tokens:rotate-self, policy:manage'
            cand --description 'What the role is for'
            cand --store 'Token store file (SQLite) [default: in your data directory]'
            cand --server 'Token server to use instead of the local store'
            cand --profile 'Saved login (server + user) to use [default: the last login]'
            cand --config 'Config file [default: config.toml in your config directory]'
            cand --jq 'Print what this jq filter selects from the JSON, strings bare (e.g. ''.[].name'')'
            cand --field 'Print one field of the JSON bare, a line per item of a list (e.g. id)'
            cand --json 'Print machine-readable JSON on stdout'
            cand -q 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
            cand --quiet 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
            cand --debug 'Log what tokenctl does on stderr (never a secret)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'tokenctl;role;edit'= {
            cand --add-permission 'A permission the role grants (repeat for several): api:read, api:write, files:upload, tokens:read, tokens:manage, tokens:read-all, tokens:revoke-all, audit:read, users:manage, keys:manage, audit:prune, trust:manage, webhooks:manage, tokens:rotate-self, policy:manage'
            cand --remove-permission 'A permission the role no longer grants (repeat for several)'
            cand --description 'What the role is for'
            cand --store 'Token store file (SQLite) [default: in your data directory]'
            cand --server 'Token server to use instead of the local store'
            cand --profile 'Saved login (server + user) to use [default: the last login]'
            cand --config 'Config file [default: config.toml in your config directory]'
            cand --jq 'Print what this jq filter selects from the JSON, strings bare (e.g. ''.[].name'')'
            cand --field 'Print one field of the JSON bare, a line per item of a list (e.g. id)'
            cand --json 'Print machine-readable JSON on stdout'
            cand -q 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
            cand --quiet 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
            cand --debug 'Log what tokenctl does on stderr (never a secret)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'tokenctl;role;remove'= {
            cand --reassign 'The role its users and tokens move to'
            cand --store 'Token store file (SQLite) [default: in your data directory]'
            cand --server 'Token server to use instead of the local store'
            cand --profile 'Saved login (server + user) to use [default: the last login]'
            cand --config 'Config file [default: config.toml in your config directory]'
            cand --jq 'Print what this jq filter selects from the JSON, strings bare (e.g. ''.[].name'')'
            cand --field 'Print one field of the JSON bare, a line per item of a list (e.g. id)'
            cand --json 'Print machine-readable JSON on stdout'
            cand -q 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
            cand --quiet 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
            cand --debug 'Log what tokenctl does on stderr (never a secret)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'tokenctl;role;rm'= {
            cand --reassign 'The role its users and tokens move to'
            cand --store 'Token store file (SQLite) [default: in your data directory]'
            cand --server 'Token server to use instead of the local store'
            cand --profile 'Saved login (server + user) to use [default: the last login]'
            cand --config 'Config file [default: config.toml in your config directory]'
            cand --jq 'Print what this jq filter selects from the JSON, strings bare (e.g. ''.[].name'')'
            cand --field 'Print one field of the JSON bare, a line per item of a list (e.g. id)'
            cand --json 'Print machine-readable JSON on stdout'
            cand -q 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
            cand --quiet 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
            cand --debug 'Log what tokenctl does on stderr (never a secret)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'tokenctl;role;help'= {
            cand list 'List roles and their permissions'
            cand show 'Show one role and what each of its permissions allows'
            cand add 'Add a custom role (needs users:manage)'
            cand edit 'Change a custom role''s permissions or description (needs users:manage)'
            cand remove 'Remove a custom role (needs users:manage)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'tokenctl;role;help;list'= {
        }
        &'tokenctl;role;help;show'= {
        }
        &'tokenctl;role;help;add'= {
        }
        &'tokenctl;role;help;edit'= {
        }
        &'tokenctl;role;help;remove'= {
        }
        &'tokenctl;role;help;help'= {
        }
        &'tokenctl;user'= {
            cand --store 'Token store file (SQLite) [default: in your data directory]'
            cand --server 'Token server to use instead of the local store'
            cand --profile 'Saved login (server + user) to use [default: the last login]'
            cand --config 'Config file [default: config.toml in your config directory]'
            cand --jq 'Print what this jq filter selects from the JSON, strings bare (e.g. ''.[].name'')'
            cand --field 'Print one field of the JSON bare, a line per item of a list (e.g. id)'
            cand --json 'Print machine-readable JSON on stdout'
            cand -q 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
            cand --quiet 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
            cand --debug 'Log what tokenctl does on stderr (never a secret)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand list 'List users: role, email, 2FA, last login and status'
            cand ls 'List users: role, email, 2FA, last login and status'
            cand add 'Add a user who can own tokens (needs users:manage)'
            cand disable 'Disable a user: their tokens stop working until they are enabled again'
            cand enable 'Enable a disabled user again'
            cand set-role 'Give a user another role (needs users:manage)'
            cand unlock 'Let a user log in again at once after failed logins (needs users:manage)'
            cand reset-password 'Set a new password for a user who lost theirs (needs users:manage)'
            cand reset-2fa 'Take 2FA off a user who lost their authenticator (needs users:manage)'
            cand edit 'Change a user''s details (needs users:manage)'
            cand remove 'Remove a user: their tokens are revoked and their sessions end (needs users:manage)'
            cand rm 'Remove a user: their tokens are revoked and their sessions end (needs users:manage)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'tokenctl;user;list'= {
            cand --limit 'Show at most N items [default: 1000]'
            cand --store 'Token store file (SQLite) [default: in your data directory]'
            cand --server 'Token server to use instead of the local store'
            cand --profile 'Saved login (server + user) to use [default: the last login]'
            cand --config 'Config file [default: config.toml in your config directory]'
            cand --jq 'Print what this jq filter selects from the JSON, strings bare (e.g. ''.[].name'')'
            cand --field 'Print one field of the JSON bare, a line per item of a list (e.g. id)'
            cand --removed 'Include removed users'
            cand --all 'Show every item, however many (fetched a page at a time)'
            cand --jsonl 'Print one JSON object per line as they arrive (JSON Lines)'
            cand --json 'Print machine-readable JSON on stdout'
            cand -q 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
            cand --quiet 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
            cand --debug 'Log what tokenctl does on stderr (never a secret)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'tokenctl;user;ls'= {
            cand --limit 'Show at most N items [default: 1000]'
            cand --store 'Token store file (SQLite) [default: in your data directory]'
            cand --server 'Token server to use instead of the local store'
            cand --profile 'Saved login (server + user) to use [default: the last login]'
            cand --config 'Config file [default: config.toml in your config directory]'
            cand --jq 'Print what this jq filter selects from the JSON, strings bare (e.g. ''.[].name'')'
            cand --field 'Print one field of the JSON bare, a line per item of a list (e.g. id)'
            cand --removed 'Include removed users'
            cand --all 'Show every item, however many (fetched a page at a time)'
            cand --jsonl 'Print one JSON object per line as they arrive (JSON Lines)'
            cand --json 'Print machine-readable JSON on stdout'
            cand -q 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
            cand --quiet 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
            cand --debug 'Log what tokenctl does on stderr (never a secret)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'tokenctl;user;add'= {
            cand --role 'Role that sets what the user (and their tokens) may do'
            cand --email 'Where notices about the account''s tokens (expiry, leaks) are mailed'
            cand --store 'Token store file (SQLite) [default: in your data directory]'
            cand --server 'Token server to use instead of the local store'
            cand --profile 'Saved login (server + user) to use [default: the last login]'
            cand --config 'Config file [default: config.toml in your config directory]'
            cand --jq 'Print what this jq filter selects from the JSON, strings bare (e.g. ''.[].name'')'
            cand --field 'Print one field of the JSON bare, a line per item of a list (e.g. id)'
            cand --password-stdin 'Read the password from the first line of stdin (at least 12 characters)'
            cand --json 'Print machine-readable JSON on stdout'
            cand -q 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
            cand --quiet 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
            cand --debug 'Log what tokenctl does on stderr (never a secret)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'tokenctl;user;disable'= {
            cand --store 'Token store file (SQLite) [default: in your data directory]'
            cand --server 'Token server to use instead of the local store'
            cand --profile 'Saved login (server + user) to use [default: the last login]'
            cand --config 'Config file [default: config.toml in your config directory]'
            cand --jq 'Print what this jq filter selects from the JSON, strings bare (e.g. ''.[].name'')'
            cand --field 'Print one field of the JSON bare, a line per item of a list (e.g. id)'
            cand --json 'Print machine-readable JSON on stdout'
            cand -q 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
            cand --quiet 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
            cand --debug 'Log what tokenctl does on stderr (never a secret)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'tokenctl;user;enable'= {
            cand --store 'Token store file (SQLite) [default: in your data directory]'
            cand --server 'Token server to use instead of the local store'
            cand --profile 'Saved login (server + user) to use [default: the last login]'
            cand --config 'Config file [default: config.toml in your config directory]'
            cand --jq 'Print what this jq filter selects from the JSON, strings bare (e.g. ''.[].name'')'
            cand --field 'Print one field of the JSON bare, a line per item of a list (e.g. id)'
            cand --json 'Print machine-readable JSON on stdout'
            cand -q 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
            cand --quiet 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
            cand --debug 'Log what tokenctl does on stderr (never a secret)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'tokenctl;user;set-role'= {
            cand --store 'Token store file (SQLite) [default: in your data directory]'
            cand --server 'Token server to use instead of the local store'
            cand --profile 'Saved login (server + user) to use [default: the last login]'
            cand --config 'Config file [default: config.toml in your config directory]'
            cand --jq 'Print what this jq filter selects from the JSON, strings bare (e.g. ''.[].name'')'
            cand --field 'Print one field of the JSON bare, a line per item of a list (e.g. id)'
            cand --json 'Print machine-readable JSON on stdout'
            cand -q 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
            cand --quiet 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
            cand --debug 'Log what tokenctl does on stderr (never a secret)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'tokenctl;user;unlock'= {
            cand --store 'Token store file (SQLite) [default: in your data directory]'
            cand --server 'Token server to use instead of the local store'
            cand --profile 'Saved login (server + user) to use [default: the last login]'
            cand --config 'Config file [default: config.toml in your config directory]'
            cand --jq 'Print what this jq filter selects from the JSON, strings bare (e.g. ''.[].name'')'
            cand --field 'Print one field of the JSON bare, a line per item of a list (e.g. id)'
            cand --json 'Print machine-readable JSON on stdout'
            cand -q 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
            cand --quiet 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
            cand --debug 'Log what tokenctl does on stderr (never a secret)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'tokenctl;user;reset-password'= {
            cand --store 'Token store file (SQLite) [default: in your data directory]'
            cand --server 'Token server to use instead of the local store'
            cand --profile 'Saved login (server + user) to use [default: the last login]'
            cand --config 'Config file [default: config.toml in your config directory]'
            cand --jq 'Print what this jq filter selects from the JSON, strings bare (e.g. ''.[].name'')'
            cand --field 'Print one field of the JSON bare, a line per item of a list (e.g. id)'
            cand --password-stdin 'Read the new password from the first line of stdin (at least 12 characters)'
            cand --json 'Print machine-readable JSON on stdout'
            cand -q 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
            cand --quiet 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
            cand --debug 'Log what tokenctl does on stderr (never a secret)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'tokenctl;user;reset-2fa'= {
            cand --store 'Token store file (SQLite) [default: in your data directory]'
            cand --server 'Token server to use instead of the local store'
            cand --profile 'Saved login (server + user) to use [default: the last login]'
            cand --config 'Config file [default: config.toml in your config directory]'
            cand --jq 'Print what this jq filter selects from the JSON, strings bare (e.g. ''.[].name'')'
            cand --field 'Print one field of the JSON bare, a line per item of a list (e.g. id)'
            cand --json 'Print machine-readable JSON on stdout'
            cand -q 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
            cand --quiet 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
            cand --debug 'Log what tokenctl does on stderr (never a secret)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'tokenctl;user;edit'= {
            cand --email 'Email address ('''' clears it)'
            cand --store 'Token store file (SQLite) [default: in your data directory]'
            cand --server 'Token server to use instead of the local store'
            cand --profile 'Saved login (server + user) to use [default: the last login]'
            cand --config 'Config file [default: config.toml in your config directory]'
            cand --jq 'Print what this jq filter selects from the JSON, strings bare (e.g. ''.[].name'')'
            cand --field 'Print one field of the JSON bare, a line per item of a list (e.g. id)'
            cand --json 'Print machine-readable JSON on stdout'
            cand -q 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
            cand --quiet 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
            cand --debug 'Log what tokenctl does on stderr (never a secret)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'tokenctl;user;remove'= {
            cand --store 'Token store file (SQLite) [default: in your data directory]'
            cand --server 'Token server to use instead of the local store'
            cand --profile 'Saved login (server + user) to use [default: the last login]'
            cand --config 'Config file [default: config.toml in your config directory]'
            cand --jq 'Print what this jq filter selects from the JSON, strings bare (e.g. ''.[].name'')'
            cand --field 'Print one field of the JSON bare, a line per item of a list (e.g. id)'
            cand -y 'Do not ask for confirmation'
            cand --yes 'Do not ask for confirmation'
            cand --json 'Print machine-readable JSON on stdout'
            cand -q 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
            cand --quiet 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
            cand --debug 'Log what tokenctl does on stderr (never a secret)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'tokenctl;user;rm'= {
            cand --store 'Token store file (SQLite) [default: in your data directory]'
            cand --server 'Token server to use instead of the local store'
            cand --profile 'Saved login (server + user) to use [default: the last login]'
            cand --config 'Config file [default: config.toml in your config directory]'
            cand --jq 'Print what this jq filter selects from the JSON, strings bare (e.g. ''.[].name'')'
            cand --field 'Print one field of the JSON bare, a line per item of a list (e.g. id)'
            cand -y 'Do not ask for confirmation'
            cand --yes 'Do not ask for confirmation'
            cand --json 'Print machine-readable JSON on stdout'
            cand -q 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
            cand --quiet 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
            cand --debug 'Log what tokenctl does on stderr (never a secret)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'tokenctl;user;help'= {
            cand list 'List users: role, email, 2FA, last login and status'
            cand add 'Add a user who can own tokens (needs users:manage)'
            cand disable 'Disable a user: their tokens stop working until they are enabled again'
            cand enable 'Enable a disabled user again'
            cand set-role 'Give a user another role (needs users:manage)'
            cand unlock 'Let a user log in again at once after failed logins (needs users:manage)'
            cand reset-password 'Set a new password for a user who lost theirs (needs users:manage)'
            cand reset-2fa 'Take 2FA off a user who lost their authenticator (needs users:manage)'
            cand edit 'Change a user''s details (needs users:manage)'
            cand remove 'Remove a user: their tokens are revoked and their sessions end (needs users:manage)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'tokenctl;user;help;list'= {
        }
        &'tokenctl;user;help;add'= {
        }
        &'tokenctl;user;help;disable'= {
        }
        &'tokenctl;user;help;enable'= {
        }
        &'tokenctl;user;help;set-role'= {
        }
        &'tokenctl;user;help;unlock'= {
        }
        &'tokenctl;user;help;reset-password'= {
        }
        &'tokenctl;user;help;reset-2fa'= {
        }
        &'tokenctl;user;help;edit'= {
        }
        &'tokenctl;user;help;remove'= {
        }
        &'tokenctl;user;help;help'= {
        }
        &'tokenctl;trust'= {
            cand --store 'Token store file (SQLite) [default: in your data directory]'
            cand --server 'Token server to use instead of the local store'
            cand --profile 'Saved login (server + user) to use [default: the last login]'
            cand --config 'Config file [default: config.toml in your config directory]'
            cand --jq 'Print what this jq filter selects from the JSON, strings bare (e.g. ''.[].name'')'
            cand --field 'Print one field of the JSON bare, a line per item of a list (e.g. id)'
            cand --json 'Print machine-readable JSON on stdout'
            cand -q 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
            cand --quiet 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
            cand --debug 'Log what tokenctl does on stderr (never a secret)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand list 'List trust policies (needs trust:manage)'
            cand ls 'List trust policies (needs trust:manage)'
            cand show 'Show one trust policy (needs trust:manage)'
            cand add 'Add a trust policy: CI jobs that may exchange their ID token (needs trust:manage)'
            cand remove 'Remove a trust policy (needs trust:manage and a login session)'
            cand rm 'Remove a trust policy (needs trust:manage and a login session)'
            cand test 'Explain, claim by claim, whether trust policies admit an ID token'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'tokenctl;trust;list'= {
            cand --store 'Token store file (SQLite) [default: in your data directory]'
            cand --server 'Token server to use instead of the local store'
            cand --profile 'Saved login (server + user) to use [default: the last login]'
            cand --config 'Config file [default: config.toml in your config directory]'
            cand --jq 'Print what this jq filter selects from the JSON, strings bare (e.g. ''.[].name'')'
            cand --field 'Print one field of the JSON bare, a line per item of a list (e.g. id)'
            cand --json 'Print machine-readable JSON on stdout'
            cand -q 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
            cand --quiet 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
            cand --debug 'Log what tokenctl does on stderr (never a secret)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'tokenctl;trust;ls'= {
            cand --store 'Token store file (SQLite) [default: in your data directory]'
            cand --server 'Token server to use instead of the local store'
            cand --profile 'Saved login (server + user) to use [default: the last login]'
            cand --config 'Config file [default: config.toml in your config directory]'
            cand --jq 'Print what this jq filter selects from the JSON, strings bare (e.g. ''.[].name'')'
            cand --field 'Print one field of the JSON bare, a line per item of a list (e.g. id)'
            cand --json 'Print machine-readable JSON on stdout'
            cand -q 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
            cand --quiet 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
            cand --debug 'Log what tokenctl does on stderr (never a secret)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'tokenctl;trust;show'= {
            cand --store 'Token store file (SQLite) [default: in your data directory]'
            cand --server 'Token server to use instead of the local store'
            cand --profile 'Saved login (server + user) to use [default: the last login]'
            cand --config 'Config file [default: config.toml in your config directory]'
            cand --jq 'Print what this jq filter selects from the JSON, strings bare (e.g. ''.[].name'')'
            cand --field 'Print one field of the JSON bare, a line per item of a list (e.g. id)'
            cand --json 'Print machine-readable JSON on stdout'
            cand -q 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
            cand --quiet 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
            cand --debug 'Log what tokenctl does on stderr (never a secret)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'tokenctl;trust;add'= {
            cand --issuer 'The OpenID Connect issuer (https://, or http:// on a loopback address)'
            cand --audience 'The audience the ID token must be minted for (its `aud`)'
            cand --claim 'A claim the ID token must have, KEY=PATTERN (repeatable)'
            cand --github-repo 'GitHub Actions preset: jobs of this repository'
            cand --gitlab-project 'GitLab CI preset: jobs of this project'
            cand --ref 'With a preset: only jobs running on this branch (or full ref)'
            cand --environment 'With --github-repo: only jobs of this deployment environment'
            cand --workflow 'With --github-repo: only jobs of this workflow file'
            cand --gitlab-url 'With --gitlab-project: the GitLab instance [default: https://gitlab.com]'
            cand --role 'The role whose permissions the policy grants'
            cand --scope 'A permission the policy grants (repeatable), instead of a role'
            cand --owner 'Whose authority the access tokens carry [default: you]'
            cand --max-ttl 'The longest an access token issued under the policy lives [default: 15m]'
            cand --description 'What the policy is for'
            cand --store 'Token store file (SQLite) [default: in your data directory]'
            cand --server 'Token server to use instead of the local store'
            cand --profile 'Saved login (server + user) to use [default: the last login]'
            cand --config 'Config file [default: config.toml in your config directory]'
            cand --jq 'Print what this jq filter selects from the JSON, strings bare (e.g. ''.[].name'')'
            cand --field 'Print one field of the JSON bare, a line per item of a list (e.g. id)'
            cand --json 'Print machine-readable JSON on stdout'
            cand -q 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
            cand --quiet 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
            cand --debug 'Log what tokenctl does on stderr (never a secret)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'tokenctl;trust;remove'= {
            cand --store 'Token store file (SQLite) [default: in your data directory]'
            cand --server 'Token server to use instead of the local store'
            cand --profile 'Saved login (server + user) to use [default: the last login]'
            cand --config 'Config file [default: config.toml in your config directory]'
            cand --jq 'Print what this jq filter selects from the JSON, strings bare (e.g. ''.[].name'')'
            cand --field 'Print one field of the JSON bare, a line per item of a list (e.g. id)'
            cand --json 'Print machine-readable JSON on stdout'
            cand -q 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
            cand --quiet 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
            cand --debug 'Log what tokenctl does on stderr (never a secret)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'tokenctl;trust;rm'= {
            cand --store 'Token store file (SQLite) [default: in your data directory]'
            cand --server 'Token server to use instead of the local store'
            cand --profile 'Saved login (server + user) to use [default: the last login]'
            cand --config 'Config file [default: config.toml in your config directory]'
            cand --jq 'Print what this jq filter selects from the JSON, strings bare (e.g. ''.[].name'')'
            cand --field 'Print one field of the JSON bare, a line per item of a list (e.g. id)'
            cand --json 'Print machine-readable JSON on stdout'
            cand -q 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
            cand --quiet 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
            cand --debug 'Log what tokenctl does on stderr (never a secret)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'tokenctl;trust;test'= {
            cand --store 'Token store file (SQLite) [default: in your data directory]'
            cand --server 'Token server to use instead of the local store'
            cand --profile 'Saved login (server + user) to use [default: the last login]'
            cand --config 'Config file [default: config.toml in your config directory]'
            cand --jq 'Print what this jq filter selects from the JSON, strings bare (e.g. ''.[].name'')'
            cand --field 'Print one field of the JSON bare, a line per item of a list (e.g. id)'
            cand --all 'Test against every policy that trusts the token''s issuer'
            cand --json 'Print machine-readable JSON on stdout'
            cand -q 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
            cand --quiet 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
            cand --debug 'Log what tokenctl does on stderr (never a secret)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'tokenctl;trust;help'= {
            cand list 'List trust policies (needs trust:manage)'
            cand show 'Show one trust policy (needs trust:manage)'
            cand add 'Add a trust policy: CI jobs that may exchange their ID token (needs trust:manage)'
            cand remove 'Remove a trust policy (needs trust:manage and a login session)'
            cand test 'Explain, claim by claim, whether trust policies admit an ID token'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'tokenctl;trust;help;list'= {
        }
        &'tokenctl;trust;help;show'= {
        }
        &'tokenctl;trust;help;add'= {
        }
        &'tokenctl;trust;help;remove'= {
        }
        &'tokenctl;trust;help;test'= {
        }
        &'tokenctl;trust;help;help'= {
        }
        &'tokenctl;policy'= {
            cand --store 'Token store file (SQLite) [default: in your data directory]'
            cand --server 'Token server to use instead of the local store'
            cand --profile 'Saved login (server + user) to use [default: the last login]'
            cand --config 'Config file [default: config.toml in your config directory]'
            cand --jq 'Print what this jq filter selects from the JSON, strings bare (e.g. ''.[].name'')'
            cand --field 'Print one field of the JSON bare, a line per item of a list (e.g. id)'
            cand --json 'Print machine-readable JSON on stdout'
            cand -q 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
            cand --quiet 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
            cand --debug 'Log what tokenctl does on stderr (never a secret)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand show 'Show the token policy in force'
            cand set 'Change the token policy (needs policy:manage and a login)'
            cand check 'List the tokens and users the token policy would not allow now'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'tokenctl;policy;show'= {
            cand --store 'Token store file (SQLite) [default: in your data directory]'
            cand --server 'Token server to use instead of the local store'
            cand --profile 'Saved login (server + user) to use [default: the last login]'
            cand --config 'Config file [default: config.toml in your config directory]'
            cand --jq 'Print what this jq filter selects from the JSON, strings bare (e.g. ''.[].name'')'
            cand --field 'Print one field of the JSON bare, a line per item of a list (e.g. id)'
            cand --json 'Print machine-readable JSON on stdout'
            cand -q 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
            cand --quiet 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
            cand --debug 'Log what tokenctl does on stderr (never a secret)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'tokenctl;policy;set'= {
            cand --default-lifetime 'Lifetime of a token created without --expires (30d, 12h, …)'
            cand --allow-never 'Whether --expires never is allowed (yes/no)'
            cand --require-2fa 'Whether creating or regenerating a token needs a login with 2FA (yes/no)'
            cand --max-active-tokens 'Most active tokens one user may own, or `none`'
            cand --max-lifetime 'Longest lifetime (90d, 1y), or `none` to lift the limit'
            cand --type 'With --max-lifetime: only tokens of this type (personal or service)'
            cand --role 'With --max-lifetime: only tokens of this role'
            cand --store 'Token store file (SQLite) [default: in your data directory]'
            cand --server 'Token server to use instead of the local store'
            cand --profile 'Saved login (server + user) to use [default: the last login]'
            cand --config 'Config file [default: config.toml in your config directory]'
            cand --jq 'Print what this jq filter selects from the JSON, strings bare (e.g. ''.[].name'')'
            cand --field 'Print one field of the JSON bare, a line per item of a list (e.g. id)'
            cand --json 'Print machine-readable JSON on stdout'
            cand -q 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
            cand --quiet 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
            cand --debug 'Log what tokenctl does on stderr (never a secret)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'tokenctl;policy;check'= {
            cand --store 'Token store file (SQLite) [default: in your data directory]'
            cand --server 'Token server to use instead of the local store'
            cand --profile 'Saved login (server + user) to use [default: the last login]'
            cand --config 'Config file [default: config.toml in your config directory]'
            cand --jq 'Print what this jq filter selects from the JSON, strings bare (e.g. ''.[].name'')'
            cand --field 'Print one field of the JSON bare, a line per item of a list (e.g. id)'
            cand --json 'Print machine-readable JSON on stdout'
            cand -q 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
            cand --quiet 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
            cand --debug 'Log what tokenctl does on stderr (never a secret)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'tokenctl;policy;help'= {
            cand show 'Show the token policy in force'
            cand set 'Change the token policy (needs policy:manage and a login)'
            cand check 'List the tokens and users the token policy would not allow now'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'tokenctl;policy;help;show'= {
        }
        &'tokenctl;policy;help;set'= {
        }
        &'tokenctl;policy;help;check'= {
        }
        &'tokenctl;policy;help;help'= {
        }
        &'tokenctl;webhook'= {
            cand --store 'Token store file (SQLite) [default: in your data directory]'
            cand --server 'Token server to use instead of the local store'
            cand --profile 'Saved login (server + user) to use [default: the last login]'
            cand --config 'Config file [default: config.toml in your config directory]'
            cand --jq 'Print what this jq filter selects from the JSON, strings bare (e.g. ''.[].name'')'
            cand --field 'Print one field of the JSON bare, a line per item of a list (e.g. id)'
            cand --json 'Print machine-readable JSON on stdout'
            cand -q 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
            cand --quiet 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
            cand --debug 'Log what tokenctl does on stderr (never a secret)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand list 'List webhooks (needs webhooks:manage)'
            cand ls 'List webhooks (needs webhooks:manage)'
            cand add 'Add a webhook and print its signing secret once (needs webhooks:manage and a login session)'
            cand remove 'Remove a webhook (needs webhooks:manage and a login session)'
            cand rm 'Remove a webhook (needs webhooks:manage and a login session)'
            cand test 'Send a webhook a test message and wait for its first attempt (needs webhooks:manage)'
            cand deliveries 'Show the messages sent to webhooks, and how sending each went (needs webhooks:manage)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'tokenctl;webhook;list'= {
            cand --store 'Token store file (SQLite) [default: in your data directory]'
            cand --server 'Token server to use instead of the local store'
            cand --profile 'Saved login (server + user) to use [default: the last login]'
            cand --config 'Config file [default: config.toml in your config directory]'
            cand --jq 'Print what this jq filter selects from the JSON, strings bare (e.g. ''.[].name'')'
            cand --field 'Print one field of the JSON bare, a line per item of a list (e.g. id)'
            cand --json 'Print machine-readable JSON on stdout'
            cand -q 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
            cand --quiet 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
            cand --debug 'Log what tokenctl does on stderr (never a secret)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'tokenctl;webhook;ls'= {
            cand --store 'Token store file (SQLite) [default: in your data directory]'
            cand --server 'Token server to use instead of the local store'
            cand --profile 'Saved login (server + user) to use [default: the last login]'
            cand --config 'Config file [default: config.toml in your config directory]'
            cand --jq 'Print what this jq filter selects from the JSON, strings bare (e.g. ''.[].name'')'
            cand --field 'Print one field of the JSON bare, a line per item of a list (e.g. id)'
            cand --json 'Print machine-readable JSON on stdout'
            cand -q 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
            cand --quiet 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
            cand --debug 'Log what tokenctl does on stderr (never a secret)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'tokenctl;webhook;add'= {
            cand --events 'Events to send, comma-separated or repeated'
            cand --description 'What the webhook is for'
            cand --store 'Token store file (SQLite) [default: in your data directory]'
            cand --server 'Token server to use instead of the local store'
            cand --profile 'Saved login (server + user) to use [default: the last login]'
            cand --config 'Config file [default: config.toml in your config directory]'
            cand --jq 'Print what this jq filter selects from the JSON, strings bare (e.g. ''.[].name'')'
            cand --field 'Print one field of the JSON bare, a line per item of a list (e.g. id)'
            cand --json 'Print machine-readable JSON on stdout'
            cand -q 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
            cand --quiet 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
            cand --debug 'Log what tokenctl does on stderr (never a secret)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'tokenctl;webhook;remove'= {
            cand --store 'Token store file (SQLite) [default: in your data directory]'
            cand --server 'Token server to use instead of the local store'
            cand --profile 'Saved login (server + user) to use [default: the last login]'
            cand --config 'Config file [default: config.toml in your config directory]'
            cand --jq 'Print what this jq filter selects from the JSON, strings bare (e.g. ''.[].name'')'
            cand --field 'Print one field of the JSON bare, a line per item of a list (e.g. id)'
            cand --json 'Print machine-readable JSON on stdout'
            cand -q 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
            cand --quiet 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
            cand --debug 'Log what tokenctl does on stderr (never a secret)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'tokenctl;webhook;rm'= {
            cand --store 'Token store file (SQLite) [default: in your data directory]'
            cand --server 'Token server to use instead of the local store'
            cand --profile 'Saved login (server + user) to use [default: the last login]'
            cand --config 'Config file [default: config.toml in your config directory]'
            cand --jq 'Print what this jq filter selects from the JSON, strings bare (e.g. ''.[].name'')'
            cand --field 'Print one field of the JSON bare, a line per item of a list (e.g. id)'
            cand --json 'Print machine-readable JSON on stdout'
            cand -q 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
            cand --quiet 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
            cand --debug 'Log what tokenctl does on stderr (never a secret)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'tokenctl;webhook;test'= {
            cand --store 'Token store file (SQLite) [default: in your data directory]'
            cand --server 'Token server to use instead of the local store'
            cand --profile 'Saved login (server + user) to use [default: the last login]'
            cand --config 'Config file [default: config.toml in your config directory]'
            cand --jq 'Print what this jq filter selects from the JSON, strings bare (e.g. ''.[].name'')'
            cand --field 'Print one field of the JSON bare, a line per item of a list (e.g. id)'
            cand --json 'Print machine-readable JSON on stdout'
            cand -q 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
            cand --quiet 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
            cand --debug 'Log what tokenctl does on stderr (never a secret)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'tokenctl;webhook;deliveries'= {
            cand --webhook 'Only messages to this webhook'
            cand --message 'Only the message with this webhook-id (as the receiver logged it)'
            cand --limit 'Show at most N items [default: 1000]'
            cand --store 'Token store file (SQLite) [default: in your data directory]'
            cand --server 'Token server to use instead of the local store'
            cand --profile 'Saved login (server + user) to use [default: the last login]'
            cand --config 'Config file [default: config.toml in your config directory]'
            cand --jq 'Print what this jq filter selects from the JSON, strings bare (e.g. ''.[].name'')'
            cand --field 'Print one field of the JSON bare, a line per item of a list (e.g. id)'
            cand --failed 'Only messages not delivered whose last attempt failed'
            cand --all 'Show every item, however many (fetched a page at a time)'
            cand --jsonl 'Print one JSON object per line as they arrive (JSON Lines)'
            cand --json 'Print machine-readable JSON on stdout'
            cand -q 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
            cand --quiet 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
            cand --debug 'Log what tokenctl does on stderr (never a secret)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'tokenctl;webhook;help'= {
            cand list 'List webhooks (needs webhooks:manage)'
            cand add 'Add a webhook and print its signing secret once (needs webhooks:manage and a login session)'
            cand remove 'Remove a webhook (needs webhooks:manage and a login session)'
            cand test 'Send a webhook a test message and wait for its first attempt (needs webhooks:manage)'
            cand deliveries 'Show the messages sent to webhooks, and how sending each went (needs webhooks:manage)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'tokenctl;webhook;help;list'= {
        }
        &'tokenctl;webhook;help;add'= {
        }
        &'tokenctl;webhook;help;remove'= {
        }
        &'tokenctl;webhook;help;test'= {
        }
        &'tokenctl;webhook;help;deliveries'= {
        }
        &'tokenctl;webhook;help;help'= {
        }
        &'tokenctl;keys'= {
            cand --store 'Token store file (SQLite) [default: in your data directory]'
            cand --server 'Token server to use instead of the local store'
            cand --profile 'Saved login (server + user) to use [default: the last login]'
            cand --config 'Config file [default: config.toml in your config directory]'
            cand --jq 'Print what this jq filter selects from the JSON, strings bare (e.g. ''.[].name'')'
            cand --field 'Print one field of the JSON bare, a line per item of a list (e.g. id)'
            cand --json 'Print machine-readable JSON on stdout'
            cand -q 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
            cand --quiet 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
            cand --debug 'Log what tokenctl does on stderr (never a secret)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand list 'List the signing keys: the active one and the retired ones still published'
            cand ls 'List the signing keys: the active one and the retired ones still published'
            cand rotate 'Make a new key the signer; the old one keeps verifying what it signed'
            cand jwks 'Print the public JWK Set that verifies exchanged access tokens'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'tokenctl;keys;list'= {
            cand --store 'Token store file (SQLite) [default: in your data directory]'
            cand --server 'Token server to use instead of the local store'
            cand --profile 'Saved login (server + user) to use [default: the last login]'
            cand --config 'Config file [default: config.toml in your config directory]'
            cand --jq 'Print what this jq filter selects from the JSON, strings bare (e.g. ''.[].name'')'
            cand --field 'Print one field of the JSON bare, a line per item of a list (e.g. id)'
            cand --json 'Print machine-readable JSON on stdout'
            cand -q 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
            cand --quiet 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
            cand --debug 'Log what tokenctl does on stderr (never a secret)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'tokenctl;keys;ls'= {
            cand --store 'Token store file (SQLite) [default: in your data directory]'
            cand --server 'Token server to use instead of the local store'
            cand --profile 'Saved login (server + user) to use [default: the last login]'
            cand --config 'Config file [default: config.toml in your config directory]'
            cand --jq 'Print what this jq filter selects from the JSON, strings bare (e.g. ''.[].name'')'
            cand --field 'Print one field of the JSON bare, a line per item of a list (e.g. id)'
            cand --json 'Print machine-readable JSON on stdout'
            cand -q 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
            cand --quiet 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
            cand --debug 'Log what tokenctl does on stderr (never a secret)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'tokenctl;keys;rotate'= {
            cand --store 'Token store file (SQLite) [default: in your data directory]'
            cand --server 'Token server to use instead of the local store'
            cand --profile 'Saved login (server + user) to use [default: the last login]'
            cand --config 'Config file [default: config.toml in your config directory]'
            cand --jq 'Print what this jq filter selects from the JSON, strings bare (e.g. ''.[].name'')'
            cand --field 'Print one field of the JSON bare, a line per item of a list (e.g. id)'
            cand -y 'Do not ask for confirmation'
            cand --yes 'Do not ask for confirmation'
            cand --json 'Print machine-readable JSON on stdout'
            cand -q 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
            cand --quiet 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
            cand --debug 'Log what tokenctl does on stderr (never a secret)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'tokenctl;keys;jwks'= {
            cand --store 'Token store file (SQLite) [default: in your data directory]'
            cand --server 'Token server to use instead of the local store'
            cand --profile 'Saved login (server + user) to use [default: the last login]'
            cand --config 'Config file [default: config.toml in your config directory]'
            cand --jq 'Print what this jq filter selects from the JSON, strings bare (e.g. ''.[].name'')'
            cand --field 'Print one field of the JSON bare, a line per item of a list (e.g. id)'
            cand --json 'Print machine-readable JSON on stdout'
            cand -q 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
            cand --quiet 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
            cand --debug 'Log what tokenctl does on stderr (never a secret)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'tokenctl;keys;help'= {
            cand list 'List the signing keys: the active one and the retired ones still published'
            cand rotate 'Make a new key the signer; the old one keeps verifying what it signed'
            cand jwks 'Print the public JWK Set that verifies exchanged access tokens'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'tokenctl;keys;help;list'= {
        }
        &'tokenctl;keys;help;rotate'= {
        }
        &'tokenctl;keys;help;jwks'= {
        }
        &'tokenctl;keys;help;help'= {
        }
        &'tokenctl;oauth'= {
            cand --store 'Token store file (SQLite) [default: in your data directory]'
            cand --server 'Token server to use instead of the local store'
            cand --profile 'Saved login (server + user) to use [default: the last login]'
            cand --config 'Config file [default: config.toml in your config directory]'
            cand --jq 'Print what this jq filter selects from the JSON, strings bare (e.g. ''.[].name'')'
            cand --field 'Print one field of the JSON bare, a line per item of a list (e.g. id)'
            cand --json 'Print machine-readable JSON on stdout'
            cand -q 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
            cand --quiet 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
            cand --debug 'Log what tokenctl does on stderr (never a secret)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand add 'Add an OAuth2 token configuration for a provider'
            cand edit 'Change an OAuth2 token configuration'
            cand list 'List OAuth2 tokens and when they expire'
            cand ls 'List OAuth2 tokens and when they expire'
            cand show 'Show one OAuth2 token configuration (never its secrets)'
            cand remove 'Remove an OAuth2 token configuration and its secrets'
            cand rm 'Remove an OAuth2 token configuration and its secrets'
            cand request 'Obtain a new token from the provider (a new authorization)'
            cand refresh 'Renew the access token now, with the refresh token'
            cand token 'Print a valid access token, refreshing it first when it has expired'
            cand status 'Say which OAuth2 tokens need attention; for cron and monitoring'
            cand export 'Export OAuth2 token configurations as YAML (version 1)'
            cand import 'Import OAuth2 token configurations from YAML (an `oauth export`)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'tokenctl;oauth;add'= {
            cand --template 'Provider template; fixed once saved'
            cand --client-id 'The application''s client ID at the provider'
            cand --scope 'Scope to request; repeat for several [default: the template''s]'
            cand --validity 'How long a refresh token stays valid when the provider doesn''t say (e.g. 90d), or none'
            cand --notify 'Which expiries show a notice: expired-token, expired-refresh-token, or none [default: both]'
            cand --issuer 'OpenID Connect / RFC 8414 issuer to read the endpoints from'
            cand --auth-url 'Authorization endpoint (code + PKCE)'
            cand --token-url 'Token endpoint'
            cand --device-url 'Device authorization endpoint (RFC 8628)'
            cand --store 'Token store file (SQLite) [default: in your data directory]'
            cand --server 'Token server to use instead of the local store'
            cand --profile 'Saved login (server + user) to use [default: the last login]'
            cand --config 'Config file [default: config.toml in your config directory]'
            cand --jq 'Print what this jq filter selects from the JSON, strings bare (e.g. ''.[].name'')'
            cand --field 'Print one field of the JSON bare, a line per item of a list (e.g. id)'
            cand --public 'A public client: no client secret (PKCE or device grant)'
            cand --insecure-storage 'Keep the secrets in a 0600 file instead of the OS keyring'
            cand --json 'Print machine-readable JSON on stdout'
            cand -q 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
            cand --quiet 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
            cand --debug 'Log what tokenctl does on stderr (never a secret)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'tokenctl;oauth;edit'= {
            cand --template 'Must be the saved template: a template can''t be changed'
            cand --client-id 'New client ID'
            cand --scope 'Scope to request; repeat for several [default: the template''s]'
            cand --validity 'How long a refresh token stays valid when the provider doesn''t say (e.g. 90d), or none'
            cand --notify 'Which expiries show a notice: expired-token, expired-refresh-token, or none [default: both]'
            cand --issuer 'OpenID Connect / RFC 8414 issuer to read the endpoints from'
            cand --auth-url 'Authorization endpoint (code + PKCE)'
            cand --token-url 'Token endpoint'
            cand --device-url 'Device authorization endpoint (RFC 8628)'
            cand --store 'Token store file (SQLite) [default: in your data directory]'
            cand --server 'Token server to use instead of the local store'
            cand --profile 'Saved login (server + user) to use [default: the last login]'
            cand --config 'Config file [default: config.toml in your config directory]'
            cand --jq 'Print what this jq filter selects from the JSON, strings bare (e.g. ''.[].name'')'
            cand --field 'Print one field of the JSON bare, a line per item of a list (e.g. id)'
            cand --new-client-secret 'Replace the client secret (hidden prompt, or stdin''s first line)'
            cand --json 'Print machine-readable JSON on stdout'
            cand -q 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
            cand --quiet 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
            cand --debug 'Log what tokenctl does on stderr (never a secret)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'tokenctl;oauth;list'= {
            cand --store 'Token store file (SQLite) [default: in your data directory]'
            cand --server 'Token server to use instead of the local store'
            cand --profile 'Saved login (server + user) to use [default: the last login]'
            cand --config 'Config file [default: config.toml in your config directory]'
            cand --jq 'Print what this jq filter selects from the JSON, strings bare (e.g. ''.[].name'')'
            cand --field 'Print one field of the JSON bare, a line per item of a list (e.g. id)'
            cand --json 'Print machine-readable JSON on stdout'
            cand -q 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
            cand --quiet 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
            cand --debug 'Log what tokenctl does on stderr (never a secret)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'tokenctl;oauth;ls'= {
            cand --store 'Token store file (SQLite) [default: in your data directory]'
            cand --server 'Token server to use instead of the local store'
            cand --profile 'Saved login (server + user) to use [default: the last login]'
            cand --config 'Config file [default: config.toml in your config directory]'
            cand --jq 'Print what this jq filter selects from the JSON, strings bare (e.g. ''.[].name'')'
            cand --field 'Print one field of the JSON bare, a line per item of a list (e.g. id)'
            cand --json 'Print machine-readable JSON on stdout'
            cand -q 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
            cand --quiet 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
            cand --debug 'Log what tokenctl does on stderr (never a secret)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'tokenctl;oauth;show'= {
            cand --store 'Token store file (SQLite) [default: in your data directory]'
            cand --server 'Token server to use instead of the local store'
            cand --profile 'Saved login (server + user) to use [default: the last login]'
            cand --config 'Config file [default: config.toml in your config directory]'
            cand --jq 'Print what this jq filter selects from the JSON, strings bare (e.g. ''.[].name'')'
            cand --field 'Print one field of the JSON bare, a line per item of a list (e.g. id)'
            cand --json 'Print machine-readable JSON on stdout'
            cand -q 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
            cand --quiet 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
            cand --debug 'Log what tokenctl does on stderr (never a secret)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'tokenctl;oauth;remove'= {
            cand --store 'Token store file (SQLite) [default: in your data directory]'
            cand --server 'Token server to use instead of the local store'
            cand --profile 'Saved login (server + user) to use [default: the last login]'
            cand --config 'Config file [default: config.toml in your config directory]'
            cand --jq 'Print what this jq filter selects from the JSON, strings bare (e.g. ''.[].name'')'
            cand --field 'Print one field of the JSON bare, a line per item of a list (e.g. id)'
            cand -y 'Don''t ask for confirmation'
            cand --yes 'Don''t ask for confirmation'
            cand --json 'Print machine-readable JSON on stdout'
            cand -q 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
            cand --quiet 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
            cand --debug 'Log what tokenctl does on stderr (never a secret)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'tokenctl;oauth;rm'= {
            cand --store 'Token store file (SQLite) [default: in your data directory]'
            cand --server 'Token server to use instead of the local store'
            cand --profile 'Saved login (server + user) to use [default: the last login]'
            cand --config 'Config file [default: config.toml in your config directory]'
            cand --jq 'Print what this jq filter selects from the JSON, strings bare (e.g. ''.[].name'')'
            cand --field 'Print one field of the JSON bare, a line per item of a list (e.g. id)'
            cand -y 'Don''t ask for confirmation'
            cand --yes 'Don''t ask for confirmation'
            cand --json 'Print machine-readable JSON on stdout'
            cand -q 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
            cand --quiet 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
            cand --debug 'Log what tokenctl does on stderr (never a secret)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'tokenctl;oauth;request'= {
            cand --timeout 'How long to wait for the sign-in'
            cand --store 'Token store file (SQLite) [default: in your data directory]'
            cand --server 'Token server to use instead of the local store'
            cand --profile 'Saved login (server + user) to use [default: the last login]'
            cand --config 'Config file [default: config.toml in your config directory]'
            cand --jq 'Print what this jq filter selects from the JSON, strings bare (e.g. ''.[].name'')'
            cand --field 'Print one field of the JSON bare, a line per item of a list (e.g. id)'
            cand --device 'Device authorization grant: for machines without a browser'
            cand --client-credentials 'Client credentials grant: the application acts as itself'
            cand --json 'Print machine-readable JSON on stdout'
            cand -q 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
            cand --quiet 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
            cand --debug 'Log what tokenctl does on stderr (never a secret)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'tokenctl;oauth;refresh'= {
            cand --store 'Token store file (SQLite) [default: in your data directory]'
            cand --server 'Token server to use instead of the local store'
            cand --profile 'Saved login (server + user) to use [default: the last login]'
            cand --config 'Config file [default: config.toml in your config directory]'
            cand --jq 'Print what this jq filter selects from the JSON, strings bare (e.g. ''.[].name'')'
            cand --field 'Print one field of the JSON bare, a line per item of a list (e.g. id)'
            cand --json 'Print machine-readable JSON on stdout'
            cand -q 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
            cand --quiet 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
            cand --debug 'Log what tokenctl does on stderr (never a secret)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'tokenctl;oauth;token'= {
            cand --store 'Token store file (SQLite) [default: in your data directory]'
            cand --server 'Token server to use instead of the local store'
            cand --profile 'Saved login (server + user) to use [default: the last login]'
            cand --config 'Config file [default: config.toml in your config directory]'
            cand --jq 'Print what this jq filter selects from the JSON, strings bare (e.g. ''.[].name'')'
            cand --field 'Print one field of the JSON bare, a line per item of a list (e.g. id)'
            cand --json 'Print machine-readable JSON on stdout'
            cand -q 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
            cand --quiet 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
            cand --debug 'Log what tokenctl does on stderr (never a secret)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'tokenctl;oauth;status'= {
            cand --store 'Token store file (SQLite) [default: in your data directory]'
            cand --server 'Token server to use instead of the local store'
            cand --profile 'Saved login (server + user) to use [default: the last login]'
            cand --config 'Config file [default: config.toml in your config directory]'
            cand --jq 'Print what this jq filter selects from the JSON, strings bare (e.g. ''.[].name'')'
            cand --field 'Print one field of the JSON bare, a line per item of a list (e.g. id)'
            cand --json 'Print machine-readable JSON on stdout'
            cand -q 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
            cand --quiet 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
            cand --debug 'Log what tokenctl does on stderr (never a secret)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'tokenctl;oauth;export'= {
            cand -o 'Write to this file (created 0600) instead of stdout'
            cand --output 'Write to this file (created 0600) instead of stdout'
            cand --store 'Token store file (SQLite) [default: in your data directory]'
            cand --server 'Token server to use instead of the local store'
            cand --profile 'Saved login (server + user) to use [default: the last login]'
            cand --config 'Config file [default: config.toml in your config directory]'
            cand --jq 'Print what this jq filter selects from the JSON, strings bare (e.g. ''.[].name'')'
            cand --field 'Print one field of the JSON bare, a line per item of a list (e.g. id)'
            cand --include-secrets 'Include client secrets and tokens (the file then needs protecting)'
            cand --json 'Print machine-readable JSON on stdout'
            cand -q 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
            cand --quiet 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
            cand --debug 'Log what tokenctl does on stderr (never a secret)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'tokenctl;oauth;import'= {
            cand --store 'Token store file (SQLite) [default: in your data directory]'
            cand --server 'Token server to use instead of the local store'
            cand --profile 'Saved login (server + user) to use [default: the last login]'
            cand --config 'Config file [default: config.toml in your config directory]'
            cand --jq 'Print what this jq filter selects from the JSON, strings bare (e.g. ''.[].name'')'
            cand --field 'Print one field of the JSON bare, a line per item of a list (e.g. id)'
            cand --overwrite 'Replace saved entries of the same names'
            cand --insecure-storage 'Keep imported secrets in a 0600 file instead of the OS keyring'
            cand --json 'Print machine-readable JSON on stdout'
            cand -q 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
            cand --quiet 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
            cand --debug 'Log what tokenctl does on stderr (never a secret)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'tokenctl;oauth;help'= {
            cand add 'Add an OAuth2 token configuration for a provider'
            cand edit 'Change an OAuth2 token configuration'
            cand list 'List OAuth2 tokens and when they expire'
            cand show 'Show one OAuth2 token configuration (never its secrets)'
            cand remove 'Remove an OAuth2 token configuration and its secrets'
            cand request 'Obtain a new token from the provider (a new authorization)'
            cand refresh 'Renew the access token now, with the refresh token'
            cand token 'Print a valid access token, refreshing it first when it has expired'
            cand status 'Say which OAuth2 tokens need attention; for cron and monitoring'
            cand export 'Export OAuth2 token configurations as YAML (version 1)'
            cand import 'Import OAuth2 token configurations from YAML (an `oauth export`)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'tokenctl;oauth;help;add'= {
        }
        &'tokenctl;oauth;help;edit'= {
        }
        &'tokenctl;oauth;help;list'= {
        }
        &'tokenctl;oauth;help;show'= {
        }
        &'tokenctl;oauth;help;remove'= {
        }
        &'tokenctl;oauth;help;request'= {
        }
        &'tokenctl;oauth;help;refresh'= {
        }
        &'tokenctl;oauth;help;token'= {
        }
        &'tokenctl;oauth;help;status'= {
        }
        &'tokenctl;oauth;help;export'= {
        }
        &'tokenctl;oauth;help;import'= {
        }
        &'tokenctl;oauth;help;help'= {
        }
        &'tokenctl;completions'= {
            cand --store 'Token store file (SQLite) [default: in your data directory]'
            cand --server 'Token server to use instead of the local store'
            cand --profile 'Saved login (server + user) to use [default: the last login]'
            cand --config 'Config file [default: config.toml in your config directory]'
            cand --jq 'Print what this jq filter selects from the JSON, strings bare (e.g. ''.[].name'')'
            cand --field 'Print one field of the JSON bare, a line per item of a list (e.g. id)'
            cand --json 'Print machine-readable JSON on stdout'
            cand -q 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
            cand --quiet 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
            cand --debug 'Log what tokenctl does on stderr (never a secret)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'tokenctl;clipboard-hold'= {
            cand --clear-after-ms 'Clear after this many milliseconds; 0 holds until replaced'
            cand --store 'Token store file (SQLite) [default: in your data directory]'
            cand --server 'Token server to use instead of the local store'
            cand --profile 'Saved login (server + user) to use [default: the last login]'
            cand --config 'Config file [default: config.toml in your config directory]'
            cand --jq 'Print what this jq filter selects from the JSON, strings bare (e.g. ''.[].name'')'
            cand --field 'Print one field of the JSON bare, a line per item of a list (e.g. id)'
            cand --json 'Print machine-readable JSON on stdout'
            cand -q 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
            cand --quiet 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
            cand --debug 'Log what tokenctl does on stderr (never a secret)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'tokenctl;help'= {
            cand create 'Create a token and print its secret once'
            cand list 'List tokens'
            cand show 'Show one token'
            cand revoke 'Revoke tokens, immediately and permanently'
            cand regenerate 'Replace an active token''s secret and print the new one once'
            cand verify 'Check a token value read from stdin'
            cand exchange 'Exchange a token for a short-lived access token (JWT), e.g. in CI'
            cand scan 'Find leaked tokens in files, directories, stdin or staged changes'
            cand audit 'Show the audit log'
            cand login 'Log in to a token server'
            cand logout 'Log out: end the session on the server, then delete the stored copy'
            cand auth 'The credential tokenctl sends to the server, for scripts'
            cand whoami 'Show who tokenctl acts as, and what they may do'
            cand notices 'Say which of your tokens need attention; for cron and monitoring'
            cand status 'Show the backend in use, the user, and the session''s expiry and storage'
            cand 2fa 'Manage two-factor authentication (TOTP) for your server account'
            cand password 'Manage the password of your account'
            cand serve 'Boxed: its many flags would make every command this size'
            cand session 'See and end login sessions (yours, or with --user another user''s)'
            cand profile 'List, switch and remove saved logins (profiles)'
            cand role 'Manage roles (named sets of permissions)'
            cand user 'Manage users (accounts that own tokens)'
            cand trust 'Manage trust policies: CI jobs that may exchange their OIDC ID token'
            cand policy 'Show, change or check the token policy'
            cand webhook 'Manage webhooks: endpoints told of token and account events'
            cand keys 'Manage the signing keys (list and rotate need keys:manage)'
            cand oauth 'Manage OAuth2 tokens of third-party providers (Google, Microsoft, custom)'
            cand completions 'Print a shell completion script'
            cand clipboard-hold 'Holds a copied secret on the clipboard (started by create/regenerate)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'tokenctl;help;create'= {
        }
        &'tokenctl;help;list'= {
        }
        &'tokenctl;help;show'= {
        }
        &'tokenctl;help;revoke'= {
        }
        &'tokenctl;help;regenerate'= {
        }
        &'tokenctl;help;verify'= {
        }
        &'tokenctl;help;exchange'= {
        }
        &'tokenctl;help;scan'= {
        }
        &'tokenctl;help;audit'= {
            cand export 'Write the audit log as JSON Lines, for an archive or a log pipeline'
            cand prune 'Delete the audit entries from before a date (retention)'
        }
        &'tokenctl;help;audit;export'= {
        }
        &'tokenctl;help;audit;prune'= {
        }
        &'tokenctl;help;login'= {
        }
        &'tokenctl;help;logout'= {
        }
        &'tokenctl;help;auth'= {
            cand token 'Print the credential commands send to the server: TOKENCTL_TOKEN, else the session'
        }
        &'tokenctl;help;auth;token'= {
        }
        &'tokenctl;help;whoami'= {
        }
        &'tokenctl;help;notices'= {
        }
        &'tokenctl;help;status'= {
        }
        &'tokenctl;help;2fa'= {
            cand enable 'Turn on 2FA, or move it to a new authenticator'
            cand disable 'Turn off 2FA on your server account'
            cand status 'Show whether your server account has 2FA, and how many recovery codes are left'
        }
        &'tokenctl;help;2fa;enable'= {
        }
        &'tokenctl;help;2fa;disable'= {
        }
        &'tokenctl;help;2fa;status'= {
        }
        &'tokenctl;help;password'= {
            cand change 'Change the password of your account'
        }
        &'tokenctl;help;password;change'= {
        }
        &'tokenctl;help;serve'= {
        }
        &'tokenctl;help;session'= {
            cand list 'List active login sessions: yours, or another user''s with --user'
            cand revoke 'End a login session at once, or all of them with --all'
        }
        &'tokenctl;help;session;list'= {
        }
        &'tokenctl;help;session;revoke'= {
        }
        &'tokenctl;help;profile'= {
            cand list 'List the saved logins: server, user, session, and which one is current'
            cand use 'Make a saved login the current one: where commands go from now on'
            cand remove 'Forget a saved login: its session ends on the server, then the profile goes'
        }
        &'tokenctl;help;profile;list'= {
        }
        &'tokenctl;help;profile;use'= {
        }
        &'tokenctl;help;profile;remove'= {
        }
        &'tokenctl;help;role'= {
            cand list 'List roles and their permissions'
            cand show 'Show one role and what each of its permissions allows'
            cand add 'Add a custom role (needs users:manage)'
            cand edit 'Change a custom role''s permissions or description (needs users:manage)'
            cand remove 'Remove a custom role (needs users:manage)'
        }
        &'tokenctl;help;role;list'= {
        }
        &'tokenctl;help;role;show'= {
        }
        &'tokenctl;help;role;add'= {
        }
        &'tokenctl;help;role;edit'= {
        }
        &'tokenctl;help;role;remove'= {
        }
        &'tokenctl;help;user'= {
            cand list 'List users: role, email, 2FA, last login and status'
            cand add 'Add a user who can own tokens (needs users:manage)'
            cand disable 'Disable a user: their tokens stop working until they are enabled again'
            cand enable 'Enable a disabled user again'
            cand set-role 'Give a user another role (needs users:manage)'
            cand unlock 'Let a user log in again at once after failed logins (needs users:manage)'
            cand reset-password 'Set a new password for a user who lost theirs (needs users:manage)'
            cand reset-2fa 'Take 2FA off a user who lost their authenticator (needs users:manage)'
            cand edit 'Change a user''s details (needs users:manage)'
            cand remove 'Remove a user: their tokens are revoked and their sessions end (needs users:manage)'
        }
        &'tokenctl;help;user;list'= {
        }
        &'tokenctl;help;user;add'= {
        }
        &'tokenctl;help;user;disable'= {
        }
        &'tokenctl;help;user;enable'= {
        }
        &'tokenctl;help;user;set-role'= {
        }
        &'tokenctl;help;user;unlock'= {
        }
        &'tokenctl;help;user;reset-password'= {
        }
        &'tokenctl;help;user;reset-2fa'= {
        }
        &'tokenctl;help;user;edit'= {
        }
        &'tokenctl;help;user;remove'= {
        }
        &'tokenctl;help;trust'= {
            cand list 'List trust policies (needs trust:manage)'
            cand show 'Show one trust policy (needs trust:manage)'
            cand add 'Add a trust policy: CI jobs that may exchange their ID token (needs trust:manage)'
            cand remove 'Remove a trust policy (needs trust:manage and a login session)'
            cand test 'Explain, claim by claim, whether trust policies admit an ID token'
        }
        &'tokenctl;help;trust;list'= {
        }
        &'tokenctl;help;trust;show'= {
        }
        &'tokenctl;help;trust;add'= {
        }
        &'tokenctl;help;trust;remove'= {
        }
        &'tokenctl;help;trust;test'= {
        }
        &'tokenctl;help;policy'= {
            cand show 'Show the token policy in force'
            cand set 'Change the token policy (needs policy:manage and a login)'
            cand check 'List the tokens and users the token policy would not allow now'
        }
        &'tokenctl;help;policy;show'= {
        }
        &'tokenctl;help;policy;set'= {
        }
        &'tokenctl;help;policy;check'= {
        }
        &'tokenctl;help;webhook'= {
            cand list 'List webhooks (needs webhooks:manage)'
            cand add 'Add a webhook and print its signing secret once (needs webhooks:manage and a login session)'
            cand remove 'Remove a webhook (needs webhooks:manage and a login session)'
            cand test 'Send a webhook a test message and wait for its first attempt (needs webhooks:manage)'
            cand deliveries 'Show the messages sent to webhooks, and how sending each went (needs webhooks:manage)'
        }
        &'tokenctl;help;webhook;list'= {
        }
        &'tokenctl;help;webhook;add'= {
        }
        &'tokenctl;help;webhook;remove'= {
        }
        &'tokenctl;help;webhook;test'= {
        }
        &'tokenctl;help;webhook;deliveries'= {
        }
        &'tokenctl;help;keys'= {
            cand list 'List the signing keys: the active one and the retired ones still published'
            cand rotate 'Make a new key the signer; the old one keeps verifying what it signed'
            cand jwks 'Print the public JWK Set that verifies exchanged access tokens'
        }
        &'tokenctl;help;keys;list'= {
        }
        &'tokenctl;help;keys;rotate'= {
        }
        &'tokenctl;help;keys;jwks'= {
        }
        &'tokenctl;help;oauth'= {
            cand add 'Add an OAuth2 token configuration for a provider'
            cand edit 'Change an OAuth2 token configuration'
            cand list 'List OAuth2 tokens and when they expire'
            cand show 'Show one OAuth2 token configuration (never its secrets)'
            cand remove 'Remove an OAuth2 token configuration and its secrets'
            cand request 'Obtain a new token from the provider (a new authorization)'
            cand refresh 'Renew the access token now, with the refresh token'
            cand token 'Print a valid access token, refreshing it first when it has expired'
            cand status 'Say which OAuth2 tokens need attention; for cron and monitoring'
            cand export 'Export OAuth2 token configurations as YAML (version 1)'
            cand import 'Import OAuth2 token configurations from YAML (an `oauth export`)'
        }
        &'tokenctl;help;oauth;add'= {
        }
        &'tokenctl;help;oauth;edit'= {
        }
        &'tokenctl;help;oauth;list'= {
        }
        &'tokenctl;help;oauth;show'= {
        }
        &'tokenctl;help;oauth;remove'= {
        }
        &'tokenctl;help;oauth;request'= {
        }
        &'tokenctl;help;oauth;refresh'= {
        }
        &'tokenctl;help;oauth;token'= {
        }
        &'tokenctl;help;oauth;status'= {
        }
        &'tokenctl;help;oauth;export'= {
        }
        &'tokenctl;help;oauth;import'= {
        }
        &'tokenctl;help;completions'= {
        }
        &'tokenctl;help;clipboard-hold'= {
        }
        &'tokenctl;help;help'= {
        }
    ]
    $completions[$command]
}
