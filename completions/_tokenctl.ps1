
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'tokenctl' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'tokenctl'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'tokenctl' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Token store file (SQLite) [default: in your data directory]')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Token server to use instead of the local store')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Saved login (server + user) to use [default: the last login]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: config.toml in your config directory]')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Print what this jq filter selects from the JSON, strings bare (e.g. ''.[].name'')')
            [CompletionResult]::new('--field', '--field', [CompletionResultType]::ParameterName, 'Print one field of the JSON bare, a line per item of a list (e.g. id)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log what tokenctl does on stderr (never a secret)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a token and print its secret once')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List tokens')
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'List tokens')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one token')
            [CompletionResult]::new('revoke', 'revoke', [CompletionResultType]::ParameterValue, 'Revoke tokens, immediately and permanently')
            [CompletionResult]::new('rm', 'rm', [CompletionResultType]::ParameterValue, 'Revoke tokens, immediately and permanently')
            [CompletionResult]::new('regenerate', 'regenerate', [CompletionResultType]::ParameterValue, 'Replace an active token''s secret and print the new one once')
            [CompletionResult]::new('rotate', 'rotate', [CompletionResultType]::ParameterValue, 'Replace an active token''s secret and print the new one once')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Check a token value read from stdin')
            [CompletionResult]::new('exchange', 'exchange', [CompletionResultType]::ParameterValue, 'Exchange a token for a short-lived access token (JWT), e.g. in CI')
            [CompletionResult]::new('scan', 'scan', [CompletionResultType]::ParameterValue, 'Find leaked tokens in files, directories, stdin or staged changes')
            [CompletionResult]::new('audit', 'audit', [CompletionResultType]::ParameterValue, 'Show the audit log')
            [CompletionResult]::new('login', 'login', [CompletionResultType]::ParameterValue, 'Log in to a token server')
            [CompletionResult]::new('logout', 'logout', [CompletionResultType]::ParameterValue, 'Log out: end the session on the server, then delete the stored copy')
            [CompletionResult]::new('auth', 'auth', [CompletionResultType]::ParameterValue, 'The credential tokenctl sends to the server, for scripts')
            [CompletionResult]::new('whoami', 'whoami', [CompletionResultType]::ParameterValue, 'Show who tokenctl acts as, and what they may do')
            [CompletionResult]::new('notices', 'notices', [CompletionResultType]::ParameterValue, 'Say which of your tokens need attention; for cron and monitoring')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show the backend in use, the user, and the session''s expiry and storage')
            [CompletionResult]::new('2fa', '2fa', [CompletionResultType]::ParameterValue, 'Manage two-factor authentication (TOTP) for your server account')
            [CompletionResult]::new('password', 'password', [CompletionResultType]::ParameterValue, 'Manage the password of your account')
            [CompletionResult]::new('serve', 'serve', [CompletionResultType]::ParameterValue, 'Boxed: its many flags would make every command this size')
            [CompletionResult]::new('session', 'session', [CompletionResultType]::ParameterValue, 'See and end login sessions (yours, or with --user another user''s)')
            [CompletionResult]::new('profile', 'profile', [CompletionResultType]::ParameterValue, 'List, switch and remove saved logins (profiles)')
            [CompletionResult]::new('role', 'role', [CompletionResultType]::ParameterValue, 'Manage roles (named sets of permissions)')
            [CompletionResult]::new('user', 'user', [CompletionResultType]::ParameterValue, 'Manage users (accounts that own tokens)')
            [CompletionResult]::new('trust', 'trust', [CompletionResultType]::ParameterValue, 'Manage trust policies: CI jobs that may exchange their OIDC ID token')
            [CompletionResult]::new('policy', 'policy', [CompletionResultType]::ParameterValue, 'Show, change or check the token policy')
            [CompletionResult]::new('webhook', 'webhook', [CompletionResultType]::ParameterValue, 'Manage webhooks: endpoints told of token and account events')
            [CompletionResult]::new('keys', 'keys', [CompletionResultType]::ParameterValue, 'Manage the signing keys (list and rotate need keys:manage)')
            [CompletionResult]::new('oauth', 'oauth', [CompletionResultType]::ParameterValue, 'Manage OAuth2 tokens of third-party providers (Google, Microsoft, custom)')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('clipboard-hold', 'clipboard-hold', [CompletionResultType]::ParameterValue, 'Holds a copied secret on the clipboard (started by create/regenerate)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'tokenctl;create' {
            [CompletionResult]::new('--type', '--type', [CompletionResultType]::ParameterName, 'Kind of token: personal (a person''s PAT) or service (an integration)')
            [CompletionResult]::new('--role', '--role', [CompletionResultType]::ParameterName, 'Role whose permissions the token gets [default: the owner''s role]')
            [CompletionResult]::new('--expires', '--expires', [CompletionResultType]::ParameterName, 'When it expires: 30d, 12h, 2027-01-31 or never [default: 30d]')
            [CompletionResult]::new('--description', '--description', [CompletionResultType]::ParameterName, 'What the token is for')
            [CompletionResult]::new('--max-idle', '--max-idle', [CompletionResultType]::ParameterName, 'Stop working after this long unused, e.g. 90d (regenerate revives it)')
            [CompletionResult]::new('--allow-ip', '--allow-ip', [CompletionResultType]::ParameterName, 'Work only from these addresses: CIDR blocks or single addresses, IPv4 or IPv6 (repeat it, or separate them with commas)')
            [CompletionResult]::new('--for', '--for', [CompletionResultType]::ParameterName, 'Issue the token to another user (needs users:manage)')
            [CompletionResult]::new('--clipboard-clear-after', '--clipboard-clear-after', [CompletionResultType]::ParameterName, 'Clear the clipboard after this long; 0 keeps it [default: 45s]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Token store file (SQLite) [default: in your data directory]')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Token server to use instead of the local store')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Saved login (server + user) to use [default: the last login]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: config.toml in your config directory]')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Print what this jq filter selects from the JSON, strings bare (e.g. ''.[].name'')')
            [CompletionResult]::new('--field', '--field', [CompletionResultType]::ParameterName, 'Print one field of the JSON bare, a line per item of a list (e.g. id)')
            [CompletionResult]::new('--no-clipboard', '--no-clipboard', [CompletionResultType]::ParameterName, 'Don''t copy the new secret to the clipboard')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log what tokenctl does on stderr (never a secret)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'tokenctl;list' {
            [CompletionResult]::new('--status', '--status', [CompletionResultType]::ParameterName, 'Which tokens to show')
            [CompletionResult]::new('--expiring-within', '--expiring-within', [CompletionResultType]::ParameterName, 'Only active tokens that expire within this time, e.g. 7d')
            [CompletionResult]::new('--used-since', '--used-since', [CompletionResultType]::ParameterName, 'Only tokens used within this time, e.g. 7d')
            [CompletionResult]::new('--unused-for', '--unused-for', [CompletionResultType]::ParameterName, 'Only tokens unused (and not made) for at least this time, e.g. 90d')
            [CompletionResult]::new('--owner', '--owner', [CompletionResultType]::ParameterName, 'Only tokens owned by this user')
            [CompletionResult]::new('--type', '--type', [CompletionResultType]::ParameterName, 'Only tokens of this type (personal or service)')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'Show at most N items [default: 1000]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Token store file (SQLite) [default: in your data directory]')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Token server to use instead of the local store')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Saved login (server + user) to use [default: the last login]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: config.toml in your config directory]')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Print what this jq filter selects from the JSON, strings bare (e.g. ''.[].name'')')
            [CompletionResult]::new('--field', '--field', [CompletionResultType]::ParameterName, 'Print one field of the JSON bare, a line per item of a list (e.g. id)')
            [CompletionResult]::new('--fail-if-any', '--fail-if-any', [CompletionResultType]::ParameterName, 'Exit 1 when any token matches (for cron and CI checks)')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Show every item, however many (fetched a page at a time)')
            [CompletionResult]::new('--jsonl', '--jsonl', [CompletionResultType]::ParameterName, 'Print one JSON object per line as they arrive (JSON Lines)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log what tokenctl does on stderr (never a secret)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'tokenctl;ls' {
            [CompletionResult]::new('--status', '--status', [CompletionResultType]::ParameterName, 'Which tokens to show')
            [CompletionResult]::new('--expiring-within', '--expiring-within', [CompletionResultType]::ParameterName, 'Only active tokens that expire within this time, e.g. 7d')
            [CompletionResult]::new('--used-since', '--used-since', [CompletionResultType]::ParameterName, 'Only tokens used within this time, e.g. 7d')
            [CompletionResult]::new('--unused-for', '--unused-for', [CompletionResultType]::ParameterName, 'Only tokens unused (and not made) for at least this time, e.g. 90d')
            [CompletionResult]::new('--owner', '--owner', [CompletionResultType]::ParameterName, 'Only tokens owned by this user')
            [CompletionResult]::new('--type', '--type', [CompletionResultType]::ParameterName, 'Only tokens of this type (personal or service)')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'Show at most N items [default: 1000]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Token store file (SQLite) [default: in your data directory]')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Token server to use instead of the local store')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Saved login (server + user) to use [default: the last login]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: config.toml in your config directory]')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Print what this jq filter selects from the JSON, strings bare (e.g. ''.[].name'')')
            [CompletionResult]::new('--field', '--field', [CompletionResultType]::ParameterName, 'Print one field of the JSON bare, a line per item of a list (e.g. id)')
            [CompletionResult]::new('--fail-if-any', '--fail-if-any', [CompletionResultType]::ParameterName, 'Exit 1 when any token matches (for cron and CI checks)')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Show every item, however many (fetched a page at a time)')
            [CompletionResult]::new('--jsonl', '--jsonl', [CompletionResultType]::ParameterName, 'Print one JSON object per line as they arrive (JSON Lines)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log what tokenctl does on stderr (never a secret)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'tokenctl;show' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Token store file (SQLite) [default: in your data directory]')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Token server to use instead of the local store')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Saved login (server + user) to use [default: the last login]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: config.toml in your config directory]')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Print what this jq filter selects from the JSON, strings bare (e.g. ''.[].name'')')
            [CompletionResult]::new('--field', '--field', [CompletionResultType]::ParameterName, 'Print one field of the JSON bare, a line per item of a list (e.g. id)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log what tokenctl does on stderr (never a secret)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'tokenctl;revoke' {
            [CompletionResult]::new('--reason', '--reason', [CompletionResultType]::ParameterName, 'Why, in one line: kept in the audit entry and the webhook payload')
            [CompletionResult]::new('--owner', '--owner', [CompletionResultType]::ParameterName, 'With --all: revoke every active token of this user')
            [CompletionResult]::new('--type', '--type', [CompletionResultType]::ParameterName, 'With --owner --all: only tokens of this type (personal or service)')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Token store file (SQLite) [default: in your data directory]')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Token server to use instead of the local store')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Saved login (server + user) to use [default: the last login]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: config.toml in your config directory]')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Print what this jq filter selects from the JSON, strings bare (e.g. ''.[].name'')')
            [CompletionResult]::new('--field', '--field', [CompletionResultType]::ParameterName, 'Print one field of the JSON bare, a line per item of a list (e.g. id)')
            [CompletionResult]::new('--stdin', '--stdin', [CompletionResultType]::ParameterName, 'Revoke every token value (secret) found in the text on stdin')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'With --owner: every active token of theirs, not named one by one')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask for confirmation')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask for confirmation')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log what tokenctl does on stderr (never a secret)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'tokenctl;rm' {
            [CompletionResult]::new('--reason', '--reason', [CompletionResultType]::ParameterName, 'Why, in one line: kept in the audit entry and the webhook payload')
            [CompletionResult]::new('--owner', '--owner', [CompletionResultType]::ParameterName, 'With --all: revoke every active token of this user')
            [CompletionResult]::new('--type', '--type', [CompletionResultType]::ParameterName, 'With --owner --all: only tokens of this type (personal or service)')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Token store file (SQLite) [default: in your data directory]')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Token server to use instead of the local store')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Saved login (server + user) to use [default: the last login]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: config.toml in your config directory]')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Print what this jq filter selects from the JSON, strings bare (e.g. ''.[].name'')')
            [CompletionResult]::new('--field', '--field', [CompletionResultType]::ParameterName, 'Print one field of the JSON bare, a line per item of a list (e.g. id)')
            [CompletionResult]::new('--stdin', '--stdin', [CompletionResultType]::ParameterName, 'Revoke every token value (secret) found in the text on stdin')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'With --owner: every active token of theirs, not named one by one')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask for confirmation')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask for confirmation')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log what tokenctl does on stderr (never a secret)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'tokenctl;regenerate' {
            [CompletionResult]::new('--grace', '--grace', [CompletionResultType]::ParameterName, 'Keep the old secret working this long, e.g. 10m (at most 7d)')
            [CompletionResult]::new('--expires', '--expires', [CompletionResultType]::ParameterName, 'A new expiry: a duration (90d), a date (2027-01-31) or ''never''')
            [CompletionResult]::new('--clipboard-clear-after', '--clipboard-clear-after', [CompletionResultType]::ParameterName, 'Clear the clipboard after this long; 0 keeps it [default: 45s]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Token store file (SQLite) [default: in your data directory]')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Token server to use instead of the local store')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Saved login (server + user) to use [default: the last login]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: config.toml in your config directory]')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Print what this jq filter selects from the JSON, strings bare (e.g. ''.[].name'')')
            [CompletionResult]::new('--field', '--field', [CompletionResultType]::ParameterName, 'Print one field of the JSON bare, a line per item of a list (e.g. id)')
            [CompletionResult]::new('--self', '--self', [CompletionResultType]::ParameterName, 'Regenerate the token this command authenticates with (TOKENCTL_TOKEN)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask for confirmation')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask for confirmation')
            [CompletionResult]::new('--no-clipboard', '--no-clipboard', [CompletionResultType]::ParameterName, 'Don''t copy the new secret to the clipboard')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log what tokenctl does on stderr (never a secret)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'tokenctl;rotate' {
            [CompletionResult]::new('--grace', '--grace', [CompletionResultType]::ParameterName, 'Keep the old secret working this long, e.g. 10m (at most 7d)')
            [CompletionResult]::new('--expires', '--expires', [CompletionResultType]::ParameterName, 'A new expiry: a duration (90d), a date (2027-01-31) or ''never''')
            [CompletionResult]::new('--clipboard-clear-after', '--clipboard-clear-after', [CompletionResultType]::ParameterName, 'Clear the clipboard after this long; 0 keeps it [default: 45s]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Token store file (SQLite) [default: in your data directory]')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Token server to use instead of the local store')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Saved login (server + user) to use [default: the last login]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: config.toml in your config directory]')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Print what this jq filter selects from the JSON, strings bare (e.g. ''.[].name'')')
            [CompletionResult]::new('--field', '--field', [CompletionResultType]::ParameterName, 'Print one field of the JSON bare, a line per item of a list (e.g. id)')
            [CompletionResult]::new('--self', '--self', [CompletionResultType]::ParameterName, 'Regenerate the token this command authenticates with (TOKENCTL_TOKEN)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask for confirmation')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask for confirmation')
            [CompletionResult]::new('--no-clipboard', '--no-clipboard', [CompletionResultType]::ParameterName, 'Don''t copy the new secret to the clipboard')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log what tokenctl does on stderr (never a secret)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'tokenctl;verify' {
            [CompletionResult]::new('--audience', '--audience', [CompletionResultType]::ParameterName, 'The audience an access token must be for [default: its issuer]')
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'Check it as used from this address, against its allow-list (a local store only; a server checks the address it sees)')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Token store file (SQLite) [default: in your data directory]')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Token server to use instead of the local store')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Saved login (server + user) to use [default: the last login]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: config.toml in your config directory]')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Print what this jq filter selects from the JSON, strings bare (e.g. ''.[].name'')')
            [CompletionResult]::new('--field', '--field', [CompletionResultType]::ParameterName, 'Print one field of the JSON bare, a line per item of a list (e.g. id)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log what tokenctl does on stderr (never a secret)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'tokenctl;exchange' {
            [CompletionResult]::new('--ttl', '--ttl', [CompletionResultType]::ParameterName, 'Lifetime of the access token [default: 15m]; the server may shorten it (its maximum, the subject''s own expiry), and says so on stderr')
            [CompletionResult]::new('--scope', '--scope', [CompletionResultType]::ParameterName, 'Permission the access token gets (repeatable) [default: all of the subject''s]')
            [CompletionResult]::new('--audience', '--audience', [CompletionResultType]::ParameterName, 'Who the access token is for [default: the issuing server]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'How to print the access token [default: raw]')
            [CompletionResult]::new('--oidc', '--oidc', [CompletionResultType]::ParameterName, 'Exchange this CI job''s ID token: github asks GitHub Actions for one (the job needs `permissions: id-token: write`); gitlab reads TOKENCTL_ID_TOKEN (declared under the job''s `id_tokens:`)')
            [CompletionResult]::new('--oidc-audience', '--oidc-audience', [CompletionResultType]::ParameterName, 'The audience GitHub mints the ID token for: the trust policy''s --audience [default: the server URL]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Token store file (SQLite) [default: in your data directory]')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Token server to use instead of the local store')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Saved login (server + user) to use [default: the last login]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: config.toml in your config directory]')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Print what this jq filter selects from the JSON, strings bare (e.g. ''.[].name'')')
            [CompletionResult]::new('--field', '--field', [CompletionResultType]::ParameterName, 'Print one field of the JSON bare, a line per item of a list (e.g. id)')
            [CompletionResult]::new('--strict-ttl', '--strict-ttl', [CompletionResultType]::ParameterName, 'Refuse, instead of shortening, a --ttl the server cannot give in full')
            [CompletionResult]::new('--token-stdin', '--token-stdin', [CompletionResultType]::ParameterName, 'Read the token to exchange from stdin (one line)')
            [CompletionResult]::new('--id-token-stdin', '--id-token-stdin', [CompletionResultType]::ParameterName, 'Read an OpenID Connect ID token (a JWT) from stdin and exchange it')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log what tokenctl does on stderr (never a secret)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'tokenctl;scan' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Token store file (SQLite) [default: in your data directory]')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Token server to use instead of the local store')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Saved login (server + user) to use [default: the last login]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: config.toml in your config directory]')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Print what this jq filter selects from the JSON, strings bare (e.g. ''.[].name'')')
            [CompletionResult]::new('--field', '--field', [CompletionResultType]::ParameterName, 'Print one field of the JSON bare, a line per item of a list (e.g. id)')
            [CompletionResult]::new('--staged', '--staged', [CompletionResultType]::ParameterName, 'Scan the staged changes of the git repository here (what a commit would record)')
            [CompletionResult]::new('--revoke', '--revoke', [CompletionResultType]::ParameterName, 'Revoke every active token found (asks first on a terminal)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'With --revoke: do not ask for confirmation')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'With --revoke: do not ask for confirmation')
            [CompletionResult]::new('-L', '-L ', [CompletionResultType]::ParameterName, 'Follow symbolic links (a loop is reported, not followed)')
            [CompletionResult]::new('--follow', '--follow', [CompletionResultType]::ParameterName, 'Follow symbolic links (a loop is reported, not followed)')
            [CompletionResult]::new('--no-ignore', '--no-ignore', [CompletionResultType]::ParameterName, 'Also scan files that .gitignore and .ignore files exclude')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log what tokenctl does on stderr (never a secret)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'tokenctl;audit' {
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Only entries about this token (ID or name), and those it made')
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'Only entries newer than this, e.g. 24h or 7d')
            [CompletionResult]::new('--until', '--until', [CompletionResultType]::ParameterName, 'Only entries older than this, e.g. 30d')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Only entries made by this user')
            [CompletionResult]::new('--action', '--action', [CompletionResultType]::ParameterName, 'Only entries of this action, e.g. token.revoke')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'Show at most N items [default: 1000]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Token store file (SQLite) [default: in your data directory]')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Token server to use instead of the local store')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Saved login (server + user) to use [default: the last login]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: config.toml in your config directory]')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Print what this jq filter selects from the JSON, strings bare (e.g. ''.[].name'')')
            [CompletionResult]::new('--field', '--field', [CompletionResultType]::ParameterName, 'Print one field of the JSON bare, a line per item of a list (e.g. id)')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Show every item, however many (fetched a page at a time)')
            [CompletionResult]::new('--jsonl', '--jsonl', [CompletionResultType]::ParameterName, 'Print one JSON object per line as they arrive (JSON Lines)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log what tokenctl does on stderr (never a secret)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Write the audit log as JSON Lines, for an archive or a log pipeline')
            [CompletionResult]::new('prune', 'prune', [CompletionResultType]::ParameterValue, 'Delete the audit entries from before a date (retention)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'tokenctl;audit;export' {
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Only entries about this token (ID or name), and those it made')
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'Only entries newer than this, e.g. 24h or 7d')
            [CompletionResult]::new('--until', '--until', [CompletionResultType]::ParameterName, 'Only entries older than this, e.g. 30d')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Only entries made by this user')
            [CompletionResult]::new('--action', '--action', [CompletionResultType]::ParameterName, 'Only entries of this action, e.g. token.revoke')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Token store file (SQLite) [default: in your data directory]')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Token server to use instead of the local store')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Saved login (server + user) to use [default: the last login]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: config.toml in your config directory]')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Print what this jq filter selects from the JSON, strings bare (e.g. ''.[].name'')')
            [CompletionResult]::new('--field', '--field', [CompletionResultType]::ParameterName, 'Print one field of the JSON bare, a line per item of a list (e.g. id)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log what tokenctl does on stderr (never a secret)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'tokenctl;audit;prune' {
            [CompletionResult]::new('--before', '--before', [CompletionResultType]::ParameterName, 'Delete the entries older than this: a duration ago (400d), a date (2026-01-01) or an RFC 3339 time')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Token store file (SQLite) [default: in your data directory]')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Token server to use instead of the local store')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Saved login (server + user) to use [default: the last login]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: config.toml in your config directory]')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Print what this jq filter selects from the JSON, strings bare (e.g. ''.[].name'')')
            [CompletionResult]::new('--field', '--field', [CompletionResultType]::ParameterName, 'Print one field of the JSON bare, a line per item of a list (e.g. id)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask for confirmation')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask for confirmation')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log what tokenctl does on stderr (never a secret)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'tokenctl;audit;help' {
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Write the audit log as JSON Lines, for an archive or a log pipeline')
            [CompletionResult]::new('prune', 'prune', [CompletionResultType]::ParameterValue, 'Delete the audit entries from before a date (retention)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'tokenctl;audit;help;export' {
            break
        }
        'tokenctl;audit;help;prune' {
            break
        }
        'tokenctl;audit;help;help' {
            break
        }
        'tokenctl;login' {
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'Account name [default: your OS user name]')
            [CompletionResult]::new('--username', '--username', [CompletionResultType]::ParameterName, 'Account name [default: your OS user name]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Token store file (SQLite) [default: in your data directory]')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Token server to use instead of the local store')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Saved login (server + user) to use [default: the last login]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: config.toml in your config directory]')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Print what this jq filter selects from the JSON, strings bare (e.g. ''.[].name'')')
            [CompletionResult]::new('--field', '--field', [CompletionResultType]::ParameterName, 'Print one field of the JSON bare, a line per item of a list (e.g. id)')
            [CompletionResult]::new('--password-stdin', '--password-stdin', [CompletionResultType]::ParameterName, 'Read the password, then a 2FA code and a new password when asked, from lines of stdin')
            [CompletionResult]::new('--insecure-storage', '--insecure-storage', [CompletionResultType]::ParameterName, 'Keep the session in a 0600 file instead of the OS keyring')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log what tokenctl does on stderr (never a secret)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'tokenctl;logout' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Token store file (SQLite) [default: in your data directory]')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Token server to use instead of the local store')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Saved login (server + user) to use [default: the last login]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: config.toml in your config directory]')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Print what this jq filter selects from the JSON, strings bare (e.g. ''.[].name'')')
            [CompletionResult]::new('--field', '--field', [CompletionResultType]::ParameterName, 'Print one field of the JSON bare, a line per item of a list (e.g. id)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log what tokenctl does on stderr (never a secret)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'tokenctl;auth' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Token store file (SQLite) [default: in your data directory]')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Token server to use instead of the local store')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Saved login (server + user) to use [default: the last login]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: config.toml in your config directory]')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Print what this jq filter selects from the JSON, strings bare (e.g. ''.[].name'')')
            [CompletionResult]::new('--field', '--field', [CompletionResultType]::ParameterName, 'Print one field of the JSON bare, a line per item of a list (e.g. id)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log what tokenctl does on stderr (never a secret)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('token', 'token', [CompletionResultType]::ParameterValue, 'Print the credential commands send to the server: TOKENCTL_TOKEN, else the session')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'tokenctl;auth;token' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Token store file (SQLite) [default: in your data directory]')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Token server to use instead of the local store')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Saved login (server + user) to use [default: the last login]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: config.toml in your config directory]')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Print what this jq filter selects from the JSON, strings bare (e.g. ''.[].name'')')
            [CompletionResult]::new('--field', '--field', [CompletionResultType]::ParameterName, 'Print one field of the JSON bare, a line per item of a list (e.g. id)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log what tokenctl does on stderr (never a secret)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'tokenctl;auth;help' {
            [CompletionResult]::new('token', 'token', [CompletionResultType]::ParameterValue, 'Print the credential commands send to the server: TOKENCTL_TOKEN, else the session')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'tokenctl;auth;help;token' {
            break
        }
        'tokenctl;auth;help;help' {
            break
        }
        'tokenctl;whoami' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Token store file (SQLite) [default: in your data directory]')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Token server to use instead of the local store')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Saved login (server + user) to use [default: the last login]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: config.toml in your config directory]')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Print what this jq filter selects from the JSON, strings bare (e.g. ''.[].name'')')
            [CompletionResult]::new('--field', '--field', [CompletionResultType]::ParameterName, 'Print one field of the JSON bare, a line per item of a list (e.g. id)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log what tokenctl does on stderr (never a secret)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'tokenctl;notices' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Token store file (SQLite) [default: in your data directory]')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Token server to use instead of the local store')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Saved login (server + user) to use [default: the last login]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: config.toml in your config directory]')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Print what this jq filter selects from the JSON, strings bare (e.g. ''.[].name'')')
            [CompletionResult]::new('--field', '--field', [CompletionResultType]::ParameterName, 'Print one field of the JSON bare, a line per item of a list (e.g. id)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log what tokenctl does on stderr (never a secret)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'tokenctl;status' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Token store file (SQLite) [default: in your data directory]')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Token server to use instead of the local store')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Saved login (server + user) to use [default: the last login]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: config.toml in your config directory]')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Print what this jq filter selects from the JSON, strings bare (e.g. ''.[].name'')')
            [CompletionResult]::new('--field', '--field', [CompletionResultType]::ParameterName, 'Print one field of the JSON bare, a line per item of a list (e.g. id)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log what tokenctl does on stderr (never a secret)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'tokenctl;2fa' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Token store file (SQLite) [default: in your data directory]')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Token server to use instead of the local store')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Saved login (server + user) to use [default: the last login]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: config.toml in your config directory]')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Print what this jq filter selects from the JSON, strings bare (e.g. ''.[].name'')')
            [CompletionResult]::new('--field', '--field', [CompletionResultType]::ParameterName, 'Print one field of the JSON bare, a line per item of a list (e.g. id)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log what tokenctl does on stderr (never a secret)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('enable', 'enable', [CompletionResultType]::ParameterValue, 'Turn on 2FA, or move it to a new authenticator')
            [CompletionResult]::new('disable', 'disable', [CompletionResultType]::ParameterValue, 'Turn off 2FA on your server account')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show whether your server account has 2FA, and how many recovery codes are left')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'tokenctl;2fa;enable' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Token store file (SQLite) [default: in your data directory]')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Token server to use instead of the local store')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Saved login (server + user) to use [default: the last login]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: config.toml in your config directory]')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Print what this jq filter selects from the JSON, strings bare (e.g. ''.[].name'')')
            [CompletionResult]::new('--field', '--field', [CompletionResultType]::ParameterName, 'Print one field of the JSON bare, a line per item of a list (e.g. id)')
            [CompletionResult]::new('--code-stdin', '--code-stdin', [CompletionResultType]::ParameterName, 'Read the codes from stdin, one line each')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log what tokenctl does on stderr (never a secret)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'tokenctl;2fa;disable' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Token store file (SQLite) [default: in your data directory]')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Token server to use instead of the local store')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Saved login (server + user) to use [default: the last login]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: config.toml in your config directory]')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Print what this jq filter selects from the JSON, strings bare (e.g. ''.[].name'')')
            [CompletionResult]::new('--field', '--field', [CompletionResultType]::ParameterName, 'Print one field of the JSON bare, a line per item of a list (e.g. id)')
            [CompletionResult]::new('--code-stdin', '--code-stdin', [CompletionResultType]::ParameterName, 'Read the code (or a recovery code) from the first line of stdin')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log what tokenctl does on stderr (never a secret)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'tokenctl;2fa;status' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Token store file (SQLite) [default: in your data directory]')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Token server to use instead of the local store')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Saved login (server + user) to use [default: the last login]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: config.toml in your config directory]')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Print what this jq filter selects from the JSON, strings bare (e.g. ''.[].name'')')
            [CompletionResult]::new('--field', '--field', [CompletionResultType]::ParameterName, 'Print one field of the JSON bare, a line per item of a list (e.g. id)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log what tokenctl does on stderr (never a secret)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'tokenctl;2fa;help' {
            [CompletionResult]::new('enable', 'enable', [CompletionResultType]::ParameterValue, 'Turn on 2FA, or move it to a new authenticator')
            [CompletionResult]::new('disable', 'disable', [CompletionResultType]::ParameterValue, 'Turn off 2FA on your server account')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show whether your server account has 2FA, and how many recovery codes are left')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'tokenctl;2fa;help;enable' {
            break
        }
        'tokenctl;2fa;help;disable' {
            break
        }
        'tokenctl;2fa;help;status' {
            break
        }
        'tokenctl;2fa;help;help' {
            break
        }
        'tokenctl;password' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Token store file (SQLite) [default: in your data directory]')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Token server to use instead of the local store')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Saved login (server + user) to use [default: the last login]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: config.toml in your config directory]')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Print what this jq filter selects from the JSON, strings bare (e.g. ''.[].name'')')
            [CompletionResult]::new('--field', '--field', [CompletionResultType]::ParameterName, 'Print one field of the JSON bare, a line per item of a list (e.g. id)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log what tokenctl does on stderr (never a secret)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('change', 'change', [CompletionResultType]::ParameterValue, 'Change the password of your account')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'tokenctl;password;change' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Token store file (SQLite) [default: in your data directory]')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Token server to use instead of the local store')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Saved login (server + user) to use [default: the last login]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: config.toml in your config directory]')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Print what this jq filter selects from the JSON, strings bare (e.g. ''.[].name'')')
            [CompletionResult]::new('--field', '--field', [CompletionResultType]::ParameterName, 'Print one field of the JSON bare, a line per item of a list (e.g. id)')
            [CompletionResult]::new('--password-stdin', '--password-stdin', [CompletionResultType]::ParameterName, 'Read the current password and the new one from the first two lines of stdin')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log what tokenctl does on stderr (never a secret)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'tokenctl;password;help' {
            [CompletionResult]::new('change', 'change', [CompletionResultType]::ParameterValue, 'Change the password of your account')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'tokenctl;password;help;change' {
            break
        }
        'tokenctl;password;help;help' {
            break
        }
        'tokenctl;serve' {
            [CompletionResult]::new('--listen', '--listen', [CompletionResultType]::ParameterName, 'Address to listen on (port 0 picks a free port)')
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'sqlite:PATH or postgres://… [default: the store named by --store, else sqlite:<data dir>/server.db]')
            [CompletionResult]::new('--trusted-proxy', '--trusted-proxy', [CompletionResultType]::ParameterName, 'Believe the client address these proxies (CIDR blocks, repeatable or comma-separated) write in --proxy-header: the rightmost hop that is not one of them is the client, for allow-lists, the login limit and the audit log; their connections count only toward --max-connections [default: none; the socket''s peer is the client]')
            [CompletionResult]::new('--proxy-header', '--proxy-header', [CompletionResultType]::ParameterName, 'The header the trusted proxies write the client''s address in; only this one is read')
            [CompletionResult]::new('--metrics-listen', '--metrics-listen', [CompletionResultType]::ParameterName, 'Serve /metrics on this address only (plain HTTP, for a private network), not with the API [default: with the API]')
            [CompletionResult]::new('--signing-key', '--signing-key', [CompletionResultType]::ParameterName, 'Signing key set (JSON, or a bare Ed25519 PKCS#8 key); created if missing [default: <data dir>/signing-keys.json]')
            [CompletionResult]::new('--init-admin', '--init-admin', [CompletionResultType]::ParameterName, 'Create this admin account if the store has no users yet')
            [CompletionResult]::new('--init-admin-password-file', '--init-admin-password-file', [CompletionResultType]::ParameterName, 'The first admin''s password: first line of FILE, or of stdin with -')
            [CompletionResult]::new('--tls-cert', '--tls-cert', [CompletionResultType]::ParameterName, 'Serve HTTPS with this certificate chain (PEM); needs --tls-key')
            [CompletionResult]::new('--tls-key', '--tls-key', [CompletionResultType]::ParameterName, 'Private key (PEM) for --tls-cert')
            [CompletionResult]::new('--login-attempts-per-minute', '--login-attempts-per-minute', [CompletionResultType]::ParameterName, 'Login attempts allowed per client address per minute')
            [CompletionResult]::new('--exchanges-per-minute', '--exchanges-per-minute', [CompletionResultType]::ParameterName, 'Token exchanges (POST /oauth2/token, GET /api/personalaccesstoken/getAuthenticationToken) allowed per credential per minute: a token, or one person''s sessions. Each writes an audit entry. 0: no limit')
            [CompletionResult]::new('--issuer', '--issuer', [CompletionResultType]::ParameterName, '`iss` of the access tokens this server issues, and their default audience; replicas behind one name must share it [default: the URL this server listens on]')
            [CompletionResult]::new('--audience', '--audience', [CompletionResultType]::ParameterName, 'Another audience `tokenctl exchange --audience` may ask for (repeatable)')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Longest a request may take, sending it included; a slower one is answered 408')
            [CompletionResult]::new('--leak-keys', '--leak-keys', [CompletionResultType]::ParameterName, 'Take GitHub''s secret scanning reports at POST /v1/leaks/github, verified with the keys at this URL or in this file (GitHub''s format: https://api.github.com/meta/public_keys/secret_scanning)')
            [CompletionResult]::new('--expiry-notices', '--expiry-notices', [CompletionResultType]::ParameterName, 'How long before a token expires its owner hears of it (token.expiring to webhooks; comma-separated), then token.expired when it lapses; each sent once per token, by whichever replica gets there first')
            [CompletionResult]::new('--smtp', '--smtp', [CompletionResultType]::ParameterName, 'Also mail expiry and leak notices to each token''s owner (their `user add|edit --email`) through this relay: smtps://host[:465] (TLS) or smtp://[user@]host[:587] (STARTTLS; plain only to a relay on loopback). The relay''s password: TOKENCTL_SMTP_PASSWORD')
            [CompletionResult]::new('--smtp-from', '--smtp-from', [CompletionResultType]::ParameterName, 'The From address of notice mails, e.g. "tokenctl <tokens@example.com>"')
            [CompletionResult]::new('--max-exchange-ttl', '--max-exchange-ttl', [CompletionResultType]::ParameterName, 'Longest lifetime of an exchanged access token (at most 24h)')
            [CompletionResult]::new('--header-timeout', '--header-timeout', [CompletionResultType]::ParameterName, 'Longest a client may take to send a request''s headers (and, on a new connection, its first request); idle connections close after it')
            [CompletionResult]::new('--max-connections', '--max-connections', [CompletionResultType]::ParameterName, 'Connections held at once; more are refused with 503 [default: the open-file limit, raised to its maximum, less 128 for the store]')
            [CompletionResult]::new('--max-connections-per-address', '--max-connections-per-address', [CompletionResultType]::ParameterName, 'Connections held at once from one client address')
            [CompletionResult]::new('--login-concurrency', '--login-concurrency', [CompletionResultType]::ParameterName, 'Password hashes (logins, new accounts) run at once, off the request workers [default: half the CPU cores, at least 1]')
            [CompletionResult]::new('--login-queue', '--login-queue', [CompletionResultType]::ParameterName, 'Logins waiting for a hash beyond those running; more are refused with 503 and Retry-After')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Token store file (SQLite) [default: in your data directory]')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Token server to use instead of the local store')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Saved login (server + user) to use [default: the last login]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: config.toml in your config directory]')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Print what this jq filter selects from the JSON, strings bare (e.g. ''.[].name'')')
            [CompletionResult]::new('--field', '--field', [CompletionResultType]::ParameterName, 'Print one field of the JSON bare, a line per item of a list (e.g. id)')
            [CompletionResult]::new('--access-log', '--access-log', [CompletionResultType]::ParameterName, 'One line per request on stdout: time, client address, method, path, status, duration and the credential''s token id, hint or session — never a secret, a header or a body')
            [CompletionResult]::new('--require-2fa', '--require-2fa', [CompletionResultType]::ParameterName, 'Every account needs 2FA: a login without a code may only set it up (tokenctl 2fa enable), and tokens are created only from a session opened with a code')
            [CompletionResult]::new('--allow-private-webhooks', '--allow-private-webhooks', [CompletionResultType]::ParameterName, 'Let webhooks point at private addresses (loopback, 10/8, 192.168/16, link-local, fc00::/7…) and use plain http: only for receivers inside your own network')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log what tokenctl does on stderr (never a secret)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'tokenctl;session' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Token store file (SQLite) [default: in your data directory]')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Token server to use instead of the local store')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Saved login (server + user) to use [default: the last login]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: config.toml in your config directory]')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Print what this jq filter selects from the JSON, strings bare (e.g. ''.[].name'')')
            [CompletionResult]::new('--field', '--field', [CompletionResultType]::ParameterName, 'Print one field of the JSON bare, a line per item of a list (e.g. id)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log what tokenctl does on stderr (never a secret)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List active login sessions: yours, or another user''s with --user')
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'List active login sessions: yours, or another user''s with --user')
            [CompletionResult]::new('revoke', 'revoke', [CompletionResultType]::ParameterValue, 'End a login session at once, or all of them with --all')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'tokenctl;session;list' {
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Whose sessions (default: yours)')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Token store file (SQLite) [default: in your data directory]')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Token server to use instead of the local store')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Saved login (server + user) to use [default: the last login]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: config.toml in your config directory]')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Print what this jq filter selects from the JSON, strings bare (e.g. ''.[].name'')')
            [CompletionResult]::new('--field', '--field', [CompletionResultType]::ParameterName, 'Print one field of the JSON bare, a line per item of a list (e.g. id)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log what tokenctl does on stderr (never a secret)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'tokenctl;session;ls' {
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Whose sessions (default: yours)')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Token store file (SQLite) [default: in your data directory]')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Token server to use instead of the local store')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Saved login (server + user) to use [default: the last login]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: config.toml in your config directory]')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Print what this jq filter selects from the JSON, strings bare (e.g. ''.[].name'')')
            [CompletionResult]::new('--field', '--field', [CompletionResultType]::ParameterName, 'Print one field of the JSON bare, a line per item of a list (e.g. id)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log what tokenctl does on stderr (never a secret)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'tokenctl;session;revoke' {
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Whose sessions (default: yours)')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Token store file (SQLite) [default: in your data directory]')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Token server to use instead of the local store')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Saved login (server + user) to use [default: the last login]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: config.toml in your config directory]')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Print what this jq filter selects from the JSON, strings bare (e.g. ''.[].name'')')
            [CompletionResult]::new('--field', '--field', [CompletionResultType]::ParameterName, 'Print one field of the JSON bare, a line per item of a list (e.g. id)')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'End every active session')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log what tokenctl does on stderr (never a secret)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'tokenctl;session;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List active login sessions: yours, or another user''s with --user')
            [CompletionResult]::new('revoke', 'revoke', [CompletionResultType]::ParameterValue, 'End a login session at once, or all of them with --all')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'tokenctl;session;help;list' {
            break
        }
        'tokenctl;session;help;revoke' {
            break
        }
        'tokenctl;session;help;help' {
            break
        }
        'tokenctl;profile' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Token store file (SQLite) [default: in your data directory]')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Token server to use instead of the local store')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Saved login (server + user) to use [default: the last login]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: config.toml in your config directory]')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Print what this jq filter selects from the JSON, strings bare (e.g. ''.[].name'')')
            [CompletionResult]::new('--field', '--field', [CompletionResultType]::ParameterName, 'Print one field of the JSON bare, a line per item of a list (e.g. id)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log what tokenctl does on stderr (never a secret)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the saved logins: server, user, session, and which one is current')
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'List the saved logins: server, user, session, and which one is current')
            [CompletionResult]::new('use', 'use', [CompletionResultType]::ParameterValue, 'Make a saved login the current one: where commands go from now on')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Forget a saved login: its session ends on the server, then the profile goes')
            [CompletionResult]::new('rm', 'rm', [CompletionResultType]::ParameterValue, 'Forget a saved login: its session ends on the server, then the profile goes')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'tokenctl;profile;list' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Token store file (SQLite) [default: in your data directory]')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Token server to use instead of the local store')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Saved login (server + user) to use [default: the last login]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: config.toml in your config directory]')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Print what this jq filter selects from the JSON, strings bare (e.g. ''.[].name'')')
            [CompletionResult]::new('--field', '--field', [CompletionResultType]::ParameterName, 'Print one field of the JSON bare, a line per item of a list (e.g. id)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log what tokenctl does on stderr (never a secret)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'tokenctl;profile;ls' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Token store file (SQLite) [default: in your data directory]')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Token server to use instead of the local store')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Saved login (server + user) to use [default: the last login]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: config.toml in your config directory]')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Print what this jq filter selects from the JSON, strings bare (e.g. ''.[].name'')')
            [CompletionResult]::new('--field', '--field', [CompletionResultType]::ParameterName, 'Print one field of the JSON bare, a line per item of a list (e.g. id)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log what tokenctl does on stderr (never a secret)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'tokenctl;profile;use' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Token store file (SQLite) [default: in your data directory]')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Token server to use instead of the local store')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Saved login (server + user) to use [default: the last login]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: config.toml in your config directory]')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Print what this jq filter selects from the JSON, strings bare (e.g. ''.[].name'')')
            [CompletionResult]::new('--field', '--field', [CompletionResultType]::ParameterName, 'Print one field of the JSON bare, a line per item of a list (e.g. id)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log what tokenctl does on stderr (never a secret)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'tokenctl;profile;remove' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Token store file (SQLite) [default: in your data directory]')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Token server to use instead of the local store')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Saved login (server + user) to use [default: the last login]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: config.toml in your config directory]')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Print what this jq filter selects from the JSON, strings bare (e.g. ''.[].name'')')
            [CompletionResult]::new('--field', '--field', [CompletionResultType]::ParameterName, 'Print one field of the JSON bare, a line per item of a list (e.g. id)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log what tokenctl does on stderr (never a secret)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'tokenctl;profile;rm' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Token store file (SQLite) [default: in your data directory]')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Token server to use instead of the local store')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Saved login (server + user) to use [default: the last login]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: config.toml in your config directory]')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Print what this jq filter selects from the JSON, strings bare (e.g. ''.[].name'')')
            [CompletionResult]::new('--field', '--field', [CompletionResultType]::ParameterName, 'Print one field of the JSON bare, a line per item of a list (e.g. id)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log what tokenctl does on stderr (never a secret)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'tokenctl;profile;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the saved logins: server, user, session, and which one is current')
            [CompletionResult]::new('use', 'use', [CompletionResultType]::ParameterValue, 'Make a saved login the current one: where commands go from now on')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Forget a saved login: its session ends on the server, then the profile goes')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'tokenctl;profile;help;list' {
            break
        }
        'tokenctl;profile;help;use' {
            break
        }
        'tokenctl;profile;help;remove' {
            break
        }
        'tokenctl;profile;help;help' {
            break
        }
        'tokenctl;role' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Token store file (SQLite) [default: in your data directory]')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Token server to use instead of the local store')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Saved login (server + user) to use [default: the last login]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: config.toml in your config directory]')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Print what this jq filter selects from the JSON, strings bare (e.g. ''.[].name'')')
            [CompletionResult]::new('--field', '--field', [CompletionResultType]::ParameterName, 'Print one field of the JSON bare, a line per item of a list (e.g. id)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log what tokenctl does on stderr (never a secret)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List roles and their permissions')
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'List roles and their permissions')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one role and what each of its permissions allows')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a custom role (needs users:manage)')
            [CompletionResult]::new('edit', 'edit', [CompletionResultType]::ParameterValue, 'Change a custom role''s permissions or description (needs users:manage)')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove a custom role (needs users:manage)')
            [CompletionResult]::new('rm', 'rm', [CompletionResultType]::ParameterValue, 'Remove a custom role (needs users:manage)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'tokenctl;role;list' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Token store file (SQLite) [default: in your data directory]')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Token server to use instead of the local store')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Saved login (server + user) to use [default: the last login]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: config.toml in your config directory]')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Print what this jq filter selects from the JSON, strings bare (e.g. ''.[].name'')')
            [CompletionResult]::new('--field', '--field', [CompletionResultType]::ParameterName, 'Print one field of the JSON bare, a line per item of a list (e.g. id)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log what tokenctl does on stderr (never a secret)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'tokenctl;role;ls' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Token store file (SQLite) [default: in your data directory]')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Token server to use instead of the local store')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Saved login (server + user) to use [default: the last login]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: config.toml in your config directory]')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Print what this jq filter selects from the JSON, strings bare (e.g. ''.[].name'')')
            [CompletionResult]::new('--field', '--field', [CompletionResultType]::ParameterName, 'Print one field of the JSON bare, a line per item of a list (e.g. id)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log what tokenctl does on stderr (never a secret)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'tokenctl;role;show' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Token store file (SQLite) [default: in your data directory]')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Token server to use instead of the local store')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Saved login (server + user) to use [default: the last login]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: config.toml in your config directory]')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Print what this jq filter selects from the JSON, strings bare (e.g. ''.[].name'')')
            [CompletionResult]::new('--field', '--field', [CompletionResultType]::ParameterName, 'Print one field of the JSON bare, a line per item of a list (e.g. id)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log what tokenctl does on stderr (never a secret)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'tokenctl;role;add' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'A permission the role grants (repeat for several): api:read, api:write, files:upload, tokens:read, tokens:manage, tokens:read-all, tokens:revoke-all, audit:read, users:manage, keys:manage, audit:prune, trust:manage, webhooks:manage, tokens:rotate-self, policy:manage')
            [CompletionResult]::new('--permission', '--permission', [CompletionResultType]::ParameterName, 'A permission the role grants (repeat for several): api:read, api:write, files:upload, tokens:read, tokens:manage, tokens:read-all, tokens:revoke-all, audit:read, users:manage, keys:manage, audit:prune, trust:manage, webhooks:manage, tokens:rotate-self, policy:manage')
            [CompletionResult]::new('--description', '--description', [CompletionResultType]::ParameterName, 'What the role is for')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Token store file (SQLite) [default: in your data directory]')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Token server to use instead of the local store')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Saved login (server + user) to use [default: the last login]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: config.toml in your config directory]')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Print what this jq filter selects from the JSON, strings bare (e.g. ''.[].name'')')
            [CompletionResult]::new('--field', '--field', [CompletionResultType]::ParameterName, 'Print one field of the JSON bare, a line per item of a list (e.g. id)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log what tokenctl does on stderr (never a secret)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'tokenctl;role;edit' {
            [CompletionResult]::new('--add-permission', '--add-permission', [CompletionResultType]::ParameterName, 'A permission the role grants (repeat for several): api:read, api:write, files:upload, tokens:read, tokens:manage, tokens:read-all, tokens:revoke-all, audit:read, users:manage, keys:manage, audit:prune, trust:manage, webhooks:manage, tokens:rotate-self, policy:manage')
            [CompletionResult]::new('--remove-permission', '--remove-permission', [CompletionResultType]::ParameterName, 'A permission the role no longer grants (repeat for several)')
            [CompletionResult]::new('--description', '--description', [CompletionResultType]::ParameterName, 'What the role is for')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Token store file (SQLite) [default: in your data directory]')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Token server to use instead of the local store')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Saved login (server + user) to use [default: the last login]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: config.toml in your config directory]')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Print what this jq filter selects from the JSON, strings bare (e.g. ''.[].name'')')
            [CompletionResult]::new('--field', '--field', [CompletionResultType]::ParameterName, 'Print one field of the JSON bare, a line per item of a list (e.g. id)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log what tokenctl does on stderr (never a secret)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'tokenctl;role;remove' {
            [CompletionResult]::new('--reassign', '--reassign', [CompletionResultType]::ParameterName, 'The role its users and tokens move to')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Token store file (SQLite) [default: in your data directory]')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Token server to use instead of the local store')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Saved login (server + user) to use [default: the last login]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: config.toml in your config directory]')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Print what this jq filter selects from the JSON, strings bare (e.g. ''.[].name'')')
            [CompletionResult]::new('--field', '--field', [CompletionResultType]::ParameterName, 'Print one field of the JSON bare, a line per item of a list (e.g. id)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log what tokenctl does on stderr (never a secret)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'tokenctl;role;rm' {
            [CompletionResult]::new('--reassign', '--reassign', [CompletionResultType]::ParameterName, 'The role its users and tokens move to')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Token store file (SQLite) [default: in your data directory]')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Token server to use instead of the local store')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Saved login (server + user) to use [default: the last login]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: config.toml in your config directory]')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Print what this jq filter selects from the JSON, strings bare (e.g. ''.[].name'')')
            [CompletionResult]::new('--field', '--field', [CompletionResultType]::ParameterName, 'Print one field of the JSON bare, a line per item of a list (e.g. id)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log what tokenctl does on stderr (never a secret)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'tokenctl;role;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List roles and their permissions')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one role and what each of its permissions allows')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a custom role (needs users:manage)')
            [CompletionResult]::new('edit', 'edit', [CompletionResultType]::ParameterValue, 'Change a custom role''s permissions or description (needs users:manage)')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove a custom role (needs users:manage)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'tokenctl;role;help;list' {
            break
        }
        'tokenctl;role;help;show' {
            break
        }
        'tokenctl;role;help;add' {
            break
        }
        'tokenctl;role;help;edit' {
            break
        }
        'tokenctl;role;help;remove' {
            break
        }
        'tokenctl;role;help;help' {
            break
        }
        'tokenctl;user' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Token store file (SQLite) [default: in your data directory]')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Token server to use instead of the local store')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Saved login (server + user) to use [default: the last login]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: config.toml in your config directory]')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Print what this jq filter selects from the JSON, strings bare (e.g. ''.[].name'')')
            [CompletionResult]::new('--field', '--field', [CompletionResultType]::ParameterName, 'Print one field of the JSON bare, a line per item of a list (e.g. id)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log what tokenctl does on stderr (never a secret)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List users: role, email, 2FA, last login and status')
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'List users: role, email, 2FA, last login and status')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a user who can own tokens (needs users:manage)')
            [CompletionResult]::new('disable', 'disable', [CompletionResultType]::ParameterValue, 'Disable a user: their tokens stop working until they are enabled again')
            [CompletionResult]::new('enable', 'enable', [CompletionResultType]::ParameterValue, 'Enable a disabled user again')
            [CompletionResult]::new('set-role', 'set-role', [CompletionResultType]::ParameterValue, 'Give a user another role (needs users:manage)')
            [CompletionResult]::new('unlock', 'unlock', [CompletionResultType]::ParameterValue, 'Let a user log in again at once after failed logins (needs users:manage)')
            [CompletionResult]::new('reset-password', 'reset-password', [CompletionResultType]::ParameterValue, 'Set a new password for a user who lost theirs (needs users:manage)')
            [CompletionResult]::new('reset-2fa', 'reset-2fa', [CompletionResultType]::ParameterValue, 'Take 2FA off a user who lost their authenticator (needs users:manage)')
            [CompletionResult]::new('edit', 'edit', [CompletionResultType]::ParameterValue, 'Change a user''s details (needs users:manage)')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove a user: their tokens are revoked and their sessions end (needs users:manage)')
            [CompletionResult]::new('rm', 'rm', [CompletionResultType]::ParameterValue, 'Remove a user: their tokens are revoked and their sessions end (needs users:manage)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'tokenctl;user;list' {
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'Show at most N items [default: 1000]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Token store file (SQLite) [default: in your data directory]')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Token server to use instead of the local store')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Saved login (server + user) to use [default: the last login]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: config.toml in your config directory]')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Print what this jq filter selects from the JSON, strings bare (e.g. ''.[].name'')')
            [CompletionResult]::new('--field', '--field', [CompletionResultType]::ParameterName, 'Print one field of the JSON bare, a line per item of a list (e.g. id)')
            [CompletionResult]::new('--removed', '--removed', [CompletionResultType]::ParameterName, 'Include removed users')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Show every item, however many (fetched a page at a time)')
            [CompletionResult]::new('--jsonl', '--jsonl', [CompletionResultType]::ParameterName, 'Print one JSON object per line as they arrive (JSON Lines)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log what tokenctl does on stderr (never a secret)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'tokenctl;user;ls' {
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'Show at most N items [default: 1000]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Token store file (SQLite) [default: in your data directory]')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Token server to use instead of the local store')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Saved login (server + user) to use [default: the last login]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: config.toml in your config directory]')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Print what this jq filter selects from the JSON, strings bare (e.g. ''.[].name'')')
            [CompletionResult]::new('--field', '--field', [CompletionResultType]::ParameterName, 'Print one field of the JSON bare, a line per item of a list (e.g. id)')
            [CompletionResult]::new('--removed', '--removed', [CompletionResultType]::ParameterName, 'Include removed users')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Show every item, however many (fetched a page at a time)')
            [CompletionResult]::new('--jsonl', '--jsonl', [CompletionResultType]::ParameterName, 'Print one JSON object per line as they arrive (JSON Lines)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log what tokenctl does on stderr (never a secret)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'tokenctl;user;add' {
            [CompletionResult]::new('--role', '--role', [CompletionResultType]::ParameterName, 'Role that sets what the user (and their tokens) may do')
            [CompletionResult]::new('--email', '--email', [CompletionResultType]::ParameterName, 'Where notices about the account''s tokens (expiry, leaks) are mailed')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Token store file (SQLite) [default: in your data directory]')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Token server to use instead of the local store')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Saved login (server + user) to use [default: the last login]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: config.toml in your config directory]')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Print what this jq filter selects from the JSON, strings bare (e.g. ''.[].name'')')
            [CompletionResult]::new('--field', '--field', [CompletionResultType]::ParameterName, 'Print one field of the JSON bare, a line per item of a list (e.g. id)')
            [CompletionResult]::new('--password-stdin', '--password-stdin', [CompletionResultType]::ParameterName, 'Read the password from the first line of stdin (at least 12 characters)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log what tokenctl does on stderr (never a secret)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'tokenctl;user;disable' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Token store file (SQLite) [default: in your data directory]')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Token server to use instead of the local store')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Saved login (server + user) to use [default: the last login]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: config.toml in your config directory]')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Print what this jq filter selects from the JSON, strings bare (e.g. ''.[].name'')')
            [CompletionResult]::new('--field', '--field', [CompletionResultType]::ParameterName, 'Print one field of the JSON bare, a line per item of a list (e.g. id)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log what tokenctl does on stderr (never a secret)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'tokenctl;user;enable' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Token store file (SQLite) [default: in your data directory]')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Token server to use instead of the local store')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Saved login (server + user) to use [default: the last login]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: config.toml in your config directory]')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Print what this jq filter selects from the JSON, strings bare (e.g. ''.[].name'')')
            [CompletionResult]::new('--field', '--field', [CompletionResultType]::ParameterName, 'Print one field of the JSON bare, a line per item of a list (e.g. id)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log what tokenctl does on stderr (never a secret)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'tokenctl;user;set-role' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Token store file (SQLite) [default: in your data directory]')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Token server to use instead of the local store')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Saved login (server + user) to use [default: the last login]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: config.toml in your config directory]')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Print what this jq filter selects from the JSON, strings bare (e.g. ''.[].name'')')
            [CompletionResult]::new('--field', '--field', [CompletionResultType]::ParameterName, 'Print one field of the JSON bare, a line per item of a list (e.g. id)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log what tokenctl does on stderr (never a secret)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'tokenctl;user;unlock' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Token store file (SQLite) [default: in your data directory]')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Token server to use instead of the local store')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Saved login (server + user) to use [default: the last login]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: config.toml in your config directory]')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Print what this jq filter selects from the JSON, strings bare (e.g. ''.[].name'')')
            [CompletionResult]::new('--field', '--field', [CompletionResultType]::ParameterName, 'Print one field of the JSON bare, a line per item of a list (e.g. id)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log what tokenctl does on stderr (never a secret)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'tokenctl;user;reset-password' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Token store file (SQLite) [default: in your data directory]')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Token server to use instead of the local store')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Saved login (server + user) to use [default: the last login]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: config.toml in your config directory]')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Print what this jq filter selects from the JSON, strings bare (e.g. ''.[].name'')')
            [CompletionResult]::new('--field', '--field', [CompletionResultType]::ParameterName, 'Print one field of the JSON bare, a line per item of a list (e.g. id)')
            [CompletionResult]::new('--password-stdin', '--password-stdin', [CompletionResultType]::ParameterName, 'Read the new password from the first line of stdin (at least 12 characters)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log what tokenctl does on stderr (never a secret)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'tokenctl;user;reset-2fa' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Token store file (SQLite) [default: in your data directory]')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Token server to use instead of the local store')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Saved login (server + user) to use [default: the last login]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: config.toml in your config directory]')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Print what this jq filter selects from the JSON, strings bare (e.g. ''.[].name'')')
            [CompletionResult]::new('--field', '--field', [CompletionResultType]::ParameterName, 'Print one field of the JSON bare, a line per item of a list (e.g. id)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log what tokenctl does on stderr (never a secret)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'tokenctl;user;edit' {
            [CompletionResult]::new('--email', '--email', [CompletionResultType]::ParameterName, 'Email address ('''' clears it)')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Token store file (SQLite) [default: in your data directory]')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Token server to use instead of the local store')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Saved login (server + user) to use [default: the last login]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: config.toml in your config directory]')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Print what this jq filter selects from the JSON, strings bare (e.g. ''.[].name'')')
            [CompletionResult]::new('--field', '--field', [CompletionResultType]::ParameterName, 'Print one field of the JSON bare, a line per item of a list (e.g. id)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log what tokenctl does on stderr (never a secret)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'tokenctl;user;remove' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Token store file (SQLite) [default: in your data directory]')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Token server to use instead of the local store')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Saved login (server + user) to use [default: the last login]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: config.toml in your config directory]')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Print what this jq filter selects from the JSON, strings bare (e.g. ''.[].name'')')
            [CompletionResult]::new('--field', '--field', [CompletionResultType]::ParameterName, 'Print one field of the JSON bare, a line per item of a list (e.g. id)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask for confirmation')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask for confirmation')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log what tokenctl does on stderr (never a secret)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'tokenctl;user;rm' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Token store file (SQLite) [default: in your data directory]')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Token server to use instead of the local store')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Saved login (server + user) to use [default: the last login]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: config.toml in your config directory]')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Print what this jq filter selects from the JSON, strings bare (e.g. ''.[].name'')')
            [CompletionResult]::new('--field', '--field', [CompletionResultType]::ParameterName, 'Print one field of the JSON bare, a line per item of a list (e.g. id)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask for confirmation')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask for confirmation')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log what tokenctl does on stderr (never a secret)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'tokenctl;user;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List users: role, email, 2FA, last login and status')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a user who can own tokens (needs users:manage)')
            [CompletionResult]::new('disable', 'disable', [CompletionResultType]::ParameterValue, 'Disable a user: their tokens stop working until they are enabled again')
            [CompletionResult]::new('enable', 'enable', [CompletionResultType]::ParameterValue, 'Enable a disabled user again')
            [CompletionResult]::new('set-role', 'set-role', [CompletionResultType]::ParameterValue, 'Give a user another role (needs users:manage)')
            [CompletionResult]::new('unlock', 'unlock', [CompletionResultType]::ParameterValue, 'Let a user log in again at once after failed logins (needs users:manage)')
            [CompletionResult]::new('reset-password', 'reset-password', [CompletionResultType]::ParameterValue, 'Set a new password for a user who lost theirs (needs users:manage)')
            [CompletionResult]::new('reset-2fa', 'reset-2fa', [CompletionResultType]::ParameterValue, 'Take 2FA off a user who lost their authenticator (needs users:manage)')
            [CompletionResult]::new('edit', 'edit', [CompletionResultType]::ParameterValue, 'Change a user''s details (needs users:manage)')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove a user: their tokens are revoked and their sessions end (needs users:manage)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'tokenctl;user;help;list' {
            break
        }
        'tokenctl;user;help;add' {
            break
        }
        'tokenctl;user;help;disable' {
            break
        }
        'tokenctl;user;help;enable' {
            break
        }
        'tokenctl;user;help;set-role' {
            break
        }
        'tokenctl;user;help;unlock' {
            break
        }
        'tokenctl;user;help;reset-password' {
            break
        }
        'tokenctl;user;help;reset-2fa' {
            break
        }
        'tokenctl;user;help;edit' {
            break
        }
        'tokenctl;user;help;remove' {
            break
        }
        'tokenctl;user;help;help' {
            break
        }
        'tokenctl;trust' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Token store file (SQLite) [default: in your data directory]')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Token server to use instead of the local store')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Saved login (server + user) to use [default: the last login]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: config.toml in your config directory]')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Print what this jq filter selects from the JSON, strings bare (e.g. ''.[].name'')')
            [CompletionResult]::new('--field', '--field', [CompletionResultType]::ParameterName, 'Print one field of the JSON bare, a line per item of a list (e.g. id)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log what tokenctl does on stderr (never a secret)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List trust policies (needs trust:manage)')
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'List trust policies (needs trust:manage)')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one trust policy (needs trust:manage)')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a trust policy: CI jobs that may exchange their ID token (needs trust:manage)')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove a trust policy (needs trust:manage and a login session)')
            [CompletionResult]::new('rm', 'rm', [CompletionResultType]::ParameterValue, 'Remove a trust policy (needs trust:manage and a login session)')
            [CompletionResult]::new('test', 'test', [CompletionResultType]::ParameterValue, 'Explain, claim by claim, whether trust policies admit an ID token')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'tokenctl;trust;list' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Token store file (SQLite) [default: in your data directory]')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Token server to use instead of the local store')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Saved login (server + user) to use [default: the last login]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: config.toml in your config directory]')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Print what this jq filter selects from the JSON, strings bare (e.g. ''.[].name'')')
            [CompletionResult]::new('--field', '--field', [CompletionResultType]::ParameterName, 'Print one field of the JSON bare, a line per item of a list (e.g. id)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log what tokenctl does on stderr (never a secret)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'tokenctl;trust;ls' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Token store file (SQLite) [default: in your data directory]')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Token server to use instead of the local store')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Saved login (server + user) to use [default: the last login]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: config.toml in your config directory]')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Print what this jq filter selects from the JSON, strings bare (e.g. ''.[].name'')')
            [CompletionResult]::new('--field', '--field', [CompletionResultType]::ParameterName, 'Print one field of the JSON bare, a line per item of a list (e.g. id)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log what tokenctl does on stderr (never a secret)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'tokenctl;trust;show' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Token store file (SQLite) [default: in your data directory]')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Token server to use instead of the local store')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Saved login (server + user) to use [default: the last login]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: config.toml in your config directory]')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Print what this jq filter selects from the JSON, strings bare (e.g. ''.[].name'')')
            [CompletionResult]::new('--field', '--field', [CompletionResultType]::ParameterName, 'Print one field of the JSON bare, a line per item of a list (e.g. id)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log what tokenctl does on stderr (never a secret)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'tokenctl;trust;add' {
            [CompletionResult]::new('--issuer', '--issuer', [CompletionResultType]::ParameterName, 'The OpenID Connect issuer (https://, or http:// on a loopback address)')
            [CompletionResult]::new('--audience', '--audience', [CompletionResultType]::ParameterName, 'The audience the ID token must be minted for (its `aud`)')
            [CompletionResult]::new('--claim', '--claim', [CompletionResultType]::ParameterName, 'A claim the ID token must have, KEY=PATTERN (repeatable)')
            [CompletionResult]::new('--github-repo', '--github-repo', [CompletionResultType]::ParameterName, 'GitHub Actions preset: jobs of this repository')
            [CompletionResult]::new('--gitlab-project', '--gitlab-project', [CompletionResultType]::ParameterName, 'GitLab CI preset: jobs of this project')
            [CompletionResult]::new('--ref', '--ref', [CompletionResultType]::ParameterName, 'With a preset: only jobs running on this branch (or full ref)')
            [CompletionResult]::new('--environment', '--environment', [CompletionResultType]::ParameterName, 'With --github-repo: only jobs of this deployment environment')
            [CompletionResult]::new('--workflow', '--workflow', [CompletionResultType]::ParameterName, 'With --github-repo: only jobs of this workflow file')
            [CompletionResult]::new('--gitlab-url', '--gitlab-url', [CompletionResultType]::ParameterName, 'With --gitlab-project: the GitLab instance [default: https://gitlab.com]')
            [CompletionResult]::new('--role', '--role', [CompletionResultType]::ParameterName, 'The role whose permissions the policy grants')
            [CompletionResult]::new('--scope', '--scope', [CompletionResultType]::ParameterName, 'A permission the policy grants (repeatable), instead of a role')
            [CompletionResult]::new('--owner', '--owner', [CompletionResultType]::ParameterName, 'Whose authority the access tokens carry [default: you]')
            [CompletionResult]::new('--max-ttl', '--max-ttl', [CompletionResultType]::ParameterName, 'The longest an access token issued under the policy lives [default: 15m]')
            [CompletionResult]::new('--description', '--description', [CompletionResultType]::ParameterName, 'What the policy is for')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Token store file (SQLite) [default: in your data directory]')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Token server to use instead of the local store')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Saved login (server + user) to use [default: the last login]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: config.toml in your config directory]')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Print what this jq filter selects from the JSON, strings bare (e.g. ''.[].name'')')
            [CompletionResult]::new('--field', '--field', [CompletionResultType]::ParameterName, 'Print one field of the JSON bare, a line per item of a list (e.g. id)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log what tokenctl does on stderr (never a secret)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'tokenctl;trust;remove' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Token store file (SQLite) [default: in your data directory]')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Token server to use instead of the local store')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Saved login (server + user) to use [default: the last login]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: config.toml in your config directory]')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Print what this jq filter selects from the JSON, strings bare (e.g. ''.[].name'')')
            [CompletionResult]::new('--field', '--field', [CompletionResultType]::ParameterName, 'Print one field of the JSON bare, a line per item of a list (e.g. id)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log what tokenctl does on stderr (never a secret)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'tokenctl;trust;rm' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Token store file (SQLite) [default: in your data directory]')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Token server to use instead of the local store')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Saved login (server + user) to use [default: the last login]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: config.toml in your config directory]')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Print what this jq filter selects from the JSON, strings bare (e.g. ''.[].name'')')
            [CompletionResult]::new('--field', '--field', [CompletionResultType]::ParameterName, 'Print one field of the JSON bare, a line per item of a list (e.g. id)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log what tokenctl does on stderr (never a secret)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'tokenctl;trust;test' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Token store file (SQLite) [default: in your data directory]')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Token server to use instead of the local store')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Saved login (server + user) to use [default: the last login]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: config.toml in your config directory]')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Print what this jq filter selects from the JSON, strings bare (e.g. ''.[].name'')')
            [CompletionResult]::new('--field', '--field', [CompletionResultType]::ParameterName, 'Print one field of the JSON bare, a line per item of a list (e.g. id)')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Test against every policy that trusts the token''s issuer')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log what tokenctl does on stderr (never a secret)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'tokenctl;trust;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List trust policies (needs trust:manage)')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one trust policy (needs trust:manage)')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a trust policy: CI jobs that may exchange their ID token (needs trust:manage)')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove a trust policy (needs trust:manage and a login session)')
            [CompletionResult]::new('test', 'test', [CompletionResultType]::ParameterValue, 'Explain, claim by claim, whether trust policies admit an ID token')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'tokenctl;trust;help;list' {
            break
        }
        'tokenctl;trust;help;show' {
            break
        }
        'tokenctl;trust;help;add' {
            break
        }
        'tokenctl;trust;help;remove' {
            break
        }
        'tokenctl;trust;help;test' {
            break
        }
        'tokenctl;trust;help;help' {
            break
        }
        'tokenctl;policy' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Token store file (SQLite) [default: in your data directory]')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Token server to use instead of the local store')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Saved login (server + user) to use [default: the last login]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: config.toml in your config directory]')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Print what this jq filter selects from the JSON, strings bare (e.g. ''.[].name'')')
            [CompletionResult]::new('--field', '--field', [CompletionResultType]::ParameterName, 'Print one field of the JSON bare, a line per item of a list (e.g. id)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log what tokenctl does on stderr (never a secret)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show the token policy in force')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Change the token policy (needs policy:manage and a login)')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'List the tokens and users the token policy would not allow now')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'tokenctl;policy;show' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Token store file (SQLite) [default: in your data directory]')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Token server to use instead of the local store')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Saved login (server + user) to use [default: the last login]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: config.toml in your config directory]')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Print what this jq filter selects from the JSON, strings bare (e.g. ''.[].name'')')
            [CompletionResult]::new('--field', '--field', [CompletionResultType]::ParameterName, 'Print one field of the JSON bare, a line per item of a list (e.g. id)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log what tokenctl does on stderr (never a secret)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'tokenctl;policy;set' {
            [CompletionResult]::new('--default-lifetime', '--default-lifetime', [CompletionResultType]::ParameterName, 'Lifetime of a token created without --expires (30d, 12h, …)')
            [CompletionResult]::new('--allow-never', '--allow-never', [CompletionResultType]::ParameterName, 'Whether --expires never is allowed (yes/no)')
            [CompletionResult]::new('--require-2fa', '--require-2fa', [CompletionResultType]::ParameterName, 'Whether creating or regenerating a token needs a login with 2FA (yes/no)')
            [CompletionResult]::new('--max-active-tokens', '--max-active-tokens', [CompletionResultType]::ParameterName, 'Most active tokens one user may own, or `none`')
            [CompletionResult]::new('--max-lifetime', '--max-lifetime', [CompletionResultType]::ParameterName, 'Longest lifetime (90d, 1y), or `none` to lift the limit')
            [CompletionResult]::new('--type', '--type', [CompletionResultType]::ParameterName, 'With --max-lifetime: only tokens of this type (personal or service)')
            [CompletionResult]::new('--role', '--role', [CompletionResultType]::ParameterName, 'With --max-lifetime: only tokens of this role')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Token store file (SQLite) [default: in your data directory]')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Token server to use instead of the local store')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Saved login (server + user) to use [default: the last login]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: config.toml in your config directory]')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Print what this jq filter selects from the JSON, strings bare (e.g. ''.[].name'')')
            [CompletionResult]::new('--field', '--field', [CompletionResultType]::ParameterName, 'Print one field of the JSON bare, a line per item of a list (e.g. id)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log what tokenctl does on stderr (never a secret)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'tokenctl;policy;check' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Token store file (SQLite) [default: in your data directory]')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Token server to use instead of the local store')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Saved login (server + user) to use [default: the last login]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: config.toml in your config directory]')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Print what this jq filter selects from the JSON, strings bare (e.g. ''.[].name'')')
            [CompletionResult]::new('--field', '--field', [CompletionResultType]::ParameterName, 'Print one field of the JSON bare, a line per item of a list (e.g. id)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log what tokenctl does on stderr (never a secret)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'tokenctl;policy;help' {
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show the token policy in force')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Change the token policy (needs policy:manage and a login)')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'List the tokens and users the token policy would not allow now')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'tokenctl;policy;help;show' {
            break
        }
        'tokenctl;policy;help;set' {
            break
        }
        'tokenctl;policy;help;check' {
            break
        }
        'tokenctl;policy;help;help' {
            break
        }
        'tokenctl;webhook' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Token store file (SQLite) [default: in your data directory]')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Token server to use instead of the local store')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Saved login (server + user) to use [default: the last login]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: config.toml in your config directory]')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Print what this jq filter selects from the JSON, strings bare (e.g. ''.[].name'')')
            [CompletionResult]::new('--field', '--field', [CompletionResultType]::ParameterName, 'Print one field of the JSON bare, a line per item of a list (e.g. id)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log what tokenctl does on stderr (never a secret)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List webhooks (needs webhooks:manage)')
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'List webhooks (needs webhooks:manage)')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a webhook and print its signing secret once (needs webhooks:manage and a login session)')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove a webhook (needs webhooks:manage and a login session)')
            [CompletionResult]::new('rm', 'rm', [CompletionResultType]::ParameterValue, 'Remove a webhook (needs webhooks:manage and a login session)')
            [CompletionResult]::new('test', 'test', [CompletionResultType]::ParameterValue, 'Send a webhook a test message and wait for its first attempt (needs webhooks:manage)')
            [CompletionResult]::new('deliveries', 'deliveries', [CompletionResultType]::ParameterValue, 'Show the messages sent to webhooks, and how sending each went (needs webhooks:manage)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'tokenctl;webhook;list' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Token store file (SQLite) [default: in your data directory]')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Token server to use instead of the local store')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Saved login (server + user) to use [default: the last login]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: config.toml in your config directory]')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Print what this jq filter selects from the JSON, strings bare (e.g. ''.[].name'')')
            [CompletionResult]::new('--field', '--field', [CompletionResultType]::ParameterName, 'Print one field of the JSON bare, a line per item of a list (e.g. id)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log what tokenctl does on stderr (never a secret)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'tokenctl;webhook;ls' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Token store file (SQLite) [default: in your data directory]')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Token server to use instead of the local store')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Saved login (server + user) to use [default: the last login]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: config.toml in your config directory]')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Print what this jq filter selects from the JSON, strings bare (e.g. ''.[].name'')')
            [CompletionResult]::new('--field', '--field', [CompletionResultType]::ParameterName, 'Print one field of the JSON bare, a line per item of a list (e.g. id)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log what tokenctl does on stderr (never a secret)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'tokenctl;webhook;add' {
            [CompletionResult]::new('--events', '--events', [CompletionResultType]::ParameterName, 'Events to send, comma-separated or repeated')
            [CompletionResult]::new('--description', '--description', [CompletionResultType]::ParameterName, 'What the webhook is for')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Token store file (SQLite) [default: in your data directory]')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Token server to use instead of the local store')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Saved login (server + user) to use [default: the last login]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: config.toml in your config directory]')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Print what this jq filter selects from the JSON, strings bare (e.g. ''.[].name'')')
            [CompletionResult]::new('--field', '--field', [CompletionResultType]::ParameterName, 'Print one field of the JSON bare, a line per item of a list (e.g. id)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log what tokenctl does on stderr (never a secret)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'tokenctl;webhook;remove' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Token store file (SQLite) [default: in your data directory]')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Token server to use instead of the local store')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Saved login (server + user) to use [default: the last login]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: config.toml in your config directory]')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Print what this jq filter selects from the JSON, strings bare (e.g. ''.[].name'')')
            [CompletionResult]::new('--field', '--field', [CompletionResultType]::ParameterName, 'Print one field of the JSON bare, a line per item of a list (e.g. id)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log what tokenctl does on stderr (never a secret)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'tokenctl;webhook;rm' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Token store file (SQLite) [default: in your data directory]')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Token server to use instead of the local store')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Saved login (server + user) to use [default: the last login]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: config.toml in your config directory]')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Print what this jq filter selects from the JSON, strings bare (e.g. ''.[].name'')')
            [CompletionResult]::new('--field', '--field', [CompletionResultType]::ParameterName, 'Print one field of the JSON bare, a line per item of a list (e.g. id)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log what tokenctl does on stderr (never a secret)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'tokenctl;webhook;test' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Token store file (SQLite) [default: in your data directory]')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Token server to use instead of the local store')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Saved login (server + user) to use [default: the last login]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: config.toml in your config directory]')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Print what this jq filter selects from the JSON, strings bare (e.g. ''.[].name'')')
            [CompletionResult]::new('--field', '--field', [CompletionResultType]::ParameterName, 'Print one field of the JSON bare, a line per item of a list (e.g. id)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log what tokenctl does on stderr (never a secret)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'tokenctl;webhook;deliveries' {
            [CompletionResult]::new('--webhook', '--webhook', [CompletionResultType]::ParameterName, 'Only messages to this webhook')
            [CompletionResult]::new('--message', '--message', [CompletionResultType]::ParameterName, 'Only the message with this webhook-id (as the receiver logged it)')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'Show at most N items [default: 1000]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Token store file (SQLite) [default: in your data directory]')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Token server to use instead of the local store')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Saved login (server + user) to use [default: the last login]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: config.toml in your config directory]')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Print what this jq filter selects from the JSON, strings bare (e.g. ''.[].name'')')
            [CompletionResult]::new('--field', '--field', [CompletionResultType]::ParameterName, 'Print one field of the JSON bare, a line per item of a list (e.g. id)')
            [CompletionResult]::new('--failed', '--failed', [CompletionResultType]::ParameterName, 'Only messages not delivered whose last attempt failed')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Show every item, however many (fetched a page at a time)')
            [CompletionResult]::new('--jsonl', '--jsonl', [CompletionResultType]::ParameterName, 'Print one JSON object per line as they arrive (JSON Lines)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log what tokenctl does on stderr (never a secret)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'tokenctl;webhook;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List webhooks (needs webhooks:manage)')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a webhook and print its signing secret once (needs webhooks:manage and a login session)')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove a webhook (needs webhooks:manage and a login session)')
            [CompletionResult]::new('test', 'test', [CompletionResultType]::ParameterValue, 'Send a webhook a test message and wait for its first attempt (needs webhooks:manage)')
            [CompletionResult]::new('deliveries', 'deliveries', [CompletionResultType]::ParameterValue, 'Show the messages sent to webhooks, and how sending each went (needs webhooks:manage)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'tokenctl;webhook;help;list' {
            break
        }
        'tokenctl;webhook;help;add' {
            break
        }
        'tokenctl;webhook;help;remove' {
            break
        }
        'tokenctl;webhook;help;test' {
            break
        }
        'tokenctl;webhook;help;deliveries' {
            break
        }
        'tokenctl;webhook;help;help' {
            break
        }
        'tokenctl;keys' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Token store file (SQLite) [default: in your data directory]')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Token server to use instead of the local store')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Saved login (server + user) to use [default: the last login]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: config.toml in your config directory]')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Print what this jq filter selects from the JSON, strings bare (e.g. ''.[].name'')')
            [CompletionResult]::new('--field', '--field', [CompletionResultType]::ParameterName, 'Print one field of the JSON bare, a line per item of a list (e.g. id)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log what tokenctl does on stderr (never a secret)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the signing keys: the active one and the retired ones still published')
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'List the signing keys: the active one and the retired ones still published')
            [CompletionResult]::new('rotate', 'rotate', [CompletionResultType]::ParameterValue, 'Make a new key the signer; the old one keeps verifying what it signed')
            [CompletionResult]::new('jwks', 'jwks', [CompletionResultType]::ParameterValue, 'Print the public JWK Set that verifies exchanged access tokens')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'tokenctl;keys;list' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Token store file (SQLite) [default: in your data directory]')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Token server to use instead of the local store')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Saved login (server + user) to use [default: the last login]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: config.toml in your config directory]')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Print what this jq filter selects from the JSON, strings bare (e.g. ''.[].name'')')
            [CompletionResult]::new('--field', '--field', [CompletionResultType]::ParameterName, 'Print one field of the JSON bare, a line per item of a list (e.g. id)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log what tokenctl does on stderr (never a secret)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'tokenctl;keys;ls' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Token store file (SQLite) [default: in your data directory]')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Token server to use instead of the local store')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Saved login (server + user) to use [default: the last login]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: config.toml in your config directory]')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Print what this jq filter selects from the JSON, strings bare (e.g. ''.[].name'')')
            [CompletionResult]::new('--field', '--field', [CompletionResultType]::ParameterName, 'Print one field of the JSON bare, a line per item of a list (e.g. id)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log what tokenctl does on stderr (never a secret)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'tokenctl;keys;rotate' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Token store file (SQLite) [default: in your data directory]')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Token server to use instead of the local store')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Saved login (server + user) to use [default: the last login]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: config.toml in your config directory]')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Print what this jq filter selects from the JSON, strings bare (e.g. ''.[].name'')')
            [CompletionResult]::new('--field', '--field', [CompletionResultType]::ParameterName, 'Print one field of the JSON bare, a line per item of a list (e.g. id)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask for confirmation')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask for confirmation')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log what tokenctl does on stderr (never a secret)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'tokenctl;keys;jwks' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Token store file (SQLite) [default: in your data directory]')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Token server to use instead of the local store')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Saved login (server + user) to use [default: the last login]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: config.toml in your config directory]')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Print what this jq filter selects from the JSON, strings bare (e.g. ''.[].name'')')
            [CompletionResult]::new('--field', '--field', [CompletionResultType]::ParameterName, 'Print one field of the JSON bare, a line per item of a list (e.g. id)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log what tokenctl does on stderr (never a secret)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'tokenctl;keys;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the signing keys: the active one and the retired ones still published')
            [CompletionResult]::new('rotate', 'rotate', [CompletionResultType]::ParameterValue, 'Make a new key the signer; the old one keeps verifying what it signed')
            [CompletionResult]::new('jwks', 'jwks', [CompletionResultType]::ParameterValue, 'Print the public JWK Set that verifies exchanged access tokens')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'tokenctl;keys;help;list' {
            break
        }
        'tokenctl;keys;help;rotate' {
            break
        }
        'tokenctl;keys;help;jwks' {
            break
        }
        'tokenctl;keys;help;help' {
            break
        }
        'tokenctl;oauth' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Token store file (SQLite) [default: in your data directory]')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Token server to use instead of the local store')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Saved login (server + user) to use [default: the last login]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: config.toml in your config directory]')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Print what this jq filter selects from the JSON, strings bare (e.g. ''.[].name'')')
            [CompletionResult]::new('--field', '--field', [CompletionResultType]::ParameterName, 'Print one field of the JSON bare, a line per item of a list (e.g. id)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log what tokenctl does on stderr (never a secret)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add an OAuth2 token configuration for a provider')
            [CompletionResult]::new('edit', 'edit', [CompletionResultType]::ParameterValue, 'Change an OAuth2 token configuration')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List OAuth2 tokens and when they expire')
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'List OAuth2 tokens and when they expire')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one OAuth2 token configuration (never its secrets)')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove an OAuth2 token configuration and its secrets')
            [CompletionResult]::new('rm', 'rm', [CompletionResultType]::ParameterValue, 'Remove an OAuth2 token configuration and its secrets')
            [CompletionResult]::new('request', 'request', [CompletionResultType]::ParameterValue, 'Obtain a new token from the provider (a new authorization)')
            [CompletionResult]::new('refresh', 'refresh', [CompletionResultType]::ParameterValue, 'Renew the access token now, with the refresh token')
            [CompletionResult]::new('token', 'token', [CompletionResultType]::ParameterValue, 'Print a valid access token, refreshing it first when it has expired')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Say which OAuth2 tokens need attention; for cron and monitoring')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Export OAuth2 token configurations as YAML (version 1)')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Import OAuth2 token configurations from YAML (an `oauth export`)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'tokenctl;oauth;add' {
            [CompletionResult]::new('--template', '--template', [CompletionResultType]::ParameterName, 'Provider template; fixed once saved')
            [CompletionResult]::new('--client-id', '--client-id', [CompletionResultType]::ParameterName, 'The application''s client ID at the provider')
            [CompletionResult]::new('--scope', '--scope', [CompletionResultType]::ParameterName, 'Scope to request; repeat for several [default: the template''s]')
            [CompletionResult]::new('--validity', '--validity', [CompletionResultType]::ParameterName, 'How long a refresh token stays valid when the provider doesn''t say (e.g. 90d), or none')
            [CompletionResult]::new('--notify', '--notify', [CompletionResultType]::ParameterName, 'Which expiries show a notice: expired-token, expired-refresh-token, or none [default: both]')
            [CompletionResult]::new('--issuer', '--issuer', [CompletionResultType]::ParameterName, 'OpenID Connect / RFC 8414 issuer to read the endpoints from')
            [CompletionResult]::new('--auth-url', '--auth-url', [CompletionResultType]::ParameterName, 'Authorization endpoint (code + PKCE)')
            [CompletionResult]::new('--token-url', '--token-url', [CompletionResultType]::ParameterName, 'Token endpoint')
            [CompletionResult]::new('--device-url', '--device-url', [CompletionResultType]::ParameterName, 'Device authorization endpoint (RFC 8628)')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Token store file (SQLite) [default: in your data directory]')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Token server to use instead of the local store')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Saved login (server + user) to use [default: the last login]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: config.toml in your config directory]')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Print what this jq filter selects from the JSON, strings bare (e.g. ''.[].name'')')
            [CompletionResult]::new('--field', '--field', [CompletionResultType]::ParameterName, 'Print one field of the JSON bare, a line per item of a list (e.g. id)')
            [CompletionResult]::new('--public', '--public', [CompletionResultType]::ParameterName, 'A public client: no client secret (PKCE or device grant)')
            [CompletionResult]::new('--insecure-storage', '--insecure-storage', [CompletionResultType]::ParameterName, 'Keep the secrets in a 0600 file instead of the OS keyring')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log what tokenctl does on stderr (never a secret)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'tokenctl;oauth;edit' {
            [CompletionResult]::new('--template', '--template', [CompletionResultType]::ParameterName, 'Must be the saved template: a template can''t be changed')
            [CompletionResult]::new('--client-id', '--client-id', [CompletionResultType]::ParameterName, 'New client ID')
            [CompletionResult]::new('--scope', '--scope', [CompletionResultType]::ParameterName, 'Scope to request; repeat for several [default: the template''s]')
            [CompletionResult]::new('--validity', '--validity', [CompletionResultType]::ParameterName, 'How long a refresh token stays valid when the provider doesn''t say (e.g. 90d), or none')
            [CompletionResult]::new('--notify', '--notify', [CompletionResultType]::ParameterName, 'Which expiries show a notice: expired-token, expired-refresh-token, or none [default: both]')
            [CompletionResult]::new('--issuer', '--issuer', [CompletionResultType]::ParameterName, 'OpenID Connect / RFC 8414 issuer to read the endpoints from')
            [CompletionResult]::new('--auth-url', '--auth-url', [CompletionResultType]::ParameterName, 'Authorization endpoint (code + PKCE)')
            [CompletionResult]::new('--token-url', '--token-url', [CompletionResultType]::ParameterName, 'Token endpoint')
            [CompletionResult]::new('--device-url', '--device-url', [CompletionResultType]::ParameterName, 'Device authorization endpoint (RFC 8628)')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Token store file (SQLite) [default: in your data directory]')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Token server to use instead of the local store')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Saved login (server + user) to use [default: the last login]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: config.toml in your config directory]')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Print what this jq filter selects from the JSON, strings bare (e.g. ''.[].name'')')
            [CompletionResult]::new('--field', '--field', [CompletionResultType]::ParameterName, 'Print one field of the JSON bare, a line per item of a list (e.g. id)')
            [CompletionResult]::new('--new-client-secret', '--new-client-secret', [CompletionResultType]::ParameterName, 'Replace the client secret (hidden prompt, or stdin''s first line)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log what tokenctl does on stderr (never a secret)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'tokenctl;oauth;list' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Token store file (SQLite) [default: in your data directory]')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Token server to use instead of the local store')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Saved login (server + user) to use [default: the last login]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: config.toml in your config directory]')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Print what this jq filter selects from the JSON, strings bare (e.g. ''.[].name'')')
            [CompletionResult]::new('--field', '--field', [CompletionResultType]::ParameterName, 'Print one field of the JSON bare, a line per item of a list (e.g. id)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log what tokenctl does on stderr (never a secret)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'tokenctl;oauth;ls' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Token store file (SQLite) [default: in your data directory]')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Token server to use instead of the local store')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Saved login (server + user) to use [default: the last login]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: config.toml in your config directory]')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Print what this jq filter selects from the JSON, strings bare (e.g. ''.[].name'')')
            [CompletionResult]::new('--field', '--field', [CompletionResultType]::ParameterName, 'Print one field of the JSON bare, a line per item of a list (e.g. id)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log what tokenctl does on stderr (never a secret)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'tokenctl;oauth;show' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Token store file (SQLite) [default: in your data directory]')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Token server to use instead of the local store')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Saved login (server + user) to use [default: the last login]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: config.toml in your config directory]')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Print what this jq filter selects from the JSON, strings bare (e.g. ''.[].name'')')
            [CompletionResult]::new('--field', '--field', [CompletionResultType]::ParameterName, 'Print one field of the JSON bare, a line per item of a list (e.g. id)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log what tokenctl does on stderr (never a secret)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'tokenctl;oauth;remove' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Token store file (SQLite) [default: in your data directory]')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Token server to use instead of the local store')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Saved login (server + user) to use [default: the last login]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: config.toml in your config directory]')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Print what this jq filter selects from the JSON, strings bare (e.g. ''.[].name'')')
            [CompletionResult]::new('--field', '--field', [CompletionResultType]::ParameterName, 'Print one field of the JSON bare, a line per item of a list (e.g. id)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Don''t ask for confirmation')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Don''t ask for confirmation')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log what tokenctl does on stderr (never a secret)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'tokenctl;oauth;rm' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Token store file (SQLite) [default: in your data directory]')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Token server to use instead of the local store')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Saved login (server + user) to use [default: the last login]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: config.toml in your config directory]')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Print what this jq filter selects from the JSON, strings bare (e.g. ''.[].name'')')
            [CompletionResult]::new('--field', '--field', [CompletionResultType]::ParameterName, 'Print one field of the JSON bare, a line per item of a list (e.g. id)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Don''t ask for confirmation')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Don''t ask for confirmation')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log what tokenctl does on stderr (never a secret)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'tokenctl;oauth;request' {
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long to wait for the sign-in')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Token store file (SQLite) [default: in your data directory]')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Token server to use instead of the local store')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Saved login (server + user) to use [default: the last login]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: config.toml in your config directory]')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Print what this jq filter selects from the JSON, strings bare (e.g. ''.[].name'')')
            [CompletionResult]::new('--field', '--field', [CompletionResultType]::ParameterName, 'Print one field of the JSON bare, a line per item of a list (e.g. id)')
            [CompletionResult]::new('--device', '--device', [CompletionResultType]::ParameterName, 'Device authorization grant: for machines without a browser')
            [CompletionResult]::new('--client-credentials', '--client-credentials', [CompletionResultType]::ParameterName, 'Client credentials grant: the application acts as itself')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log what tokenctl does on stderr (never a secret)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'tokenctl;oauth;refresh' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Token store file (SQLite) [default: in your data directory]')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Token server to use instead of the local store')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Saved login (server + user) to use [default: the last login]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: config.toml in your config directory]')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Print what this jq filter selects from the JSON, strings bare (e.g. ''.[].name'')')
            [CompletionResult]::new('--field', '--field', [CompletionResultType]::ParameterName, 'Print one field of the JSON bare, a line per item of a list (e.g. id)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log what tokenctl does on stderr (never a secret)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'tokenctl;oauth;token' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Token store file (SQLite) [default: in your data directory]')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Token server to use instead of the local store')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Saved login (server + user) to use [default: the last login]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: config.toml in your config directory]')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Print what this jq filter selects from the JSON, strings bare (e.g. ''.[].name'')')
            [CompletionResult]::new('--field', '--field', [CompletionResultType]::ParameterName, 'Print one field of the JSON bare, a line per item of a list (e.g. id)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log what tokenctl does on stderr (never a secret)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'tokenctl;oauth;status' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Token store file (SQLite) [default: in your data directory]')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Token server to use instead of the local store')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Saved login (server + user) to use [default: the last login]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: config.toml in your config directory]')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Print what this jq filter selects from the JSON, strings bare (e.g. ''.[].name'')')
            [CompletionResult]::new('--field', '--field', [CompletionResultType]::ParameterName, 'Print one field of the JSON bare, a line per item of a list (e.g. id)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log what tokenctl does on stderr (never a secret)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'tokenctl;oauth;export' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Write to this file (created 0600) instead of stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write to this file (created 0600) instead of stdout')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Token store file (SQLite) [default: in your data directory]')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Token server to use instead of the local store')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Saved login (server + user) to use [default: the last login]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: config.toml in your config directory]')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Print what this jq filter selects from the JSON, strings bare (e.g. ''.[].name'')')
            [CompletionResult]::new('--field', '--field', [CompletionResultType]::ParameterName, 'Print one field of the JSON bare, a line per item of a list (e.g. id)')
            [CompletionResult]::new('--include-secrets', '--include-secrets', [CompletionResultType]::ParameterName, 'Include client secrets and tokens (the file then needs protecting)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log what tokenctl does on stderr (never a secret)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'tokenctl;oauth;import' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Token store file (SQLite) [default: in your data directory]')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Token server to use instead of the local store')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Saved login (server + user) to use [default: the last login]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: config.toml in your config directory]')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Print what this jq filter selects from the JSON, strings bare (e.g. ''.[].name'')')
            [CompletionResult]::new('--field', '--field', [CompletionResultType]::ParameterName, 'Print one field of the JSON bare, a line per item of a list (e.g. id)')
            [CompletionResult]::new('--overwrite', '--overwrite', [CompletionResultType]::ParameterName, 'Replace saved entries of the same names')
            [CompletionResult]::new('--insecure-storage', '--insecure-storage', [CompletionResultType]::ParameterName, 'Keep imported secrets in a 0600 file instead of the OS keyring')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log what tokenctl does on stderr (never a secret)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'tokenctl;oauth;help' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add an OAuth2 token configuration for a provider')
            [CompletionResult]::new('edit', 'edit', [CompletionResultType]::ParameterValue, 'Change an OAuth2 token configuration')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List OAuth2 tokens and when they expire')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one OAuth2 token configuration (never its secrets)')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove an OAuth2 token configuration and its secrets')
            [CompletionResult]::new('request', 'request', [CompletionResultType]::ParameterValue, 'Obtain a new token from the provider (a new authorization)')
            [CompletionResult]::new('refresh', 'refresh', [CompletionResultType]::ParameterValue, 'Renew the access token now, with the refresh token')
            [CompletionResult]::new('token', 'token', [CompletionResultType]::ParameterValue, 'Print a valid access token, refreshing it first when it has expired')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Say which OAuth2 tokens need attention; for cron and monitoring')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Export OAuth2 token configurations as YAML (version 1)')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Import OAuth2 token configurations from YAML (an `oauth export`)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'tokenctl;oauth;help;add' {
            break
        }
        'tokenctl;oauth;help;edit' {
            break
        }
        'tokenctl;oauth;help;list' {
            break
        }
        'tokenctl;oauth;help;show' {
            break
        }
        'tokenctl;oauth;help;remove' {
            break
        }
        'tokenctl;oauth;help;request' {
            break
        }
        'tokenctl;oauth;help;refresh' {
            break
        }
        'tokenctl;oauth;help;token' {
            break
        }
        'tokenctl;oauth;help;status' {
            break
        }
        'tokenctl;oauth;help;export' {
            break
        }
        'tokenctl;oauth;help;import' {
            break
        }
        'tokenctl;oauth;help;help' {
            break
        }
        'tokenctl;completions' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Token store file (SQLite) [default: in your data directory]')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Token server to use instead of the local store')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Saved login (server + user) to use [default: the last login]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: config.toml in your config directory]')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Print what this jq filter selects from the JSON, strings bare (e.g. ''.[].name'')')
            [CompletionResult]::new('--field', '--field', [CompletionResultType]::ParameterName, 'Print one field of the JSON bare, a line per item of a list (e.g. id)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log what tokenctl does on stderr (never a secret)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'tokenctl;clipboard-hold' {
            [CompletionResult]::new('--clear-after-ms', '--clear-after-ms', [CompletionResultType]::ParameterName, 'Clear after this many milliseconds; 0 holds until replaced')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Token store file (SQLite) [default: in your data directory]')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Token server to use instead of the local store')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Saved login (server + user) to use [default: the last login]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: config.toml in your config directory]')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Print what this jq filter selects from the JSON, strings bare (e.g. ''.[].name'')')
            [CompletionResult]::new('--field', '--field', [CompletionResultType]::ParameterName, 'Print one field of the JSON bare, a line per item of a list (e.g. id)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log what tokenctl does on stderr (never a secret)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'tokenctl;help' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a token and print its secret once')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List tokens')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one token')
            [CompletionResult]::new('revoke', 'revoke', [CompletionResultType]::ParameterValue, 'Revoke tokens, immediately and permanently')
            [CompletionResult]::new('regenerate', 'regenerate', [CompletionResultType]::ParameterValue, 'Replace an active token''s secret and print the new one once')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Check a token value read from stdin')
            [CompletionResult]::new('exchange', 'exchange', [CompletionResultType]::ParameterValue, 'Exchange a token for a short-lived access token (JWT), e.g. in CI')
            [CompletionResult]::new('scan', 'scan', [CompletionResultType]::ParameterValue, 'Find leaked tokens in files, directories, stdin or staged changes')
            [CompletionResult]::new('audit', 'audit', [CompletionResultType]::ParameterValue, 'Show the audit log')
            [CompletionResult]::new('login', 'login', [CompletionResultType]::ParameterValue, 'Log in to a token server')
            [CompletionResult]::new('logout', 'logout', [CompletionResultType]::ParameterValue, 'Log out: end the session on the server, then delete the stored copy')
            [CompletionResult]::new('auth', 'auth', [CompletionResultType]::ParameterValue, 'The credential tokenctl sends to the server, for scripts')
            [CompletionResult]::new('whoami', 'whoami', [CompletionResultType]::ParameterValue, 'Show who tokenctl acts as, and what they may do')
            [CompletionResult]::new('notices', 'notices', [CompletionResultType]::ParameterValue, 'Say which of your tokens need attention; for cron and monitoring')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show the backend in use, the user, and the session''s expiry and storage')
            [CompletionResult]::new('2fa', '2fa', [CompletionResultType]::ParameterValue, 'Manage two-factor authentication (TOTP) for your server account')
            [CompletionResult]::new('password', 'password', [CompletionResultType]::ParameterValue, 'Manage the password of your account')
            [CompletionResult]::new('serve', 'serve', [CompletionResultType]::ParameterValue, 'Boxed: its many flags would make every command this size')
            [CompletionResult]::new('session', 'session', [CompletionResultType]::ParameterValue, 'See and end login sessions (yours, or with --user another user''s)')
            [CompletionResult]::new('profile', 'profile', [CompletionResultType]::ParameterValue, 'List, switch and remove saved logins (profiles)')
            [CompletionResult]::new('role', 'role', [CompletionResultType]::ParameterValue, 'Manage roles (named sets of permissions)')
            [CompletionResult]::new('user', 'user', [CompletionResultType]::ParameterValue, 'Manage users (accounts that own tokens)')
            [CompletionResult]::new('trust', 'trust', [CompletionResultType]::ParameterValue, 'Manage trust policies: CI jobs that may exchange their OIDC ID token')
            [CompletionResult]::new('policy', 'policy', [CompletionResultType]::ParameterValue, 'Show, change or check the token policy')
            [CompletionResult]::new('webhook', 'webhook', [CompletionResultType]::ParameterValue, 'Manage webhooks: endpoints told of token and account events')
            [CompletionResult]::new('keys', 'keys', [CompletionResultType]::ParameterValue, 'Manage the signing keys (list and rotate need keys:manage)')
            [CompletionResult]::new('oauth', 'oauth', [CompletionResultType]::ParameterValue, 'Manage OAuth2 tokens of third-party providers (Google, Microsoft, custom)')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('clipboard-hold', 'clipboard-hold', [CompletionResultType]::ParameterValue, 'Holds a copied secret on the clipboard (started by create/regenerate)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'tokenctl;help;create' {
            break
        }
        'tokenctl;help;list' {
            break
        }
        'tokenctl;help;show' {
            break
        }
        'tokenctl;help;revoke' {
            break
        }
        'tokenctl;help;regenerate' {
            break
        }
        'tokenctl;help;verify' {
            break
        }
        'tokenctl;help;exchange' {
            break
        }
        'tokenctl;help;scan' {
            break
        }
        'tokenctl;help;audit' {
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Write the audit log as JSON Lines, for an archive or a log pipeline')
            [CompletionResult]::new('prune', 'prune', [CompletionResultType]::ParameterValue, 'Delete the audit entries from before a date (retention)')
            break
        }
        'tokenctl;help;audit;export' {
            break
        }
        'tokenctl;help;audit;prune' {
            break
        }
        'tokenctl;help;login' {
            break
        }
        'tokenctl;help;logout' {
            break
        }
        'tokenctl;help;auth' {
            [CompletionResult]::new('token', 'token', [CompletionResultType]::ParameterValue, 'Print the credential commands send to the server: TOKENCTL_TOKEN, else the session')
            break
        }
        'tokenctl;help;auth;token' {
            break
        }
        'tokenctl;help;whoami' {
            break
        }
        'tokenctl;help;notices' {
            break
        }
        'tokenctl;help;status' {
            break
        }
        'tokenctl;help;2fa' {
            [CompletionResult]::new('enable', 'enable', [CompletionResultType]::ParameterValue, 'Turn on 2FA, or move it to a new authenticator')
            [CompletionResult]::new('disable', 'disable', [CompletionResultType]::ParameterValue, 'Turn off 2FA on your server account')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show whether your server account has 2FA, and how many recovery codes are left')
            break
        }
        'tokenctl;help;2fa;enable' {
            break
        }
        'tokenctl;help;2fa;disable' {
            break
        }
        'tokenctl;help;2fa;status' {
            break
        }
        'tokenctl;help;password' {
            [CompletionResult]::new('change', 'change', [CompletionResultType]::ParameterValue, 'Change the password of your account')
            break
        }
        'tokenctl;help;password;change' {
            break
        }
        'tokenctl;help;serve' {
            break
        }
        'tokenctl;help;session' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List active login sessions: yours, or another user''s with --user')
            [CompletionResult]::new('revoke', 'revoke', [CompletionResultType]::ParameterValue, 'End a login session at once, or all of them with --all')
            break
        }
        'tokenctl;help;session;list' {
            break
        }
        'tokenctl;help;session;revoke' {
            break
        }
        'tokenctl;help;profile' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the saved logins: server, user, session, and which one is current')
            [CompletionResult]::new('use', 'use', [CompletionResultType]::ParameterValue, 'Make a saved login the current one: where commands go from now on')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Forget a saved login: its session ends on the server, then the profile goes')
            break
        }
        'tokenctl;help;profile;list' {
            break
        }
        'tokenctl;help;profile;use' {
            break
        }
        'tokenctl;help;profile;remove' {
            break
        }
        'tokenctl;help;role' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List roles and their permissions')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one role and what each of its permissions allows')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a custom role (needs users:manage)')
            [CompletionResult]::new('edit', 'edit', [CompletionResultType]::ParameterValue, 'Change a custom role''s permissions or description (needs users:manage)')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove a custom role (needs users:manage)')
            break
        }
        'tokenctl;help;role;list' {
            break
        }
        'tokenctl;help;role;show' {
            break
        }
        'tokenctl;help;role;add' {
            break
        }
        'tokenctl;help;role;edit' {
            break
        }
        'tokenctl;help;role;remove' {
            break
        }
        'tokenctl;help;user' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List users: role, email, 2FA, last login and status')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a user who can own tokens (needs users:manage)')
            [CompletionResult]::new('disable', 'disable', [CompletionResultType]::ParameterValue, 'Disable a user: their tokens stop working until they are enabled again')
            [CompletionResult]::new('enable', 'enable', [CompletionResultType]::ParameterValue, 'Enable a disabled user again')
            [CompletionResult]::new('set-role', 'set-role', [CompletionResultType]::ParameterValue, 'Give a user another role (needs users:manage)')
            [CompletionResult]::new('unlock', 'unlock', [CompletionResultType]::ParameterValue, 'Let a user log in again at once after failed logins (needs users:manage)')
            [CompletionResult]::new('reset-password', 'reset-password', [CompletionResultType]::ParameterValue, 'Set a new password for a user who lost theirs (needs users:manage)')
            [CompletionResult]::new('reset-2fa', 'reset-2fa', [CompletionResultType]::ParameterValue, 'Take 2FA off a user who lost their authenticator (needs users:manage)')
            [CompletionResult]::new('edit', 'edit', [CompletionResultType]::ParameterValue, 'Change a user''s details (needs users:manage)')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove a user: their tokens are revoked and their sessions end (needs users:manage)')
            break
        }
        'tokenctl;help;user;list' {
            break
        }
        'tokenctl;help;user;add' {
            break
        }
        'tokenctl;help;user;disable' {
            break
        }
        'tokenctl;help;user;enable' {
            break
        }
        'tokenctl;help;user;set-role' {
            break
        }
        'tokenctl;help;user;unlock' {
            break
        }
        'tokenctl;help;user;reset-password' {
            break
        }
        'tokenctl;help;user;reset-2fa' {
            break
        }
        'tokenctl;help;user;edit' {
            break
        }
        'tokenctl;help;user;remove' {
            break
        }
        'tokenctl;help;trust' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List trust policies (needs trust:manage)')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one trust policy (needs trust:manage)')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a trust policy: CI jobs that may exchange their ID token (needs trust:manage)')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove a trust policy (needs trust:manage and a login session)')
            [CompletionResult]::new('test', 'test', [CompletionResultType]::ParameterValue, 'Explain, claim by claim, whether trust policies admit an ID token')
            break
        }
        'tokenctl;help;trust;list' {
            break
        }
        'tokenctl;help;trust;show' {
            break
        }
        'tokenctl;help;trust;add' {
            break
        }
        'tokenctl;help;trust;remove' {
            break
        }
        'tokenctl;help;trust;test' {
            break
        }
        'tokenctl;help;policy' {
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show the token policy in force')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Change the token policy (needs policy:manage and a login)')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'List the tokens and users the token policy would not allow now')
            break
        }
        'tokenctl;help;policy;show' {
            break
        }
        'tokenctl;help;policy;set' {
            break
        }
        'tokenctl;help;policy;check' {
            break
        }
        'tokenctl;help;webhook' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List webhooks (needs webhooks:manage)')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a webhook and print its signing secret once (needs webhooks:manage and a login session)')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove a webhook (needs webhooks:manage and a login session)')
            [CompletionResult]::new('test', 'test', [CompletionResultType]::ParameterValue, 'Send a webhook a test message and wait for its first attempt (needs webhooks:manage)')
            [CompletionResult]::new('deliveries', 'deliveries', [CompletionResultType]::ParameterValue, 'Show the messages sent to webhooks, and how sending each went (needs webhooks:manage)')
            break
        }
        'tokenctl;help;webhook;list' {
            break
        }
        'tokenctl;help;webhook;add' {
            break
        }
        'tokenctl;help;webhook;remove' {
            break
        }
        'tokenctl;help;webhook;test' {
            break
        }
        'tokenctl;help;webhook;deliveries' {
            break
        }
        'tokenctl;help;keys' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the signing keys: the active one and the retired ones still published')
            [CompletionResult]::new('rotate', 'rotate', [CompletionResultType]::ParameterValue, 'Make a new key the signer; the old one keeps verifying what it signed')
            [CompletionResult]::new('jwks', 'jwks', [CompletionResultType]::ParameterValue, 'Print the public JWK Set that verifies exchanged access tokens')
            break
        }
        'tokenctl;help;keys;list' {
            break
        }
        'tokenctl;help;keys;rotate' {
            break
        }
        'tokenctl;help;keys;jwks' {
            break
        }
        'tokenctl;help;oauth' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add an OAuth2 token configuration for a provider')
            [CompletionResult]::new('edit', 'edit', [CompletionResultType]::ParameterValue, 'Change an OAuth2 token configuration')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List OAuth2 tokens and when they expire')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one OAuth2 token configuration (never its secrets)')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove an OAuth2 token configuration and its secrets')
            [CompletionResult]::new('request', 'request', [CompletionResultType]::ParameterValue, 'Obtain a new token from the provider (a new authorization)')
            [CompletionResult]::new('refresh', 'refresh', [CompletionResultType]::ParameterValue, 'Renew the access token now, with the refresh token')
            [CompletionResult]::new('token', 'token', [CompletionResultType]::ParameterValue, 'Print a valid access token, refreshing it first when it has expired')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Say which OAuth2 tokens need attention; for cron and monitoring')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Export OAuth2 token configurations as YAML (version 1)')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Import OAuth2 token configurations from YAML (an `oauth export`)')
            break
        }
        'tokenctl;help;oauth;add' {
            break
        }
        'tokenctl;help;oauth;edit' {
            break
        }
        'tokenctl;help;oauth;list' {
            break
        }
        'tokenctl;help;oauth;show' {
            break
        }
        'tokenctl;help;oauth;remove' {
            break
        }
        'tokenctl;help;oauth;request' {
            break
        }
        'tokenctl;help;oauth;refresh' {
            break
        }
        'tokenctl;help;oauth;token' {
            break
        }
        'tokenctl;help;oauth;status' {
            break
        }
        'tokenctl;help;oauth;export' {
            break
        }
        'tokenctl;help;oauth;import' {
            break
        }
        'tokenctl;help;completions' {
            break
        }
        'tokenctl;help;clipboard-hold' {
            break
        }
        'tokenctl;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
