# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_tokenctl_global_optspecs
    string join \n store= server= profile= config= json jq= field= q/quiet debug h/help V/version
end

function __fish_tokenctl_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_tokenctl_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_tokenctl_using_subcommand
    set -l cmd (__fish_tokenctl_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c tokenctl -n "__fish_tokenctl_needs_command" -l store -d 'Token store file (SQLite) [default: in your data directory]' -r -F
complete -c tokenctl -n "__fish_tokenctl_needs_command" -l server -d 'Token server to use instead of the local store' -r
complete -c tokenctl -n "__fish_tokenctl_needs_command" -l profile -d 'Saved login (server + user) to use [default: the last login]' -r
complete -c tokenctl -n "__fish_tokenctl_needs_command" -l config -d 'Config file [default: config.toml in your config directory]' -r -F
complete -c tokenctl -n "__fish_tokenctl_needs_command" -l jq -d 'Print what this jq filter selects from the JSON, strings bare (e.g. \'.[].name\')' -r
complete -c tokenctl -n "__fish_tokenctl_needs_command" -l field -d 'Print one field of the JSON bare, a line per item of a list (e.g. id)' -r
complete -c tokenctl -n "__fish_tokenctl_needs_command" -l json -d 'Print machine-readable JSON on stdout'
complete -c tokenctl -n "__fish_tokenctl_needs_command" -s q -l quiet -d 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
complete -c tokenctl -n "__fish_tokenctl_needs_command" -l debug -d 'Log what tokenctl does on stderr (never a secret)'
complete -c tokenctl -n "__fish_tokenctl_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c tokenctl -n "__fish_tokenctl_needs_command" -s V -l version -d 'Print version'
complete -c tokenctl -n "__fish_tokenctl_needs_command" -f -a "create" -d 'Create a token and print its secret once'
complete -c tokenctl -n "__fish_tokenctl_needs_command" -f -a "list" -d 'List tokens'
complete -c tokenctl -n "__fish_tokenctl_needs_command" -f -a "ls" -d 'List tokens'
complete -c tokenctl -n "__fish_tokenctl_needs_command" -f -a "show" -d 'Show one token'
complete -c tokenctl -n "__fish_tokenctl_needs_command" -f -a "revoke" -d 'Revoke tokens, immediately and permanently'
complete -c tokenctl -n "__fish_tokenctl_needs_command" -f -a "rm" -d 'Revoke tokens, immediately and permanently'
complete -c tokenctl -n "__fish_tokenctl_needs_command" -f -a "regenerate" -d 'Replace an active token\'s secret and print the new one once'
complete -c tokenctl -n "__fish_tokenctl_needs_command" -f -a "rotate" -d 'Replace an active token\'s secret and print the new one once'
complete -c tokenctl -n "__fish_tokenctl_needs_command" -f -a "verify" -d 'Check a token value read from stdin'
complete -c tokenctl -n "__fish_tokenctl_needs_command" -f -a "exchange" -d 'Exchange a token for a short-lived access token (JWT), e.g. in CI'
complete -c tokenctl -n "__fish_tokenctl_needs_command" -f -a "scan" -d 'Find leaked tokens in files, directories, stdin or staged changes'
complete -c tokenctl -n "__fish_tokenctl_needs_command" -f -a "audit" -d 'Show the audit log'
complete -c tokenctl -n "__fish_tokenctl_needs_command" -f -a "login" -d 'Log in to a token server'
complete -c tokenctl -n "__fish_tokenctl_needs_command" -f -a "logout" -d 'Log out: end the session on the server, then delete the stored copy'
complete -c tokenctl -n "__fish_tokenctl_needs_command" -f -a "auth" -d 'The credential tokenctl sends to the server, for scripts'
complete -c tokenctl -n "__fish_tokenctl_needs_command" -f -a "whoami" -d 'Show who tokenctl acts as, and what they may do'
complete -c tokenctl -n "__fish_tokenctl_needs_command" -f -a "notices" -d 'Say which of your tokens need attention; for cron and monitoring'
complete -c tokenctl -n "__fish_tokenctl_needs_command" -f -a "status" -d 'Show the backend in use, the user, and the session\'s expiry and storage'
complete -c tokenctl -n "__fish_tokenctl_needs_command" -f -a "2fa" -d 'Manage two-factor authentication (TOTP) for your server account'
complete -c tokenctl -n "__fish_tokenctl_needs_command" -f -a "password" -d 'Manage the password of your account'
complete -c tokenctl -n "__fish_tokenctl_needs_command" -f -a "serve" -d 'Boxed: its many flags would make every command this size'
complete -c tokenctl -n "__fish_tokenctl_needs_command" -f -a "session" -d 'See and end login sessions (yours, or with --user another user\'s)'
complete -c tokenctl -n "__fish_tokenctl_needs_command" -f -a "profile" -d 'List, switch and remove saved logins (profiles)'
complete -c tokenctl -n "__fish_tokenctl_needs_command" -f -a "role" -d 'Manage roles (named sets of permissions)'
complete -c tokenctl -n "__fish_tokenctl_needs_command" -f -a "user" -d 'Manage users (accounts that own tokens)'
complete -c tokenctl -n "__fish_tokenctl_needs_command" -f -a "trust" -d 'Manage trust policies: CI jobs that may exchange their OIDC ID token'
complete -c tokenctl -n "__fish_tokenctl_needs_command" -f -a "policy" -d 'Show, change or check the token policy'
complete -c tokenctl -n "__fish_tokenctl_needs_command" -f -a "webhook" -d 'Manage webhooks: endpoints told of token and account events'
complete -c tokenctl -n "__fish_tokenctl_needs_command" -f -a "keys" -d 'Manage the signing keys (list and rotate need keys:manage)'
complete -c tokenctl -n "__fish_tokenctl_needs_command" -f -a "oauth" -d 'Manage OAuth2 tokens of third-party providers (Google, Microsoft, custom)'
complete -c tokenctl -n "__fish_tokenctl_needs_command" -f -a "completions" -d 'Print a shell completion script'
complete -c tokenctl -n "__fish_tokenctl_needs_command" -f -a "clipboard-hold" -d 'Holds a copied secret on the clipboard (started by create/regenerate)'
complete -c tokenctl -n "__fish_tokenctl_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand create" -l type -d 'Kind of token: personal (a person\'s PAT) or service (an integration)' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand create" -l role -d 'Role whose permissions the token gets [default: the owner\'s role]' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand create" -l expires -d 'When it expires: 30d, 12h, 2027-01-31 or never [default: 30d]' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand create" -l description -d 'What the token is for' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand create" -l max-idle -d 'Stop working after this long unused, e.g. 90d (regenerate revives it)' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand create" -l allow-ip -d 'Work only from these addresses: CIDR blocks or single addresses, IPv4 or IPv6 (repeat it, or separate them with commas)' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand create" -l for -d 'Issue the token to another user (needs users:manage)' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand create" -l clipboard-clear-after -d 'Clear the clipboard after this long; 0 keeps it [default: 45s]' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand create" -l store -d 'Token store file (SQLite) [default: in your data directory]' -r -F
complete -c tokenctl -n "__fish_tokenctl_using_subcommand create" -l server -d 'Token server to use instead of the local store' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand create" -l profile -d 'Saved login (server + user) to use [default: the last login]' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand create" -l config -d 'Config file [default: config.toml in your config directory]' -r -F
complete -c tokenctl -n "__fish_tokenctl_using_subcommand create" -l jq -d 'Print what this jq filter selects from the JSON, strings bare (e.g. \'.[].name\')' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand create" -l field -d 'Print one field of the JSON bare, a line per item of a list (e.g. id)' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand create" -l no-clipboard -d 'Don\'t copy the new secret to the clipboard'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand create" -l json -d 'Print machine-readable JSON on stdout'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand create" -s q -l quiet -d 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand create" -l debug -d 'Log what tokenctl does on stderr (never a secret)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand create" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand list" -l status -d 'Which tokens to show' -r -f -a "active\t''
expired\t''
revoked\t''
idle\t'Unused past their --max-idle'
all\t''"
complete -c tokenctl -n "__fish_tokenctl_using_subcommand list" -l expiring-within -d 'Only active tokens that expire within this time, e.g. 7d' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand list" -l used-since -d 'Only tokens used within this time, e.g. 7d' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand list" -l unused-for -d 'Only tokens unused (and not made) for at least this time, e.g. 90d' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand list" -l owner -d 'Only tokens owned by this user' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand list" -l type -d 'Only tokens of this type (personal or service)' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand list" -l limit -d 'Show at most N items [default: 1000]' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand list" -l store -d 'Token store file (SQLite) [default: in your data directory]' -r -F
complete -c tokenctl -n "__fish_tokenctl_using_subcommand list" -l server -d 'Token server to use instead of the local store' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand list" -l profile -d 'Saved login (server + user) to use [default: the last login]' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand list" -l config -d 'Config file [default: config.toml in your config directory]' -r -F
complete -c tokenctl -n "__fish_tokenctl_using_subcommand list" -l jq -d 'Print what this jq filter selects from the JSON, strings bare (e.g. \'.[].name\')' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand list" -l field -d 'Print one field of the JSON bare, a line per item of a list (e.g. id)' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand list" -l fail-if-any -d 'Exit 1 when any token matches (for cron and CI checks)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand list" -l all -d 'Show every item, however many (fetched a page at a time)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand list" -l jsonl -d 'Print one JSON object per line as they arrive (JSON Lines)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand list" -l json -d 'Print machine-readable JSON on stdout'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand list" -s q -l quiet -d 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand list" -l debug -d 'Log what tokenctl does on stderr (never a secret)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand ls" -l status -d 'Which tokens to show' -r -f -a "active\t''
expired\t''
revoked\t''
idle\t'Unused past their --max-idle'
all\t''"
complete -c tokenctl -n "__fish_tokenctl_using_subcommand ls" -l expiring-within -d 'Only active tokens that expire within this time, e.g. 7d' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand ls" -l used-since -d 'Only tokens used within this time, e.g. 7d' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand ls" -l unused-for -d 'Only tokens unused (and not made) for at least this time, e.g. 90d' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand ls" -l owner -d 'Only tokens owned by this user' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand ls" -l type -d 'Only tokens of this type (personal or service)' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand ls" -l limit -d 'Show at most N items [default: 1000]' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand ls" -l store -d 'Token store file (SQLite) [default: in your data directory]' -r -F
complete -c tokenctl -n "__fish_tokenctl_using_subcommand ls" -l server -d 'Token server to use instead of the local store' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand ls" -l profile -d 'Saved login (server + user) to use [default: the last login]' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand ls" -l config -d 'Config file [default: config.toml in your config directory]' -r -F
complete -c tokenctl -n "__fish_tokenctl_using_subcommand ls" -l jq -d 'Print what this jq filter selects from the JSON, strings bare (e.g. \'.[].name\')' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand ls" -l field -d 'Print one field of the JSON bare, a line per item of a list (e.g. id)' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand ls" -l fail-if-any -d 'Exit 1 when any token matches (for cron and CI checks)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand ls" -l all -d 'Show every item, however many (fetched a page at a time)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand ls" -l jsonl -d 'Print one JSON object per line as they arrive (JSON Lines)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand ls" -l json -d 'Print machine-readable JSON on stdout'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand ls" -s q -l quiet -d 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand ls" -l debug -d 'Log what tokenctl does on stderr (never a secret)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand ls" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand show" -l store -d 'Token store file (SQLite) [default: in your data directory]' -r -F
complete -c tokenctl -n "__fish_tokenctl_using_subcommand show" -l server -d 'Token server to use instead of the local store' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand show" -l profile -d 'Saved login (server + user) to use [default: the last login]' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand show" -l config -d 'Config file [default: config.toml in your config directory]' -r -F
complete -c tokenctl -n "__fish_tokenctl_using_subcommand show" -l jq -d 'Print what this jq filter selects from the JSON, strings bare (e.g. \'.[].name\')' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand show" -l field -d 'Print one field of the JSON bare, a line per item of a list (e.g. id)' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand show" -l json -d 'Print machine-readable JSON on stdout'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand show" -s q -l quiet -d 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand show" -l debug -d 'Log what tokenctl does on stderr (never a secret)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand revoke" -l reason -d 'Why, in one line: kept in the audit entry and the webhook payload' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand revoke" -l owner -d 'With --all: revoke every active token of this user' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand revoke" -l type -d 'With --owner --all: only tokens of this type (personal or service)' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand revoke" -l store -d 'Token store file (SQLite) [default: in your data directory]' -r -F
complete -c tokenctl -n "__fish_tokenctl_using_subcommand revoke" -l server -d 'Token server to use instead of the local store' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand revoke" -l profile -d 'Saved login (server + user) to use [default: the last login]' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand revoke" -l config -d 'Config file [default: config.toml in your config directory]' -r -F
complete -c tokenctl -n "__fish_tokenctl_using_subcommand revoke" -l jq -d 'Print what this jq filter selects from the JSON, strings bare (e.g. \'.[].name\')' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand revoke" -l field -d 'Print one field of the JSON bare, a line per item of a list (e.g. id)' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand revoke" -l stdin -d 'Revoke every token value (secret) found in the text on stdin'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand revoke" -l all -d 'With --owner: every active token of theirs, not named one by one'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand revoke" -s y -l yes -d 'Do not ask for confirmation'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand revoke" -l json -d 'Print machine-readable JSON on stdout'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand revoke" -s q -l quiet -d 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand revoke" -l debug -d 'Log what tokenctl does on stderr (never a secret)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand revoke" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand rm" -l reason -d 'Why, in one line: kept in the audit entry and the webhook payload' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand rm" -l owner -d 'With --all: revoke every active token of this user' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand rm" -l type -d 'With --owner --all: only tokens of this type (personal or service)' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand rm" -l store -d 'Token store file (SQLite) [default: in your data directory]' -r -F
complete -c tokenctl -n "__fish_tokenctl_using_subcommand rm" -l server -d 'Token server to use instead of the local store' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand rm" -l profile -d 'Saved login (server + user) to use [default: the last login]' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand rm" -l config -d 'Config file [default: config.toml in your config directory]' -r -F
complete -c tokenctl -n "__fish_tokenctl_using_subcommand rm" -l jq -d 'Print what this jq filter selects from the JSON, strings bare (e.g. \'.[].name\')' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand rm" -l field -d 'Print one field of the JSON bare, a line per item of a list (e.g. id)' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand rm" -l stdin -d 'Revoke every token value (secret) found in the text on stdin'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand rm" -l all -d 'With --owner: every active token of theirs, not named one by one'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand rm" -s y -l yes -d 'Do not ask for confirmation'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand rm" -l json -d 'Print machine-readable JSON on stdout'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand rm" -s q -l quiet -d 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand rm" -l debug -d 'Log what tokenctl does on stderr (never a secret)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand rm" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand regenerate" -l grace -d 'Keep the old secret working this long, e.g. 10m (at most 7d)' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand regenerate" -l expires -d 'A new expiry: a duration (90d), a date (2027-01-31) or \'never\'' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand regenerate" -l clipboard-clear-after -d 'Clear the clipboard after this long; 0 keeps it [default: 45s]' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand regenerate" -l store -d 'Token store file (SQLite) [default: in your data directory]' -r -F
complete -c tokenctl -n "__fish_tokenctl_using_subcommand regenerate" -l server -d 'Token server to use instead of the local store' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand regenerate" -l profile -d 'Saved login (server + user) to use [default: the last login]' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand regenerate" -l config -d 'Config file [default: config.toml in your config directory]' -r -F
complete -c tokenctl -n "__fish_tokenctl_using_subcommand regenerate" -l jq -d 'Print what this jq filter selects from the JSON, strings bare (e.g. \'.[].name\')' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand regenerate" -l field -d 'Print one field of the JSON bare, a line per item of a list (e.g. id)' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand regenerate" -l self -d 'Regenerate the token this command authenticates with (TOKENCTL_TOKEN)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand regenerate" -s y -l yes -d 'Do not ask for confirmation'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand regenerate" -l no-clipboard -d 'Don\'t copy the new secret to the clipboard'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand regenerate" -l json -d 'Print machine-readable JSON on stdout'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand regenerate" -s q -l quiet -d 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand regenerate" -l debug -d 'Log what tokenctl does on stderr (never a secret)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand regenerate" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand rotate" -l grace -d 'Keep the old secret working this long, e.g. 10m (at most 7d)' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand rotate" -l expires -d 'A new expiry: a duration (90d), a date (2027-01-31) or \'never\'' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand rotate" -l clipboard-clear-after -d 'Clear the clipboard after this long; 0 keeps it [default: 45s]' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand rotate" -l store -d 'Token store file (SQLite) [default: in your data directory]' -r -F
complete -c tokenctl -n "__fish_tokenctl_using_subcommand rotate" -l server -d 'Token server to use instead of the local store' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand rotate" -l profile -d 'Saved login (server + user) to use [default: the last login]' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand rotate" -l config -d 'Config file [default: config.toml in your config directory]' -r -F
complete -c tokenctl -n "__fish_tokenctl_using_subcommand rotate" -l jq -d 'Print what this jq filter selects from the JSON, strings bare (e.g. \'.[].name\')' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand rotate" -l field -d 'Print one field of the JSON bare, a line per item of a list (e.g. id)' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand rotate" -l self -d 'Regenerate the token this command authenticates with (TOKENCTL_TOKEN)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand rotate" -s y -l yes -d 'Do not ask for confirmation'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand rotate" -l no-clipboard -d 'Don\'t copy the new secret to the clipboard'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand rotate" -l json -d 'Print machine-readable JSON on stdout'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand rotate" -s q -l quiet -d 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand rotate" -l debug -d 'Log what tokenctl does on stderr (never a secret)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand rotate" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand verify" -l audience -d 'The audience an access token must be for [default: its issuer]' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand verify" -l from -d 'Check it as used from this address, against its allow-list (a local store only; a server checks the address it sees)' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand verify" -l store -d 'Token store file (SQLite) [default: in your data directory]' -r -F
complete -c tokenctl -n "__fish_tokenctl_using_subcommand verify" -l server -d 'Token server to use instead of the local store' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand verify" -l profile -d 'Saved login (server + user) to use [default: the last login]' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand verify" -l config -d 'Config file [default: config.toml in your config directory]' -r -F
complete -c tokenctl -n "__fish_tokenctl_using_subcommand verify" -l jq -d 'Print what this jq filter selects from the JSON, strings bare (e.g. \'.[].name\')' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand verify" -l field -d 'Print one field of the JSON bare, a line per item of a list (e.g. id)' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand verify" -l json -d 'Print machine-readable JSON on stdout'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand verify" -s q -l quiet -d 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand verify" -l debug -d 'Log what tokenctl does on stderr (never a secret)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand verify" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand exchange" -l ttl -d 'Lifetime of the access token [default: 15m]; the server may shorten it (its maximum, the subject\'s own expiry), and says so on stderr' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand exchange" -l scope -d 'Permission the access token gets (repeatable) [default: all of the subject\'s]' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand exchange" -l audience -d 'Who the access token is for [default: the issuing server]' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand exchange" -l output -d 'How to print the access token [default: raw]' -r -f -a "raw\t''
json\t''
env\t''
github\t''"
complete -c tokenctl -n "__fish_tokenctl_using_subcommand exchange" -l oidc -d 'Exchange this CI job\'s ID token: github asks GitHub Actions for one (the job needs `permissions: id-token: write`); gitlab reads TOKENCTL_ID_TOKEN (declared under the job\'s `id_tokens:`)' -r -f -a "github\t''
gitlab\t''"
complete -c tokenctl -n "__fish_tokenctl_using_subcommand exchange" -l oidc-audience -d 'The audience GitHub mints the ID token for: the trust policy\'s --audience [default: the server URL]' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand exchange" -l store -d 'Token store file (SQLite) [default: in your data directory]' -r -F
complete -c tokenctl -n "__fish_tokenctl_using_subcommand exchange" -l server -d 'Token server to use instead of the local store' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand exchange" -l profile -d 'Saved login (server + user) to use [default: the last login]' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand exchange" -l config -d 'Config file [default: config.toml in your config directory]' -r -F
complete -c tokenctl -n "__fish_tokenctl_using_subcommand exchange" -l jq -d 'Print what this jq filter selects from the JSON, strings bare (e.g. \'.[].name\')' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand exchange" -l field -d 'Print one field of the JSON bare, a line per item of a list (e.g. id)' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand exchange" -l strict-ttl -d 'Refuse, instead of shortening, a --ttl the server cannot give in full'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand exchange" -l token-stdin -d 'Read the token to exchange from stdin (one line)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand exchange" -l id-token-stdin -d 'Read an OpenID Connect ID token (a JWT) from stdin and exchange it'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand exchange" -l json -d 'Print machine-readable JSON on stdout'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand exchange" -s q -l quiet -d 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand exchange" -l debug -d 'Log what tokenctl does on stderr (never a secret)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand exchange" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand scan" -l store -d 'Token store file (SQLite) [default: in your data directory]' -r -F
complete -c tokenctl -n "__fish_tokenctl_using_subcommand scan" -l server -d 'Token server to use instead of the local store' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand scan" -l profile -d 'Saved login (server + user) to use [default: the last login]' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand scan" -l config -d 'Config file [default: config.toml in your config directory]' -r -F
complete -c tokenctl -n "__fish_tokenctl_using_subcommand scan" -l jq -d 'Print what this jq filter selects from the JSON, strings bare (e.g. \'.[].name\')' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand scan" -l field -d 'Print one field of the JSON bare, a line per item of a list (e.g. id)' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand scan" -l staged -d 'Scan the staged changes of the git repository here (what a commit would record)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand scan" -l revoke -d 'Revoke every active token found (asks first on a terminal)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand scan" -s y -l yes -d 'With --revoke: do not ask for confirmation'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand scan" -s L -l follow -d 'Follow symbolic links (a loop is reported, not followed)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand scan" -l no-ignore -d 'Also scan files that .gitignore and .ignore files exclude'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand scan" -l json -d 'Print machine-readable JSON on stdout'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand scan" -s q -l quiet -d 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand scan" -l debug -d 'Log what tokenctl does on stderr (never a secret)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand scan" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand audit; and not __fish_seen_subcommand_from export prune help" -l token -d 'Only entries about this token (ID or name), and those it made' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand audit; and not __fish_seen_subcommand_from export prune help" -l since -d 'Only entries newer than this, e.g. 24h or 7d' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand audit; and not __fish_seen_subcommand_from export prune help" -l until -d 'Only entries older than this, e.g. 30d' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand audit; and not __fish_seen_subcommand_from export prune help" -l actor -d 'Only entries made by this user' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand audit; and not __fish_seen_subcommand_from export prune help" -l action -d 'Only entries of this action, e.g. token.revoke' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand audit; and not __fish_seen_subcommand_from export prune help" -l limit -d 'Show at most N items [default: 1000]' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand audit; and not __fish_seen_subcommand_from export prune help" -l store -d 'Token store file (SQLite) [default: in your data directory]' -r -F
complete -c tokenctl -n "__fish_tokenctl_using_subcommand audit; and not __fish_seen_subcommand_from export prune help" -l server -d 'Token server to use instead of the local store' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand audit; and not __fish_seen_subcommand_from export prune help" -l profile -d 'Saved login (server + user) to use [default: the last login]' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand audit; and not __fish_seen_subcommand_from export prune help" -l config -d 'Config file [default: config.toml in your config directory]' -r -F
complete -c tokenctl -n "__fish_tokenctl_using_subcommand audit; and not __fish_seen_subcommand_from export prune help" -l jq -d 'Print what this jq filter selects from the JSON, strings bare (e.g. \'.[].name\')' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand audit; and not __fish_seen_subcommand_from export prune help" -l field -d 'Print one field of the JSON bare, a line per item of a list (e.g. id)' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand audit; and not __fish_seen_subcommand_from export prune help" -l all -d 'Show every item, however many (fetched a page at a time)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand audit; and not __fish_seen_subcommand_from export prune help" -l jsonl -d 'Print one JSON object per line as they arrive (JSON Lines)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand audit; and not __fish_seen_subcommand_from export prune help" -l json -d 'Print machine-readable JSON on stdout'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand audit; and not __fish_seen_subcommand_from export prune help" -s q -l quiet -d 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand audit; and not __fish_seen_subcommand_from export prune help" -l debug -d 'Log what tokenctl does on stderr (never a secret)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand audit; and not __fish_seen_subcommand_from export prune help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand audit; and not __fish_seen_subcommand_from export prune help" -f -a "export" -d 'Write the audit log as JSON Lines, for an archive or a log pipeline'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand audit; and not __fish_seen_subcommand_from export prune help" -f -a "prune" -d 'Delete the audit entries from before a date (retention)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand audit; and not __fish_seen_subcommand_from export prune help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand audit; and __fish_seen_subcommand_from export" -l token -d 'Only entries about this token (ID or name), and those it made' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand audit; and __fish_seen_subcommand_from export" -l since -d 'Only entries newer than this, e.g. 24h or 7d' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand audit; and __fish_seen_subcommand_from export" -l until -d 'Only entries older than this, e.g. 30d' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand audit; and __fish_seen_subcommand_from export" -l actor -d 'Only entries made by this user' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand audit; and __fish_seen_subcommand_from export" -l action -d 'Only entries of this action, e.g. token.revoke' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand audit; and __fish_seen_subcommand_from export" -l store -d 'Token store file (SQLite) [default: in your data directory]' -r -F
complete -c tokenctl -n "__fish_tokenctl_using_subcommand audit; and __fish_seen_subcommand_from export" -l server -d 'Token server to use instead of the local store' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand audit; and __fish_seen_subcommand_from export" -l profile -d 'Saved login (server + user) to use [default: the last login]' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand audit; and __fish_seen_subcommand_from export" -l config -d 'Config file [default: config.toml in your config directory]' -r -F
complete -c tokenctl -n "__fish_tokenctl_using_subcommand audit; and __fish_seen_subcommand_from export" -l jq -d 'Print what this jq filter selects from the JSON, strings bare (e.g. \'.[].name\')' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand audit; and __fish_seen_subcommand_from export" -l field -d 'Print one field of the JSON bare, a line per item of a list (e.g. id)' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand audit; and __fish_seen_subcommand_from export" -l json -d 'Print machine-readable JSON on stdout'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand audit; and __fish_seen_subcommand_from export" -s q -l quiet -d 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand audit; and __fish_seen_subcommand_from export" -l debug -d 'Log what tokenctl does on stderr (never a secret)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand audit; and __fish_seen_subcommand_from export" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand audit; and __fish_seen_subcommand_from prune" -l before -d 'Delete the entries older than this: a duration ago (400d), a date (2026-01-01) or an RFC 3339 time' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand audit; and __fish_seen_subcommand_from prune" -l store -d 'Token store file (SQLite) [default: in your data directory]' -r -F
complete -c tokenctl -n "__fish_tokenctl_using_subcommand audit; and __fish_seen_subcommand_from prune" -l server -d 'Token server to use instead of the local store' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand audit; and __fish_seen_subcommand_from prune" -l profile -d 'Saved login (server + user) to use [default: the last login]' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand audit; and __fish_seen_subcommand_from prune" -l config -d 'Config file [default: config.toml in your config directory]' -r -F
complete -c tokenctl -n "__fish_tokenctl_using_subcommand audit; and __fish_seen_subcommand_from prune" -l jq -d 'Print what this jq filter selects from the JSON, strings bare (e.g. \'.[].name\')' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand audit; and __fish_seen_subcommand_from prune" -l field -d 'Print one field of the JSON bare, a line per item of a list (e.g. id)' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand audit; and __fish_seen_subcommand_from prune" -s y -l yes -d 'Do not ask for confirmation'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand audit; and __fish_seen_subcommand_from prune" -l json -d 'Print machine-readable JSON on stdout'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand audit; and __fish_seen_subcommand_from prune" -s q -l quiet -d 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand audit; and __fish_seen_subcommand_from prune" -l debug -d 'Log what tokenctl does on stderr (never a secret)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand audit; and __fish_seen_subcommand_from prune" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand audit; and __fish_seen_subcommand_from help" -f -a "export" -d 'Write the audit log as JSON Lines, for an archive or a log pipeline'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand audit; and __fish_seen_subcommand_from help" -f -a "prune" -d 'Delete the audit entries from before a date (retention)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand audit; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand login" -s u -l username -d 'Account name [default: your OS user name]' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand login" -l store -d 'Token store file (SQLite) [default: in your data directory]' -r -F
complete -c tokenctl -n "__fish_tokenctl_using_subcommand login" -l server -d 'Token server to use instead of the local store' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand login" -l profile -d 'Saved login (server + user) to use [default: the last login]' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand login" -l config -d 'Config file [default: config.toml in your config directory]' -r -F
complete -c tokenctl -n "__fish_tokenctl_using_subcommand login" -l jq -d 'Print what this jq filter selects from the JSON, strings bare (e.g. \'.[].name\')' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand login" -l field -d 'Print one field of the JSON bare, a line per item of a list (e.g. id)' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand login" -l password-stdin -d 'Read the password, then a 2FA code and a new password when asked, from lines of stdin'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand login" -l insecure-storage -d 'Keep the session in a 0600 file instead of the OS keyring'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand login" -l json -d 'Print machine-readable JSON on stdout'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand login" -s q -l quiet -d 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand login" -l debug -d 'Log what tokenctl does on stderr (never a secret)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand login" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand logout" -l store -d 'Token store file (SQLite) [default: in your data directory]' -r -F
complete -c tokenctl -n "__fish_tokenctl_using_subcommand logout" -l server -d 'Token server to use instead of the local store' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand logout" -l profile -d 'Saved login (server + user) to use [default: the last login]' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand logout" -l config -d 'Config file [default: config.toml in your config directory]' -r -F
complete -c tokenctl -n "__fish_tokenctl_using_subcommand logout" -l jq -d 'Print what this jq filter selects from the JSON, strings bare (e.g. \'.[].name\')' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand logout" -l field -d 'Print one field of the JSON bare, a line per item of a list (e.g. id)' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand logout" -l json -d 'Print machine-readable JSON on stdout'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand logout" -s q -l quiet -d 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand logout" -l debug -d 'Log what tokenctl does on stderr (never a secret)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand logout" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand auth; and not __fish_seen_subcommand_from token help" -l store -d 'Token store file (SQLite) [default: in your data directory]' -r -F
complete -c tokenctl -n "__fish_tokenctl_using_subcommand auth; and not __fish_seen_subcommand_from token help" -l server -d 'Token server to use instead of the local store' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand auth; and not __fish_seen_subcommand_from token help" -l profile -d 'Saved login (server + user) to use [default: the last login]' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand auth; and not __fish_seen_subcommand_from token help" -l config -d 'Config file [default: config.toml in your config directory]' -r -F
complete -c tokenctl -n "__fish_tokenctl_using_subcommand auth; and not __fish_seen_subcommand_from token help" -l jq -d 'Print what this jq filter selects from the JSON, strings bare (e.g. \'.[].name\')' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand auth; and not __fish_seen_subcommand_from token help" -l field -d 'Print one field of the JSON bare, a line per item of a list (e.g. id)' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand auth; and not __fish_seen_subcommand_from token help" -l json -d 'Print machine-readable JSON on stdout'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand auth; and not __fish_seen_subcommand_from token help" -s q -l quiet -d 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand auth; and not __fish_seen_subcommand_from token help" -l debug -d 'Log what tokenctl does on stderr (never a secret)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand auth; and not __fish_seen_subcommand_from token help" -s h -l help -d 'Print help'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand auth; and not __fish_seen_subcommand_from token help" -f -a "token" -d 'Print the credential commands send to the server: TOKENCTL_TOKEN, else the session'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand auth; and not __fish_seen_subcommand_from token help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand auth; and __fish_seen_subcommand_from token" -l store -d 'Token store file (SQLite) [default: in your data directory]' -r -F
complete -c tokenctl -n "__fish_tokenctl_using_subcommand auth; and __fish_seen_subcommand_from token" -l server -d 'Token server to use instead of the local store' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand auth; and __fish_seen_subcommand_from token" -l profile -d 'Saved login (server + user) to use [default: the last login]' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand auth; and __fish_seen_subcommand_from token" -l config -d 'Config file [default: config.toml in your config directory]' -r -F
complete -c tokenctl -n "__fish_tokenctl_using_subcommand auth; and __fish_seen_subcommand_from token" -l jq -d 'Print what this jq filter selects from the JSON, strings bare (e.g. \'.[].name\')' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand auth; and __fish_seen_subcommand_from token" -l field -d 'Print one field of the JSON bare, a line per item of a list (e.g. id)' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand auth; and __fish_seen_subcommand_from token" -l json -d 'Print machine-readable JSON on stdout'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand auth; and __fish_seen_subcommand_from token" -s q -l quiet -d 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand auth; and __fish_seen_subcommand_from token" -l debug -d 'Log what tokenctl does on stderr (never a secret)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand auth; and __fish_seen_subcommand_from token" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand auth; and __fish_seen_subcommand_from help" -f -a "token" -d 'Print the credential commands send to the server: TOKENCTL_TOKEN, else the session'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand auth; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand whoami" -l store -d 'Token store file (SQLite) [default: in your data directory]' -r -F
complete -c tokenctl -n "__fish_tokenctl_using_subcommand whoami" -l server -d 'Token server to use instead of the local store' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand whoami" -l profile -d 'Saved login (server + user) to use [default: the last login]' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand whoami" -l config -d 'Config file [default: config.toml in your config directory]' -r -F
complete -c tokenctl -n "__fish_tokenctl_using_subcommand whoami" -l jq -d 'Print what this jq filter selects from the JSON, strings bare (e.g. \'.[].name\')' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand whoami" -l field -d 'Print one field of the JSON bare, a line per item of a list (e.g. id)' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand whoami" -l json -d 'Print machine-readable JSON on stdout'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand whoami" -s q -l quiet -d 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand whoami" -l debug -d 'Log what tokenctl does on stderr (never a secret)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand whoami" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand notices" -l store -d 'Token store file (SQLite) [default: in your data directory]' -r -F
complete -c tokenctl -n "__fish_tokenctl_using_subcommand notices" -l server -d 'Token server to use instead of the local store' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand notices" -l profile -d 'Saved login (server + user) to use [default: the last login]' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand notices" -l config -d 'Config file [default: config.toml in your config directory]' -r -F
complete -c tokenctl -n "__fish_tokenctl_using_subcommand notices" -l jq -d 'Print what this jq filter selects from the JSON, strings bare (e.g. \'.[].name\')' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand notices" -l field -d 'Print one field of the JSON bare, a line per item of a list (e.g. id)' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand notices" -l json -d 'Print machine-readable JSON on stdout'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand notices" -s q -l quiet -d 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand notices" -l debug -d 'Log what tokenctl does on stderr (never a secret)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand notices" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand status" -l store -d 'Token store file (SQLite) [default: in your data directory]' -r -F
complete -c tokenctl -n "__fish_tokenctl_using_subcommand status" -l server -d 'Token server to use instead of the local store' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand status" -l profile -d 'Saved login (server + user) to use [default: the last login]' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand status" -l config -d 'Config file [default: config.toml in your config directory]' -r -F
complete -c tokenctl -n "__fish_tokenctl_using_subcommand status" -l jq -d 'Print what this jq filter selects from the JSON, strings bare (e.g. \'.[].name\')' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand status" -l field -d 'Print one field of the JSON bare, a line per item of a list (e.g. id)' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand status" -l json -d 'Print machine-readable JSON on stdout'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand status" -s q -l quiet -d 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand status" -l debug -d 'Log what tokenctl does on stderr (never a secret)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand status" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand 2fa; and not __fish_seen_subcommand_from enable disable status help" -l store -d 'Token store file (SQLite) [default: in your data directory]' -r -F
complete -c tokenctl -n "__fish_tokenctl_using_subcommand 2fa; and not __fish_seen_subcommand_from enable disable status help" -l server -d 'Token server to use instead of the local store' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand 2fa; and not __fish_seen_subcommand_from enable disable status help" -l profile -d 'Saved login (server + user) to use [default: the last login]' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand 2fa; and not __fish_seen_subcommand_from enable disable status help" -l config -d 'Config file [default: config.toml in your config directory]' -r -F
complete -c tokenctl -n "__fish_tokenctl_using_subcommand 2fa; and not __fish_seen_subcommand_from enable disable status help" -l jq -d 'Print what this jq filter selects from the JSON, strings bare (e.g. \'.[].name\')' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand 2fa; and not __fish_seen_subcommand_from enable disable status help" -l field -d 'Print one field of the JSON bare, a line per item of a list (e.g. id)' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand 2fa; and not __fish_seen_subcommand_from enable disable status help" -l json -d 'Print machine-readable JSON on stdout'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand 2fa; and not __fish_seen_subcommand_from enable disable status help" -s q -l quiet -d 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand 2fa; and not __fish_seen_subcommand_from enable disable status help" -l debug -d 'Log what tokenctl does on stderr (never a secret)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand 2fa; and not __fish_seen_subcommand_from enable disable status help" -s h -l help -d 'Print help'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand 2fa; and not __fish_seen_subcommand_from enable disable status help" -f -a "enable" -d 'Turn on 2FA, or move it to a new authenticator'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand 2fa; and not __fish_seen_subcommand_from enable disable status help" -f -a "disable" -d 'Turn off 2FA on your server account'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand 2fa; and not __fish_seen_subcommand_from enable disable status help" -f -a "status" -d 'Show whether your server account has 2FA, and how many recovery codes are left'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand 2fa; and not __fish_seen_subcommand_from enable disable status help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand 2fa; and __fish_seen_subcommand_from enable" -l store -d 'Token store file (SQLite) [default: in your data directory]' -r -F
complete -c tokenctl -n "__fish_tokenctl_using_subcommand 2fa; and __fish_seen_subcommand_from enable" -l server -d 'Token server to use instead of the local store' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand 2fa; and __fish_seen_subcommand_from enable" -l profile -d 'Saved login (server + user) to use [default: the last login]' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand 2fa; and __fish_seen_subcommand_from enable" -l config -d 'Config file [default: config.toml in your config directory]' -r -F
complete -c tokenctl -n "__fish_tokenctl_using_subcommand 2fa; and __fish_seen_subcommand_from enable" -l jq -d 'Print what this jq filter selects from the JSON, strings bare (e.g. \'.[].name\')' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand 2fa; and __fish_seen_subcommand_from enable" -l field -d 'Print one field of the JSON bare, a line per item of a list (e.g. id)' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand 2fa; and __fish_seen_subcommand_from enable" -l code-stdin -d 'Read the codes from stdin, one line each'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand 2fa; and __fish_seen_subcommand_from enable" -l json -d 'Print machine-readable JSON on stdout'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand 2fa; and __fish_seen_subcommand_from enable" -s q -l quiet -d 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand 2fa; and __fish_seen_subcommand_from enable" -l debug -d 'Log what tokenctl does on stderr (never a secret)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand 2fa; and __fish_seen_subcommand_from enable" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand 2fa; and __fish_seen_subcommand_from disable" -l store -d 'Token store file (SQLite) [default: in your data directory]' -r -F
complete -c tokenctl -n "__fish_tokenctl_using_subcommand 2fa; and __fish_seen_subcommand_from disable" -l server -d 'Token server to use instead of the local store' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand 2fa; and __fish_seen_subcommand_from disable" -l profile -d 'Saved login (server + user) to use [default: the last login]' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand 2fa; and __fish_seen_subcommand_from disable" -l config -d 'Config file [default: config.toml in your config directory]' -r -F
complete -c tokenctl -n "__fish_tokenctl_using_subcommand 2fa; and __fish_seen_subcommand_from disable" -l jq -d 'Print what this jq filter selects from the JSON, strings bare (e.g. \'.[].name\')' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand 2fa; and __fish_seen_subcommand_from disable" -l field -d 'Print one field of the JSON bare, a line per item of a list (e.g. id)' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand 2fa; and __fish_seen_subcommand_from disable" -l code-stdin -d 'Read the code (or a recovery code) from the first line of stdin'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand 2fa; and __fish_seen_subcommand_from disable" -l json -d 'Print machine-readable JSON on stdout'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand 2fa; and __fish_seen_subcommand_from disable" -s q -l quiet -d 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand 2fa; and __fish_seen_subcommand_from disable" -l debug -d 'Log what tokenctl does on stderr (never a secret)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand 2fa; and __fish_seen_subcommand_from disable" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand 2fa; and __fish_seen_subcommand_from status" -l store -d 'Token store file (SQLite) [default: in your data directory]' -r -F
complete -c tokenctl -n "__fish_tokenctl_using_subcommand 2fa; and __fish_seen_subcommand_from status" -l server -d 'Token server to use instead of the local store' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand 2fa; and __fish_seen_subcommand_from status" -l profile -d 'Saved login (server + user) to use [default: the last login]' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand 2fa; and __fish_seen_subcommand_from status" -l config -d 'Config file [default: config.toml in your config directory]' -r -F
complete -c tokenctl -n "__fish_tokenctl_using_subcommand 2fa; and __fish_seen_subcommand_from status" -l jq -d 'Print what this jq filter selects from the JSON, strings bare (e.g. \'.[].name\')' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand 2fa; and __fish_seen_subcommand_from status" -l field -d 'Print one field of the JSON bare, a line per item of a list (e.g. id)' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand 2fa; and __fish_seen_subcommand_from status" -l json -d 'Print machine-readable JSON on stdout'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand 2fa; and __fish_seen_subcommand_from status" -s q -l quiet -d 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand 2fa; and __fish_seen_subcommand_from status" -l debug -d 'Log what tokenctl does on stderr (never a secret)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand 2fa; and __fish_seen_subcommand_from status" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand 2fa; and __fish_seen_subcommand_from help" -f -a "enable" -d 'Turn on 2FA, or move it to a new authenticator'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand 2fa; and __fish_seen_subcommand_from help" -f -a "disable" -d 'Turn off 2FA on your server account'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand 2fa; and __fish_seen_subcommand_from help" -f -a "status" -d 'Show whether your server account has 2FA, and how many recovery codes are left'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand 2fa; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand password; and not __fish_seen_subcommand_from change help" -l store -d 'Token store file (SQLite) [default: in your data directory]' -r -F
complete -c tokenctl -n "__fish_tokenctl_using_subcommand password; and not __fish_seen_subcommand_from change help" -l server -d 'Token server to use instead of the local store' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand password; and not __fish_seen_subcommand_from change help" -l profile -d 'Saved login (server + user) to use [default: the last login]' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand password; and not __fish_seen_subcommand_from change help" -l config -d 'Config file [default: config.toml in your config directory]' -r -F
complete -c tokenctl -n "__fish_tokenctl_using_subcommand password; and not __fish_seen_subcommand_from change help" -l jq -d 'Print what this jq filter selects from the JSON, strings bare (e.g. \'.[].name\')' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand password; and not __fish_seen_subcommand_from change help" -l field -d 'Print one field of the JSON bare, a line per item of a list (e.g. id)' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand password; and not __fish_seen_subcommand_from change help" -l json -d 'Print machine-readable JSON on stdout'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand password; and not __fish_seen_subcommand_from change help" -s q -l quiet -d 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand password; and not __fish_seen_subcommand_from change help" -l debug -d 'Log what tokenctl does on stderr (never a secret)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand password; and not __fish_seen_subcommand_from change help" -s h -l help -d 'Print help'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand password; and not __fish_seen_subcommand_from change help" -f -a "change" -d 'Change the password of your account'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand password; and not __fish_seen_subcommand_from change help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand password; and __fish_seen_subcommand_from change" -l store -d 'Token store file (SQLite) [default: in your data directory]' -r -F
complete -c tokenctl -n "__fish_tokenctl_using_subcommand password; and __fish_seen_subcommand_from change" -l server -d 'Token server to use instead of the local store' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand password; and __fish_seen_subcommand_from change" -l profile -d 'Saved login (server + user) to use [default: the last login]' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand password; and __fish_seen_subcommand_from change" -l config -d 'Config file [default: config.toml in your config directory]' -r -F
complete -c tokenctl -n "__fish_tokenctl_using_subcommand password; and __fish_seen_subcommand_from change" -l jq -d 'Print what this jq filter selects from the JSON, strings bare (e.g. \'.[].name\')' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand password; and __fish_seen_subcommand_from change" -l field -d 'Print one field of the JSON bare, a line per item of a list (e.g. id)' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand password; and __fish_seen_subcommand_from change" -l password-stdin -d 'Read the current password and the new one from the first two lines of stdin'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand password; and __fish_seen_subcommand_from change" -l json -d 'Print machine-readable JSON on stdout'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand password; and __fish_seen_subcommand_from change" -s q -l quiet -d 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand password; and __fish_seen_subcommand_from change" -l debug -d 'Log what tokenctl does on stderr (never a secret)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand password; and __fish_seen_subcommand_from change" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand password; and __fish_seen_subcommand_from help" -f -a "change" -d 'Change the password of your account'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand password; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand serve" -l listen -d 'Address to listen on (port 0 picks a free port)' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand serve" -l database -d 'sqlite:PATH or postgres://… [default: the store named by --store, else sqlite:<data dir>/server.db]' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand serve" -l trusted-proxy -d 'Believe the client address these proxies (CIDR blocks, repeatable or comma-separated) write in --proxy-header: the rightmost hop that is not one of them is the client, for allow-lists, the login limit and the audit log; their connections count only toward --max-connections [default: none; the socket\'s peer is the client]' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand serve" -l proxy-header -d 'The header the trusted proxies write the client\'s address in; only this one is read' -r -f -a "x-forwarded-for\t'`X-Forwarded-For: client, proxy1, proxy2` (nginx, HAProxy, most load balancers)'
forwarded\t'`Forwarded: for=client, for=proxy1` (RFC 7239)'"
complete -c tokenctl -n "__fish_tokenctl_using_subcommand serve" -l metrics-listen -d 'Serve /metrics on this address only (plain HTTP, for a private network), not with the API [default: with the API]' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand serve" -l signing-key -d 'Signing key set (JSON, or a bare Ed25519 PKCS#8 key); created if missing [default: <data dir>/signing-keys.json]' -r -F
complete -c tokenctl -n "__fish_tokenctl_using_subcommand serve" -l init-admin -d 'Create this admin account if the store has no users yet' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand serve" -l init-admin-password-file -d 'The first admin\'s password: first line of FILE, or of stdin with -' -r -F
complete -c tokenctl -n "__fish_tokenctl_using_subcommand serve" -l tls-cert -d 'Serve HTTPS with this certificate chain (PEM); needs --tls-key' -r -F
complete -c tokenctl -n "__fish_tokenctl_using_subcommand serve" -l tls-key -d 'Private key (PEM) for --tls-cert' -r -F
complete -c tokenctl -n "__fish_tokenctl_using_subcommand serve" -l login-attempts-per-minute -d 'Login attempts allowed per client address per minute' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand serve" -l exchanges-per-minute -d 'Token exchanges (POST /oauth2/token, GET /api/personalaccesstoken/getAuthenticationToken) allowed per credential per minute: a token, or one person\'s sessions. Each writes an audit entry. 0: no limit' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand serve" -l issuer -d '`iss` of the access tokens this server issues, and their default audience; replicas behind one name must share it [default: the URL this server listens on]' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand serve" -l audience -d 'Another audience `tokenctl exchange --audience` may ask for (repeatable)' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand serve" -l request-timeout -d 'Longest a request may take, sending it included; a slower one is answered 408' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand serve" -l leak-keys -d 'Take GitHub\'s secret scanning reports at POST /v1/leaks/github, verified with the keys at this URL or in this file (GitHub\'s format: https://api.github.com/meta/public_keys/secret_scanning)' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand serve" -l expiry-notices -d 'How long before a token expires its owner hears of it (token.expiring to webhooks; comma-separated), then token.expired when it lapses; each sent once per token, by whichever replica gets there first' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand serve" -l smtp -d 'Also mail expiry and leak notices to each token\'s owner (their `user add|edit --email`) through this relay: smtps://host[:465] (TLS) or smtp://[user@]host[:587] (STARTTLS; plain only to a relay on loopback). The relay\'s password: TOKENCTL_SMTP_PASSWORD' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand serve" -l smtp-from -d 'The From address of notice mails, e.g. "tokenctl <tokens@example.com>"' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand serve" -l max-exchange-ttl -d 'Longest lifetime of an exchanged access token (at most 24h)' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand serve" -l header-timeout -d 'Longest a client may take to send a request\'s headers (and, on a new connection, its first request); idle connections close after it' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand serve" -l max-connections -d 'Connections held at once; more are refused with 503 [default: the open-file limit, raised to its maximum, less 128 for the store]' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand serve" -l max-connections-per-address -d 'Connections held at once from one client address' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand serve" -l login-concurrency -d 'Password hashes (logins, new accounts) run at once, off the request workers [default: half the CPU cores, at least 1]' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand serve" -l login-queue -d 'Logins waiting for a hash beyond those running; more are refused with 503 and Retry-After' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand serve" -l store -d 'Token store file (SQLite) [default: in your data directory]' -r -F
complete -c tokenctl -n "__fish_tokenctl_using_subcommand serve" -l server -d 'Token server to use instead of the local store' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand serve" -l profile -d 'Saved login (server + user) to use [default: the last login]' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand serve" -l config -d 'Config file [default: config.toml in your config directory]' -r -F
complete -c tokenctl -n "__fish_tokenctl_using_subcommand serve" -l jq -d 'Print what this jq filter selects from the JSON, strings bare (e.g. \'.[].name\')' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand serve" -l field -d 'Print one field of the JSON bare, a line per item of a list (e.g. id)' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand serve" -l access-log -d 'One line per request on stdout: time, client address, method, path, status, duration and the credential\'s token id, hint or session — never a secret, a header or a body'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand serve" -l require-2fa -d 'Every account needs 2FA: a login without a code may only set it up (tokenctl 2fa enable), and tokens are created only from a session opened with a code'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand serve" -l allow-private-webhooks -d 'Let webhooks point at private addresses (loopback, 10/8, 192.168/16, link-local, fc00::/7…) and use plain http: only for receivers inside your own network'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand serve" -l json -d 'Print machine-readable JSON on stdout'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand serve" -s q -l quiet -d 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand serve" -l debug -d 'Log what tokenctl does on stderr (never a secret)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand serve" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand session; and not __fish_seen_subcommand_from list ls revoke help" -l store -d 'Token store file (SQLite) [default: in your data directory]' -r -F
complete -c tokenctl -n "__fish_tokenctl_using_subcommand session; and not __fish_seen_subcommand_from list ls revoke help" -l server -d 'Token server to use instead of the local store' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand session; and not __fish_seen_subcommand_from list ls revoke help" -l profile -d 'Saved login (server + user) to use [default: the last login]' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand session; and not __fish_seen_subcommand_from list ls revoke help" -l config -d 'Config file [default: config.toml in your config directory]' -r -F
complete -c tokenctl -n "__fish_tokenctl_using_subcommand session; and not __fish_seen_subcommand_from list ls revoke help" -l jq -d 'Print what this jq filter selects from the JSON, strings bare (e.g. \'.[].name\')' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand session; and not __fish_seen_subcommand_from list ls revoke help" -l field -d 'Print one field of the JSON bare, a line per item of a list (e.g. id)' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand session; and not __fish_seen_subcommand_from list ls revoke help" -l json -d 'Print machine-readable JSON on stdout'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand session; and not __fish_seen_subcommand_from list ls revoke help" -s q -l quiet -d 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand session; and not __fish_seen_subcommand_from list ls revoke help" -l debug -d 'Log what tokenctl does on stderr (never a secret)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand session; and not __fish_seen_subcommand_from list ls revoke help" -s h -l help -d 'Print help'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand session; and not __fish_seen_subcommand_from list ls revoke help" -f -a "list" -d 'List active login sessions: yours, or another user\'s with --user'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand session; and not __fish_seen_subcommand_from list ls revoke help" -f -a "ls" -d 'List active login sessions: yours, or another user\'s with --user'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand session; and not __fish_seen_subcommand_from list ls revoke help" -f -a "revoke" -d 'End a login session at once, or all of them with --all'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand session; and not __fish_seen_subcommand_from list ls revoke help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand session; and __fish_seen_subcommand_from list" -l user -d 'Whose sessions (default: yours)' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand session; and __fish_seen_subcommand_from list" -l store -d 'Token store file (SQLite) [default: in your data directory]' -r -F
complete -c tokenctl -n "__fish_tokenctl_using_subcommand session; and __fish_seen_subcommand_from list" -l server -d 'Token server to use instead of the local store' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand session; and __fish_seen_subcommand_from list" -l profile -d 'Saved login (server + user) to use [default: the last login]' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand session; and __fish_seen_subcommand_from list" -l config -d 'Config file [default: config.toml in your config directory]' -r -F
complete -c tokenctl -n "__fish_tokenctl_using_subcommand session; and __fish_seen_subcommand_from list" -l jq -d 'Print what this jq filter selects from the JSON, strings bare (e.g. \'.[].name\')' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand session; and __fish_seen_subcommand_from list" -l field -d 'Print one field of the JSON bare, a line per item of a list (e.g. id)' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand session; and __fish_seen_subcommand_from list" -l json -d 'Print machine-readable JSON on stdout'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand session; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand session; and __fish_seen_subcommand_from list" -l debug -d 'Log what tokenctl does on stderr (never a secret)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand session; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand session; and __fish_seen_subcommand_from ls" -l user -d 'Whose sessions (default: yours)' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand session; and __fish_seen_subcommand_from ls" -l store -d 'Token store file (SQLite) [default: in your data directory]' -r -F
complete -c tokenctl -n "__fish_tokenctl_using_subcommand session; and __fish_seen_subcommand_from ls" -l server -d 'Token server to use instead of the local store' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand session; and __fish_seen_subcommand_from ls" -l profile -d 'Saved login (server + user) to use [default: the last login]' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand session; and __fish_seen_subcommand_from ls" -l config -d 'Config file [default: config.toml in your config directory]' -r -F
complete -c tokenctl -n "__fish_tokenctl_using_subcommand session; and __fish_seen_subcommand_from ls" -l jq -d 'Print what this jq filter selects from the JSON, strings bare (e.g. \'.[].name\')' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand session; and __fish_seen_subcommand_from ls" -l field -d 'Print one field of the JSON bare, a line per item of a list (e.g. id)' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand session; and __fish_seen_subcommand_from ls" -l json -d 'Print machine-readable JSON on stdout'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand session; and __fish_seen_subcommand_from ls" -s q -l quiet -d 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand session; and __fish_seen_subcommand_from ls" -l debug -d 'Log what tokenctl does on stderr (never a secret)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand session; and __fish_seen_subcommand_from ls" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand session; and __fish_seen_subcommand_from revoke" -l user -d 'Whose sessions (default: yours)' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand session; and __fish_seen_subcommand_from revoke" -l store -d 'Token store file (SQLite) [default: in your data directory]' -r -F
complete -c tokenctl -n "__fish_tokenctl_using_subcommand session; and __fish_seen_subcommand_from revoke" -l server -d 'Token server to use instead of the local store' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand session; and __fish_seen_subcommand_from revoke" -l profile -d 'Saved login (server + user) to use [default: the last login]' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand session; and __fish_seen_subcommand_from revoke" -l config -d 'Config file [default: config.toml in your config directory]' -r -F
complete -c tokenctl -n "__fish_tokenctl_using_subcommand session; and __fish_seen_subcommand_from revoke" -l jq -d 'Print what this jq filter selects from the JSON, strings bare (e.g. \'.[].name\')' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand session; and __fish_seen_subcommand_from revoke" -l field -d 'Print one field of the JSON bare, a line per item of a list (e.g. id)' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand session; and __fish_seen_subcommand_from revoke" -l all -d 'End every active session'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand session; and __fish_seen_subcommand_from revoke" -l json -d 'Print machine-readable JSON on stdout'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand session; and __fish_seen_subcommand_from revoke" -s q -l quiet -d 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand session; and __fish_seen_subcommand_from revoke" -l debug -d 'Log what tokenctl does on stderr (never a secret)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand session; and __fish_seen_subcommand_from revoke" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand session; and __fish_seen_subcommand_from help" -f -a "list" -d 'List active login sessions: yours, or another user\'s with --user'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand session; and __fish_seen_subcommand_from help" -f -a "revoke" -d 'End a login session at once, or all of them with --all'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand session; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand profile; and not __fish_seen_subcommand_from list ls use remove rm help" -l store -d 'Token store file (SQLite) [default: in your data directory]' -r -F
complete -c tokenctl -n "__fish_tokenctl_using_subcommand profile; and not __fish_seen_subcommand_from list ls use remove rm help" -l server -d 'Token server to use instead of the local store' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand profile; and not __fish_seen_subcommand_from list ls use remove rm help" -l profile -d 'Saved login (server + user) to use [default: the last login]' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand profile; and not __fish_seen_subcommand_from list ls use remove rm help" -l config -d 'Config file [default: config.toml in your config directory]' -r -F
complete -c tokenctl -n "__fish_tokenctl_using_subcommand profile; and not __fish_seen_subcommand_from list ls use remove rm help" -l jq -d 'Print what this jq filter selects from the JSON, strings bare (e.g. \'.[].name\')' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand profile; and not __fish_seen_subcommand_from list ls use remove rm help" -l field -d 'Print one field of the JSON bare, a line per item of a list (e.g. id)' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand profile; and not __fish_seen_subcommand_from list ls use remove rm help" -l json -d 'Print machine-readable JSON on stdout'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand profile; and not __fish_seen_subcommand_from list ls use remove rm help" -s q -l quiet -d 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand profile; and not __fish_seen_subcommand_from list ls use remove rm help" -l debug -d 'Log what tokenctl does on stderr (never a secret)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand profile; and not __fish_seen_subcommand_from list ls use remove rm help" -s h -l help -d 'Print help'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand profile; and not __fish_seen_subcommand_from list ls use remove rm help" -f -a "list" -d 'List the saved logins: server, user, session, and which one is current'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand profile; and not __fish_seen_subcommand_from list ls use remove rm help" -f -a "ls" -d 'List the saved logins: server, user, session, and which one is current'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand profile; and not __fish_seen_subcommand_from list ls use remove rm help" -f -a "use" -d 'Make a saved login the current one: where commands go from now on'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand profile; and not __fish_seen_subcommand_from list ls use remove rm help" -f -a "remove" -d 'Forget a saved login: its session ends on the server, then the profile goes'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand profile; and not __fish_seen_subcommand_from list ls use remove rm help" -f -a "rm" -d 'Forget a saved login: its session ends on the server, then the profile goes'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand profile; and not __fish_seen_subcommand_from list ls use remove rm help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand profile; and __fish_seen_subcommand_from list" -l store -d 'Token store file (SQLite) [default: in your data directory]' -r -F
complete -c tokenctl -n "__fish_tokenctl_using_subcommand profile; and __fish_seen_subcommand_from list" -l server -d 'Token server to use instead of the local store' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand profile; and __fish_seen_subcommand_from list" -l profile -d 'Saved login (server + user) to use [default: the last login]' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand profile; and __fish_seen_subcommand_from list" -l config -d 'Config file [default: config.toml in your config directory]' -r -F
complete -c tokenctl -n "__fish_tokenctl_using_subcommand profile; and __fish_seen_subcommand_from list" -l jq -d 'Print what this jq filter selects from the JSON, strings bare (e.g. \'.[].name\')' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand profile; and __fish_seen_subcommand_from list" -l field -d 'Print one field of the JSON bare, a line per item of a list (e.g. id)' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand profile; and __fish_seen_subcommand_from list" -l json -d 'Print machine-readable JSON on stdout'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand profile; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand profile; and __fish_seen_subcommand_from list" -l debug -d 'Log what tokenctl does on stderr (never a secret)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand profile; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand profile; and __fish_seen_subcommand_from ls" -l store -d 'Token store file (SQLite) [default: in your data directory]' -r -F
complete -c tokenctl -n "__fish_tokenctl_using_subcommand profile; and __fish_seen_subcommand_from ls" -l server -d 'Token server to use instead of the local store' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand profile; and __fish_seen_subcommand_from ls" -l profile -d 'Saved login (server + user) to use [default: the last login]' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand profile; and __fish_seen_subcommand_from ls" -l config -d 'Config file [default: config.toml in your config directory]' -r -F
complete -c tokenctl -n "__fish_tokenctl_using_subcommand profile; and __fish_seen_subcommand_from ls" -l jq -d 'Print what this jq filter selects from the JSON, strings bare (e.g. \'.[].name\')' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand profile; and __fish_seen_subcommand_from ls" -l field -d 'Print one field of the JSON bare, a line per item of a list (e.g. id)' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand profile; and __fish_seen_subcommand_from ls" -l json -d 'Print machine-readable JSON on stdout'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand profile; and __fish_seen_subcommand_from ls" -s q -l quiet -d 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand profile; and __fish_seen_subcommand_from ls" -l debug -d 'Log what tokenctl does on stderr (never a secret)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand profile; and __fish_seen_subcommand_from ls" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand profile; and __fish_seen_subcommand_from use" -l store -d 'Token store file (SQLite) [default: in your data directory]' -r -F
complete -c tokenctl -n "__fish_tokenctl_using_subcommand profile; and __fish_seen_subcommand_from use" -l server -d 'Token server to use instead of the local store' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand profile; and __fish_seen_subcommand_from use" -l profile -d 'Saved login (server + user) to use [default: the last login]' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand profile; and __fish_seen_subcommand_from use" -l config -d 'Config file [default: config.toml in your config directory]' -r -F
complete -c tokenctl -n "__fish_tokenctl_using_subcommand profile; and __fish_seen_subcommand_from use" -l jq -d 'Print what this jq filter selects from the JSON, strings bare (e.g. \'.[].name\')' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand profile; and __fish_seen_subcommand_from use" -l field -d 'Print one field of the JSON bare, a line per item of a list (e.g. id)' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand profile; and __fish_seen_subcommand_from use" -l json -d 'Print machine-readable JSON on stdout'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand profile; and __fish_seen_subcommand_from use" -s q -l quiet -d 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand profile; and __fish_seen_subcommand_from use" -l debug -d 'Log what tokenctl does on stderr (never a secret)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand profile; and __fish_seen_subcommand_from use" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand profile; and __fish_seen_subcommand_from remove" -l store -d 'Token store file (SQLite) [default: in your data directory]' -r -F
complete -c tokenctl -n "__fish_tokenctl_using_subcommand profile; and __fish_seen_subcommand_from remove" -l server -d 'Token server to use instead of the local store' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand profile; and __fish_seen_subcommand_from remove" -l profile -d 'Saved login (server + user) to use [default: the last login]' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand profile; and __fish_seen_subcommand_from remove" -l config -d 'Config file [default: config.toml in your config directory]' -r -F
complete -c tokenctl -n "__fish_tokenctl_using_subcommand profile; and __fish_seen_subcommand_from remove" -l jq -d 'Print what this jq filter selects from the JSON, strings bare (e.g. \'.[].name\')' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand profile; and __fish_seen_subcommand_from remove" -l field -d 'Print one field of the JSON bare, a line per item of a list (e.g. id)' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand profile; and __fish_seen_subcommand_from remove" -l json -d 'Print machine-readable JSON on stdout'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand profile; and __fish_seen_subcommand_from remove" -s q -l quiet -d 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand profile; and __fish_seen_subcommand_from remove" -l debug -d 'Log what tokenctl does on stderr (never a secret)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand profile; and __fish_seen_subcommand_from remove" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand profile; and __fish_seen_subcommand_from rm" -l store -d 'Token store file (SQLite) [default: in your data directory]' -r -F
complete -c tokenctl -n "__fish_tokenctl_using_subcommand profile; and __fish_seen_subcommand_from rm" -l server -d 'Token server to use instead of the local store' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand profile; and __fish_seen_subcommand_from rm" -l profile -d 'Saved login (server + user) to use [default: the last login]' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand profile; and __fish_seen_subcommand_from rm" -l config -d 'Config file [default: config.toml in your config directory]' -r -F
complete -c tokenctl -n "__fish_tokenctl_using_subcommand profile; and __fish_seen_subcommand_from rm" -l jq -d 'Print what this jq filter selects from the JSON, strings bare (e.g. \'.[].name\')' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand profile; and __fish_seen_subcommand_from rm" -l field -d 'Print one field of the JSON bare, a line per item of a list (e.g. id)' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand profile; and __fish_seen_subcommand_from rm" -l json -d 'Print machine-readable JSON on stdout'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand profile; and __fish_seen_subcommand_from rm" -s q -l quiet -d 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand profile; and __fish_seen_subcommand_from rm" -l debug -d 'Log what tokenctl does on stderr (never a secret)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand profile; and __fish_seen_subcommand_from rm" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand profile; and __fish_seen_subcommand_from help" -f -a "list" -d 'List the saved logins: server, user, session, and which one is current'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand profile; and __fish_seen_subcommand_from help" -f -a "use" -d 'Make a saved login the current one: where commands go from now on'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand profile; and __fish_seen_subcommand_from help" -f -a "remove" -d 'Forget a saved login: its session ends on the server, then the profile goes'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand profile; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand role; and not __fish_seen_subcommand_from list ls show add edit remove rm help" -l store -d 'Token store file (SQLite) [default: in your data directory]' -r -F
complete -c tokenctl -n "__fish_tokenctl_using_subcommand role; and not __fish_seen_subcommand_from list ls show add edit remove rm help" -l server -d 'Token server to use instead of the local store' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand role; and not __fish_seen_subcommand_from list ls show add edit remove rm help" -l profile -d 'Saved login (server + user) to use [default: the last login]' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand role; and not __fish_seen_subcommand_from list ls show add edit remove rm help" -l config -d 'Config file [default: config.toml in your config directory]' -r -F
complete -c tokenctl -n "__fish_tokenctl_using_subcommand role; and not __fish_seen_subcommand_from list ls show add edit remove rm help" -l jq -d 'Print what this jq filter selects from the JSON, strings bare (e.g. \'.[].name\')' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand role; and not __fish_seen_subcommand_from list ls show add edit remove rm help" -l field -d 'Print one field of the JSON bare, a line per item of a list (e.g. id)' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand role; and not __fish_seen_subcommand_from list ls show add edit remove rm help" -l json -d 'Print machine-readable JSON on stdout'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand role; and not __fish_seen_subcommand_from list ls show add edit remove rm help" -s q -l quiet -d 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand role; and not __fish_seen_subcommand_from list ls show add edit remove rm help" -l debug -d 'Log what tokenctl does on stderr (never a secret)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand role; and not __fish_seen_subcommand_from list ls show add edit remove rm help" -s h -l help -d 'Print help'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand role; and not __fish_seen_subcommand_from list ls show add edit remove rm help" -f -a "list" -d 'List roles and their permissions'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand role; and not __fish_seen_subcommand_from list ls show add edit remove rm help" -f -a "ls" -d 'List roles and their permissions'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand role; and not __fish_seen_subcommand_from list ls show add edit remove rm help" -f -a "show" -d 'Show one role and what each of its permissions allows'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand role; and not __fish_seen_subcommand_from list ls show add edit remove rm help" -f -a "add" -d 'Add a custom role (needs users:manage)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand role; and not __fish_seen_subcommand_from list ls show add edit remove rm help" -f -a "edit" -d 'Change a custom role\'s permissions or description (needs users:manage)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand role; and not __fish_seen_subcommand_from list ls show add edit remove rm help" -f -a "remove" -d 'Remove a custom role (needs users:manage)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand role; and not __fish_seen_subcommand_from list ls show add edit remove rm help" -f -a "rm" -d 'Remove a custom role (needs users:manage)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand role; and not __fish_seen_subcommand_from list ls show add edit remove rm help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand role; and __fish_seen_subcommand_from list" -l store -d 'Token store file (SQLite) [default: in your data directory]' -r -F
complete -c tokenctl -n "__fish_tokenctl_using_subcommand role; and __fish_seen_subcommand_from list" -l server -d 'Token server to use instead of the local store' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand role; and __fish_seen_subcommand_from list" -l profile -d 'Saved login (server + user) to use [default: the last login]' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand role; and __fish_seen_subcommand_from list" -l config -d 'Config file [default: config.toml in your config directory]' -r -F
complete -c tokenctl -n "__fish_tokenctl_using_subcommand role; and __fish_seen_subcommand_from list" -l jq -d 'Print what this jq filter selects from the JSON, strings bare (e.g. \'.[].name\')' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand role; and __fish_seen_subcommand_from list" -l field -d 'Print one field of the JSON bare, a line per item of a list (e.g. id)' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand role; and __fish_seen_subcommand_from list" -l json -d 'Print machine-readable JSON on stdout'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand role; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand role; and __fish_seen_subcommand_from list" -l debug -d 'Log what tokenctl does on stderr (never a secret)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand role; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand role; and __fish_seen_subcommand_from ls" -l store -d 'Token store file (SQLite) [default: in your data directory]' -r -F
complete -c tokenctl -n "__fish_tokenctl_using_subcommand role; and __fish_seen_subcommand_from ls" -l server -d 'Token server to use instead of the local store' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand role; and __fish_seen_subcommand_from ls" -l profile -d 'Saved login (server + user) to use [default: the last login]' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand role; and __fish_seen_subcommand_from ls" -l config -d 'Config file [default: config.toml in your config directory]' -r -F
complete -c tokenctl -n "__fish_tokenctl_using_subcommand role; and __fish_seen_subcommand_from ls" -l jq -d 'Print what this jq filter selects from the JSON, strings bare (e.g. \'.[].name\')' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand role; and __fish_seen_subcommand_from ls" -l field -d 'Print one field of the JSON bare, a line per item of a list (e.g. id)' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand role; and __fish_seen_subcommand_from ls" -l json -d 'Print machine-readable JSON on stdout'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand role; and __fish_seen_subcommand_from ls" -s q -l quiet -d 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand role; and __fish_seen_subcommand_from ls" -l debug -d 'Log what tokenctl does on stderr (never a secret)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand role; and __fish_seen_subcommand_from ls" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand role; and __fish_seen_subcommand_from show" -l store -d 'Token store file (SQLite) [default: in your data directory]' -r -F
complete -c tokenctl -n "__fish_tokenctl_using_subcommand role; and __fish_seen_subcommand_from show" -l server -d 'Token server to use instead of the local store' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand role; and __fish_seen_subcommand_from show" -l profile -d 'Saved login (server + user) to use [default: the last login]' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand role; and __fish_seen_subcommand_from show" -l config -d 'Config file [default: config.toml in your config directory]' -r -F
complete -c tokenctl -n "__fish_tokenctl_using_subcommand role; and __fish_seen_subcommand_from show" -l jq -d 'Print what this jq filter selects from the JSON, strings bare (e.g. \'.[].name\')' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand role; and __fish_seen_subcommand_from show" -l field -d 'Print one field of the JSON bare, a line per item of a list (e.g. id)' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand role; and __fish_seen_subcommand_from show" -l json -d 'Print machine-readable JSON on stdout'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand role; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand role; and __fish_seen_subcommand_from show" -l debug -d 'Log what tokenctl does on stderr (never a secret)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand role; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand role; and __fish_seen_subcommand_from add" -s p -l permission -d 'A permission the role grants (repeat for several): api:read, api:write, files:upload, tokens:read, tokens:manage, tokens:read-all, tokens:revoke-all, audit:read, users:manage, keys:manage, audit:prune, trust:manage, webhooks:manage, tokens:rotate-self, policy:manage' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand role; and __fish_seen_subcommand_from add" -l description -d 'What the role is for' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand role; and __fish_seen_subcommand_from add" -l store -d 'Token store file (SQLite) [default: in your data directory]' -r -F
complete -c tokenctl -n "__fish_tokenctl_using_subcommand role; and __fish_seen_subcommand_from add" -l server -d 'Token server to use instead of the local store' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand role; and __fish_seen_subcommand_from add" -l profile -d 'Saved login (server + user) to use [default: the last login]' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand role; and __fish_seen_subcommand_from add" -l config -d 'Config file [default: config.toml in your config directory]' -r -F
complete -c tokenctl -n "__fish_tokenctl_using_subcommand role; and __fish_seen_subcommand_from add" -l jq -d 'Print what this jq filter selects from the JSON, strings bare (e.g. \'.[].name\')' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand role; and __fish_seen_subcommand_from add" -l field -d 'Print one field of the JSON bare, a line per item of a list (e.g. id)' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand role; and __fish_seen_subcommand_from add" -l json -d 'Print machine-readable JSON on stdout'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand role; and __fish_seen_subcommand_from add" -s q -l quiet -d 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand role; and __fish_seen_subcommand_from add" -l debug -d 'Log what tokenctl does on stderr (never a secret)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand role; and __fish_seen_subcommand_from add" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand role; and __fish_seen_subcommand_from edit" -l add-permission -d 'A permission the role grants (repeat for several): api:read, api:write, files:upload, tokens:read, tokens:manage, tokens:read-all, tokens:revoke-all, audit:read, users:manage, keys:manage, audit:prune, trust:manage, webhooks:manage, tokens:rotate-self, policy:manage' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand role; and __fish_seen_subcommand_from edit" -l remove-permission -d 'A permission the role no longer grants (repeat for several)' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand role; and __fish_seen_subcommand_from edit" -l description -d 'What the role is for' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand role; and __fish_seen_subcommand_from edit" -l store -d 'Token store file (SQLite) [default: in your data directory]' -r -F
complete -c tokenctl -n "__fish_tokenctl_using_subcommand role; and __fish_seen_subcommand_from edit" -l server -d 'Token server to use instead of the local store' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand role; and __fish_seen_subcommand_from edit" -l profile -d 'Saved login (server + user) to use [default: the last login]' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand role; and __fish_seen_subcommand_from edit" -l config -d 'Config file [default: config.toml in your config directory]' -r -F
complete -c tokenctl -n "__fish_tokenctl_using_subcommand role; and __fish_seen_subcommand_from edit" -l jq -d 'Print what this jq filter selects from the JSON, strings bare (e.g. \'.[].name\')' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand role; and __fish_seen_subcommand_from edit" -l field -d 'Print one field of the JSON bare, a line per item of a list (e.g. id)' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand role; and __fish_seen_subcommand_from edit" -l json -d 'Print machine-readable JSON on stdout'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand role; and __fish_seen_subcommand_from edit" -s q -l quiet -d 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand role; and __fish_seen_subcommand_from edit" -l debug -d 'Log what tokenctl does on stderr (never a secret)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand role; and __fish_seen_subcommand_from edit" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand role; and __fish_seen_subcommand_from remove" -l reassign -d 'The role its users and tokens move to' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand role; and __fish_seen_subcommand_from remove" -l store -d 'Token store file (SQLite) [default: in your data directory]' -r -F
complete -c tokenctl -n "__fish_tokenctl_using_subcommand role; and __fish_seen_subcommand_from remove" -l server -d 'Token server to use instead of the local store' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand role; and __fish_seen_subcommand_from remove" -l profile -d 'Saved login (server + user) to use [default: the last login]' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand role; and __fish_seen_subcommand_from remove" -l config -d 'Config file [default: config.toml in your config directory]' -r -F
complete -c tokenctl -n "__fish_tokenctl_using_subcommand role; and __fish_seen_subcommand_from remove" -l jq -d 'Print what this jq filter selects from the JSON, strings bare (e.g. \'.[].name\')' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand role; and __fish_seen_subcommand_from remove" -l field -d 'Print one field of the JSON bare, a line per item of a list (e.g. id)' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand role; and __fish_seen_subcommand_from remove" -l json -d 'Print machine-readable JSON on stdout'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand role; and __fish_seen_subcommand_from remove" -s q -l quiet -d 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand role; and __fish_seen_subcommand_from remove" -l debug -d 'Log what tokenctl does on stderr (never a secret)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand role; and __fish_seen_subcommand_from remove" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand role; and __fish_seen_subcommand_from rm" -l reassign -d 'The role its users and tokens move to' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand role; and __fish_seen_subcommand_from rm" -l store -d 'Token store file (SQLite) [default: in your data directory]' -r -F
complete -c tokenctl -n "__fish_tokenctl_using_subcommand role; and __fish_seen_subcommand_from rm" -l server -d 'Token server to use instead of the local store' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand role; and __fish_seen_subcommand_from rm" -l profile -d 'Saved login (server + user) to use [default: the last login]' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand role; and __fish_seen_subcommand_from rm" -l config -d 'Config file [default: config.toml in your config directory]' -r -F
complete -c tokenctl -n "__fish_tokenctl_using_subcommand role; and __fish_seen_subcommand_from rm" -l jq -d 'Print what this jq filter selects from the JSON, strings bare (e.g. \'.[].name\')' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand role; and __fish_seen_subcommand_from rm" -l field -d 'Print one field of the JSON bare, a line per item of a list (e.g. id)' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand role; and __fish_seen_subcommand_from rm" -l json -d 'Print machine-readable JSON on stdout'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand role; and __fish_seen_subcommand_from rm" -s q -l quiet -d 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand role; and __fish_seen_subcommand_from rm" -l debug -d 'Log what tokenctl does on stderr (never a secret)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand role; and __fish_seen_subcommand_from rm" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand role; and __fish_seen_subcommand_from help" -f -a "list" -d 'List roles and their permissions'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand role; and __fish_seen_subcommand_from help" -f -a "show" -d 'Show one role and what each of its permissions allows'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand role; and __fish_seen_subcommand_from help" -f -a "add" -d 'Add a custom role (needs users:manage)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand role; and __fish_seen_subcommand_from help" -f -a "edit" -d 'Change a custom role\'s permissions or description (needs users:manage)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand role; and __fish_seen_subcommand_from help" -f -a "remove" -d 'Remove a custom role (needs users:manage)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand role; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand user; and not __fish_seen_subcommand_from list ls add disable enable set-role unlock reset-password reset-2fa edit remove rm help" -l store -d 'Token store file (SQLite) [default: in your data directory]' -r -F
complete -c tokenctl -n "__fish_tokenctl_using_subcommand user; and not __fish_seen_subcommand_from list ls add disable enable set-role unlock reset-password reset-2fa edit remove rm help" -l server -d 'Token server to use instead of the local store' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand user; and not __fish_seen_subcommand_from list ls add disable enable set-role unlock reset-password reset-2fa edit remove rm help" -l profile -d 'Saved login (server + user) to use [default: the last login]' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand user; and not __fish_seen_subcommand_from list ls add disable enable set-role unlock reset-password reset-2fa edit remove rm help" -l config -d 'Config file [default: config.toml in your config directory]' -r -F
complete -c tokenctl -n "__fish_tokenctl_using_subcommand user; and not __fish_seen_subcommand_from list ls add disable enable set-role unlock reset-password reset-2fa edit remove rm help" -l jq -d 'Print what this jq filter selects from the JSON, strings bare (e.g. \'.[].name\')' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand user; and not __fish_seen_subcommand_from list ls add disable enable set-role unlock reset-password reset-2fa edit remove rm help" -l field -d 'Print one field of the JSON bare, a line per item of a list (e.g. id)' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand user; and not __fish_seen_subcommand_from list ls add disable enable set-role unlock reset-password reset-2fa edit remove rm help" -l json -d 'Print machine-readable JSON on stdout'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand user; and not __fish_seen_subcommand_from list ls add disable enable set-role unlock reset-password reset-2fa edit remove rm help" -s q -l quiet -d 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand user; and not __fish_seen_subcommand_from list ls add disable enable set-role unlock reset-password reset-2fa edit remove rm help" -l debug -d 'Log what tokenctl does on stderr (never a secret)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand user; and not __fish_seen_subcommand_from list ls add disable enable set-role unlock reset-password reset-2fa edit remove rm help" -s h -l help -d 'Print help'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand user; and not __fish_seen_subcommand_from list ls add disable enable set-role unlock reset-password reset-2fa edit remove rm help" -f -a "list" -d 'List users: role, email, 2FA, last login and status'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand user; and not __fish_seen_subcommand_from list ls add disable enable set-role unlock reset-password reset-2fa edit remove rm help" -f -a "ls" -d 'List users: role, email, 2FA, last login and status'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand user; and not __fish_seen_subcommand_from list ls add disable enable set-role unlock reset-password reset-2fa edit remove rm help" -f -a "add" -d 'Add a user who can own tokens (needs users:manage)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand user; and not __fish_seen_subcommand_from list ls add disable enable set-role unlock reset-password reset-2fa edit remove rm help" -f -a "disable" -d 'Disable a user: their tokens stop working until they are enabled again'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand user; and not __fish_seen_subcommand_from list ls add disable enable set-role unlock reset-password reset-2fa edit remove rm help" -f -a "enable" -d 'Enable a disabled user again'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand user; and not __fish_seen_subcommand_from list ls add disable enable set-role unlock reset-password reset-2fa edit remove rm help" -f -a "set-role" -d 'Give a user another role (needs users:manage)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand user; and not __fish_seen_subcommand_from list ls add disable enable set-role unlock reset-password reset-2fa edit remove rm help" -f -a "unlock" -d 'Let a user log in again at once after failed logins (needs users:manage)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand user; and not __fish_seen_subcommand_from list ls add disable enable set-role unlock reset-password reset-2fa edit remove rm help" -f -a "reset-password" -d 'Set a new password for a user who lost theirs (needs users:manage)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand user; and not __fish_seen_subcommand_from list ls add disable enable set-role unlock reset-password reset-2fa edit remove rm help" -f -a "reset-2fa" -d 'Take 2FA off a user who lost their authenticator (needs users:manage)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand user; and not __fish_seen_subcommand_from list ls add disable enable set-role unlock reset-password reset-2fa edit remove rm help" -f -a "edit" -d 'Change a user\'s details (needs users:manage)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand user; and not __fish_seen_subcommand_from list ls add disable enable set-role unlock reset-password reset-2fa edit remove rm help" -f -a "remove" -d 'Remove a user: their tokens are revoked and their sessions end (needs users:manage)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand user; and not __fish_seen_subcommand_from list ls add disable enable set-role unlock reset-password reset-2fa edit remove rm help" -f -a "rm" -d 'Remove a user: their tokens are revoked and their sessions end (needs users:manage)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand user; and not __fish_seen_subcommand_from list ls add disable enable set-role unlock reset-password reset-2fa edit remove rm help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand user; and __fish_seen_subcommand_from list" -l limit -d 'Show at most N items [default: 1000]' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand user; and __fish_seen_subcommand_from list" -l store -d 'Token store file (SQLite) [default: in your data directory]' -r -F
complete -c tokenctl -n "__fish_tokenctl_using_subcommand user; and __fish_seen_subcommand_from list" -l server -d 'Token server to use instead of the local store' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand user; and __fish_seen_subcommand_from list" -l profile -d 'Saved login (server + user) to use [default: the last login]' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand user; and __fish_seen_subcommand_from list" -l config -d 'Config file [default: config.toml in your config directory]' -r -F
complete -c tokenctl -n "__fish_tokenctl_using_subcommand user; and __fish_seen_subcommand_from list" -l jq -d 'Print what this jq filter selects from the JSON, strings bare (e.g. \'.[].name\')' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand user; and __fish_seen_subcommand_from list" -l field -d 'Print one field of the JSON bare, a line per item of a list (e.g. id)' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand user; and __fish_seen_subcommand_from list" -l removed -d 'Include removed users'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand user; and __fish_seen_subcommand_from list" -l all -d 'Show every item, however many (fetched a page at a time)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand user; and __fish_seen_subcommand_from list" -l jsonl -d 'Print one JSON object per line as they arrive (JSON Lines)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand user; and __fish_seen_subcommand_from list" -l json -d 'Print machine-readable JSON on stdout'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand user; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand user; and __fish_seen_subcommand_from list" -l debug -d 'Log what tokenctl does on stderr (never a secret)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand user; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand user; and __fish_seen_subcommand_from ls" -l limit -d 'Show at most N items [default: 1000]' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand user; and __fish_seen_subcommand_from ls" -l store -d 'Token store file (SQLite) [default: in your data directory]' -r -F
complete -c tokenctl -n "__fish_tokenctl_using_subcommand user; and __fish_seen_subcommand_from ls" -l server -d 'Token server to use instead of the local store' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand user; and __fish_seen_subcommand_from ls" -l profile -d 'Saved login (server + user) to use [default: the last login]' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand user; and __fish_seen_subcommand_from ls" -l config -d 'Config file [default: config.toml in your config directory]' -r -F
complete -c tokenctl -n "__fish_tokenctl_using_subcommand user; and __fish_seen_subcommand_from ls" -l jq -d 'Print what this jq filter selects from the JSON, strings bare (e.g. \'.[].name\')' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand user; and __fish_seen_subcommand_from ls" -l field -d 'Print one field of the JSON bare, a line per item of a list (e.g. id)' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand user; and __fish_seen_subcommand_from ls" -l removed -d 'Include removed users'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand user; and __fish_seen_subcommand_from ls" -l all -d 'Show every item, however many (fetched a page at a time)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand user; and __fish_seen_subcommand_from ls" -l jsonl -d 'Print one JSON object per line as they arrive (JSON Lines)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand user; and __fish_seen_subcommand_from ls" -l json -d 'Print machine-readable JSON on stdout'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand user; and __fish_seen_subcommand_from ls" -s q -l quiet -d 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand user; and __fish_seen_subcommand_from ls" -l debug -d 'Log what tokenctl does on stderr (never a secret)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand user; and __fish_seen_subcommand_from ls" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand user; and __fish_seen_subcommand_from add" -l role -d 'Role that sets what the user (and their tokens) may do' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand user; and __fish_seen_subcommand_from add" -l email -d 'Where notices about the account\'s tokens (expiry, leaks) are mailed' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand user; and __fish_seen_subcommand_from add" -l store -d 'Token store file (SQLite) [default: in your data directory]' -r -F
complete -c tokenctl -n "__fish_tokenctl_using_subcommand user; and __fish_seen_subcommand_from add" -l server -d 'Token server to use instead of the local store' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand user; and __fish_seen_subcommand_from add" -l profile -d 'Saved login (server + user) to use [default: the last login]' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand user; and __fish_seen_subcommand_from add" -l config -d 'Config file [default: config.toml in your config directory]' -r -F
complete -c tokenctl -n "__fish_tokenctl_using_subcommand user; and __fish_seen_subcommand_from add" -l jq -d 'Print what this jq filter selects from the JSON, strings bare (e.g. \'.[].name\')' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand user; and __fish_seen_subcommand_from add" -l field -d 'Print one field of the JSON bare, a line per item of a list (e.g. id)' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand user; and __fish_seen_subcommand_from add" -l password-stdin -d 'Read the password from the first line of stdin (at least 12 characters)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand user; and __fish_seen_subcommand_from add" -l json -d 'Print machine-readable JSON on stdout'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand user; and __fish_seen_subcommand_from add" -s q -l quiet -d 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand user; and __fish_seen_subcommand_from add" -l debug -d 'Log what tokenctl does on stderr (never a secret)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand user; and __fish_seen_subcommand_from add" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand user; and __fish_seen_subcommand_from disable" -l store -d 'Token store file (SQLite) [default: in your data directory]' -r -F
complete -c tokenctl -n "__fish_tokenctl_using_subcommand user; and __fish_seen_subcommand_from disable" -l server -d 'Token server to use instead of the local store' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand user; and __fish_seen_subcommand_from disable" -l profile -d 'Saved login (server + user) to use [default: the last login]' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand user; and __fish_seen_subcommand_from disable" -l config -d 'Config file [default: config.toml in your config directory]' -r -F
complete -c tokenctl -n "__fish_tokenctl_using_subcommand user; and __fish_seen_subcommand_from disable" -l jq -d 'Print what this jq filter selects from the JSON, strings bare (e.g. \'.[].name\')' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand user; and __fish_seen_subcommand_from disable" -l field -d 'Print one field of the JSON bare, a line per item of a list (e.g. id)' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand user; and __fish_seen_subcommand_from disable" -l json -d 'Print machine-readable JSON on stdout'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand user; and __fish_seen_subcommand_from disable" -s q -l quiet -d 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand user; and __fish_seen_subcommand_from disable" -l debug -d 'Log what tokenctl does on stderr (never a secret)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand user; and __fish_seen_subcommand_from disable" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand user; and __fish_seen_subcommand_from enable" -l store -d 'Token store file (SQLite) [default: in your data directory]' -r -F
complete -c tokenctl -n "__fish_tokenctl_using_subcommand user; and __fish_seen_subcommand_from enable" -l server -d 'Token server to use instead of the local store' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand user; and __fish_seen_subcommand_from enable" -l profile -d 'Saved login (server + user) to use [default: the last login]' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand user; and __fish_seen_subcommand_from enable" -l config -d 'Config file [default: config.toml in your config directory]' -r -F
complete -c tokenctl -n "__fish_tokenctl_using_subcommand user; and __fish_seen_subcommand_from enable" -l jq -d 'Print what this jq filter selects from the JSON, strings bare (e.g. \'.[].name\')' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand user; and __fish_seen_subcommand_from enable" -l field -d 'Print one field of the JSON bare, a line per item of a list (e.g. id)' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand user; and __fish_seen_subcommand_from enable" -l json -d 'Print machine-readable JSON on stdout'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand user; and __fish_seen_subcommand_from enable" -s q -l quiet -d 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand user; and __fish_seen_subcommand_from enable" -l debug -d 'Log what tokenctl does on stderr (never a secret)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand user; and __fish_seen_subcommand_from enable" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand user; and __fish_seen_subcommand_from set-role" -l store -d 'Token store file (SQLite) [default: in your data directory]' -r -F
complete -c tokenctl -n "__fish_tokenctl_using_subcommand user; and __fish_seen_subcommand_from set-role" -l server -d 'Token server to use instead of the local store' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand user; and __fish_seen_subcommand_from set-role" -l profile -d 'Saved login (server + user) to use [default: the last login]' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand user; and __fish_seen_subcommand_from set-role" -l config -d 'Config file [default: config.toml in your config directory]' -r -F
complete -c tokenctl -n "__fish_tokenctl_using_subcommand user; and __fish_seen_subcommand_from set-role" -l jq -d 'Print what this jq filter selects from the JSON, strings bare (e.g. \'.[].name\')' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand user; and __fish_seen_subcommand_from set-role" -l field -d 'Print one field of the JSON bare, a line per item of a list (e.g. id)' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand user; and __fish_seen_subcommand_from set-role" -l json -d 'Print machine-readable JSON on stdout'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand user; and __fish_seen_subcommand_from set-role" -s q -l quiet -d 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand user; and __fish_seen_subcommand_from set-role" -l debug -d 'Log what tokenctl does on stderr (never a secret)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand user; and __fish_seen_subcommand_from set-role" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand user; and __fish_seen_subcommand_from unlock" -l store -d 'Token store file (SQLite) [default: in your data directory]' -r -F
complete -c tokenctl -n "__fish_tokenctl_using_subcommand user; and __fish_seen_subcommand_from unlock" -l server -d 'Token server to use instead of the local store' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand user; and __fish_seen_subcommand_from unlock" -l profile -d 'Saved login (server + user) to use [default: the last login]' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand user; and __fish_seen_subcommand_from unlock" -l config -d 'Config file [default: config.toml in your config directory]' -r -F
complete -c tokenctl -n "__fish_tokenctl_using_subcommand user; and __fish_seen_subcommand_from unlock" -l jq -d 'Print what this jq filter selects from the JSON, strings bare (e.g. \'.[].name\')' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand user; and __fish_seen_subcommand_from unlock" -l field -d 'Print one field of the JSON bare, a line per item of a list (e.g. id)' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand user; and __fish_seen_subcommand_from unlock" -l json -d 'Print machine-readable JSON on stdout'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand user; and __fish_seen_subcommand_from unlock" -s q -l quiet -d 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand user; and __fish_seen_subcommand_from unlock" -l debug -d 'Log what tokenctl does on stderr (never a secret)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand user; and __fish_seen_subcommand_from unlock" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand user; and __fish_seen_subcommand_from reset-password" -l store -d 'Token store file (SQLite) [default: in your data directory]' -r -F
complete -c tokenctl -n "__fish_tokenctl_using_subcommand user; and __fish_seen_subcommand_from reset-password" -l server -d 'Token server to use instead of the local store' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand user; and __fish_seen_subcommand_from reset-password" -l profile -d 'Saved login (server + user) to use [default: the last login]' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand user; and __fish_seen_subcommand_from reset-password" -l config -d 'Config file [default: config.toml in your config directory]' -r -F
complete -c tokenctl -n "__fish_tokenctl_using_subcommand user; and __fish_seen_subcommand_from reset-password" -l jq -d 'Print what this jq filter selects from the JSON, strings bare (e.g. \'.[].name\')' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand user; and __fish_seen_subcommand_from reset-password" -l field -d 'Print one field of the JSON bare, a line per item of a list (e.g. id)' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand user; and __fish_seen_subcommand_from reset-password" -l password-stdin -d 'Read the new password from the first line of stdin (at least 12 characters)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand user; and __fish_seen_subcommand_from reset-password" -l json -d 'Print machine-readable JSON on stdout'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand user; and __fish_seen_subcommand_from reset-password" -s q -l quiet -d 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand user; and __fish_seen_subcommand_from reset-password" -l debug -d 'Log what tokenctl does on stderr (never a secret)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand user; and __fish_seen_subcommand_from reset-password" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand user; and __fish_seen_subcommand_from reset-2fa" -l store -d 'Token store file (SQLite) [default: in your data directory]' -r -F
complete -c tokenctl -n "__fish_tokenctl_using_subcommand user; and __fish_seen_subcommand_from reset-2fa" -l server -d 'Token server to use instead of the local store' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand user; and __fish_seen_subcommand_from reset-2fa" -l profile -d 'Saved login (server + user) to use [default: the last login]' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand user; and __fish_seen_subcommand_from reset-2fa" -l config -d 'Config file [default: config.toml in your config directory]' -r -F
complete -c tokenctl -n "__fish_tokenctl_using_subcommand user; and __fish_seen_subcommand_from reset-2fa" -l jq -d 'Print what this jq filter selects from the JSON, strings bare (e.g. \'.[].name\')' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand user; and __fish_seen_subcommand_from reset-2fa" -l field -d 'Print one field of the JSON bare, a line per item of a list (e.g. id)' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand user; and __fish_seen_subcommand_from reset-2fa" -l json -d 'Print machine-readable JSON on stdout'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand user; and __fish_seen_subcommand_from reset-2fa" -s q -l quiet -d 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand user; and __fish_seen_subcommand_from reset-2fa" -l debug -d 'Log what tokenctl does on stderr (never a secret)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand user; and __fish_seen_subcommand_from reset-2fa" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand user; and __fish_seen_subcommand_from edit" -l email -d 'Email address (\'\' clears it)' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand user; and __fish_seen_subcommand_from edit" -l store -d 'Token store file (SQLite) [default: in your data directory]' -r -F
complete -c tokenctl -n "__fish_tokenctl_using_subcommand user; and __fish_seen_subcommand_from edit" -l server -d 'Token server to use instead of the local store' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand user; and __fish_seen_subcommand_from edit" -l profile -d 'Saved login (server + user) to use [default: the last login]' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand user; and __fish_seen_subcommand_from edit" -l config -d 'Config file [default: config.toml in your config directory]' -r -F
complete -c tokenctl -n "__fish_tokenctl_using_subcommand user; and __fish_seen_subcommand_from edit" -l jq -d 'Print what this jq filter selects from the JSON, strings bare (e.g. \'.[].name\')' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand user; and __fish_seen_subcommand_from edit" -l field -d 'Print one field of the JSON bare, a line per item of a list (e.g. id)' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand user; and __fish_seen_subcommand_from edit" -l json -d 'Print machine-readable JSON on stdout'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand user; and __fish_seen_subcommand_from edit" -s q -l quiet -d 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand user; and __fish_seen_subcommand_from edit" -l debug -d 'Log what tokenctl does on stderr (never a secret)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand user; and __fish_seen_subcommand_from edit" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand user; and __fish_seen_subcommand_from remove" -l store -d 'Token store file (SQLite) [default: in your data directory]' -r -F
complete -c tokenctl -n "__fish_tokenctl_using_subcommand user; and __fish_seen_subcommand_from remove" -l server -d 'Token server to use instead of the local store' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand user; and __fish_seen_subcommand_from remove" -l profile -d 'Saved login (server + user) to use [default: the last login]' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand user; and __fish_seen_subcommand_from remove" -l config -d 'Config file [default: config.toml in your config directory]' -r -F
complete -c tokenctl -n "__fish_tokenctl_using_subcommand user; and __fish_seen_subcommand_from remove" -l jq -d 'Print what this jq filter selects from the JSON, strings bare (e.g. \'.[].name\')' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand user; and __fish_seen_subcommand_from remove" -l field -d 'Print one field of the JSON bare, a line per item of a list (e.g. id)' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand user; and __fish_seen_subcommand_from remove" -s y -l yes -d 'Do not ask for confirmation'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand user; and __fish_seen_subcommand_from remove" -l json -d 'Print machine-readable JSON on stdout'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand user; and __fish_seen_subcommand_from remove" -s q -l quiet -d 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand user; and __fish_seen_subcommand_from remove" -l debug -d 'Log what tokenctl does on stderr (never a secret)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand user; and __fish_seen_subcommand_from remove" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand user; and __fish_seen_subcommand_from rm" -l store -d 'Token store file (SQLite) [default: in your data directory]' -r -F
complete -c tokenctl -n "__fish_tokenctl_using_subcommand user; and __fish_seen_subcommand_from rm" -l server -d 'Token server to use instead of the local store' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand user; and __fish_seen_subcommand_from rm" -l profile -d 'Saved login (server + user) to use [default: the last login]' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand user; and __fish_seen_subcommand_from rm" -l config -d 'Config file [default: config.toml in your config directory]' -r -F
complete -c tokenctl -n "__fish_tokenctl_using_subcommand user; and __fish_seen_subcommand_from rm" -l jq -d 'Print what this jq filter selects from the JSON, strings bare (e.g. \'.[].name\')' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand user; and __fish_seen_subcommand_from rm" -l field -d 'Print one field of the JSON bare, a line per item of a list (e.g. id)' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand user; and __fish_seen_subcommand_from rm" -s y -l yes -d 'Do not ask for confirmation'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand user; and __fish_seen_subcommand_from rm" -l json -d 'Print machine-readable JSON on stdout'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand user; and __fish_seen_subcommand_from rm" -s q -l quiet -d 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand user; and __fish_seen_subcommand_from rm" -l debug -d 'Log what tokenctl does on stderr (never a secret)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand user; and __fish_seen_subcommand_from rm" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand user; and __fish_seen_subcommand_from help" -f -a "list" -d 'List users: role, email, 2FA, last login and status'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand user; and __fish_seen_subcommand_from help" -f -a "add" -d 'Add a user who can own tokens (needs users:manage)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand user; and __fish_seen_subcommand_from help" -f -a "disable" -d 'Disable a user: their tokens stop working until they are enabled again'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand user; and __fish_seen_subcommand_from help" -f -a "enable" -d 'Enable a disabled user again'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand user; and __fish_seen_subcommand_from help" -f -a "set-role" -d 'Give a user another role (needs users:manage)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand user; and __fish_seen_subcommand_from help" -f -a "unlock" -d 'Let a user log in again at once after failed logins (needs users:manage)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand user; and __fish_seen_subcommand_from help" -f -a "reset-password" -d 'Set a new password for a user who lost theirs (needs users:manage)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand user; and __fish_seen_subcommand_from help" -f -a "reset-2fa" -d 'Take 2FA off a user who lost their authenticator (needs users:manage)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand user; and __fish_seen_subcommand_from help" -f -a "edit" -d 'Change a user\'s details (needs users:manage)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand user; and __fish_seen_subcommand_from help" -f -a "remove" -d 'Remove a user: their tokens are revoked and their sessions end (needs users:manage)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand user; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand trust; and not __fish_seen_subcommand_from list ls show add remove rm test help" -l store -d 'Token store file (SQLite) [default: in your data directory]' -r -F
complete -c tokenctl -n "__fish_tokenctl_using_subcommand trust; and not __fish_seen_subcommand_from list ls show add remove rm test help" -l server -d 'Token server to use instead of the local store' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand trust; and not __fish_seen_subcommand_from list ls show add remove rm test help" -l profile -d 'Saved login (server + user) to use [default: the last login]' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand trust; and not __fish_seen_subcommand_from list ls show add remove rm test help" -l config -d 'Config file [default: config.toml in your config directory]' -r -F
complete -c tokenctl -n "__fish_tokenctl_using_subcommand trust; and not __fish_seen_subcommand_from list ls show add remove rm test help" -l jq -d 'Print what this jq filter selects from the JSON, strings bare (e.g. \'.[].name\')' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand trust; and not __fish_seen_subcommand_from list ls show add remove rm test help" -l field -d 'Print one field of the JSON bare, a line per item of a list (e.g. id)' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand trust; and not __fish_seen_subcommand_from list ls show add remove rm test help" -l json -d 'Print machine-readable JSON on stdout'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand trust; and not __fish_seen_subcommand_from list ls show add remove rm test help" -s q -l quiet -d 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand trust; and not __fish_seen_subcommand_from list ls show add remove rm test help" -l debug -d 'Log what tokenctl does on stderr (never a secret)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand trust; and not __fish_seen_subcommand_from list ls show add remove rm test help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand trust; and not __fish_seen_subcommand_from list ls show add remove rm test help" -f -a "list" -d 'List trust policies (needs trust:manage)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand trust; and not __fish_seen_subcommand_from list ls show add remove rm test help" -f -a "ls" -d 'List trust policies (needs trust:manage)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand trust; and not __fish_seen_subcommand_from list ls show add remove rm test help" -f -a "show" -d 'Show one trust policy (needs trust:manage)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand trust; and not __fish_seen_subcommand_from list ls show add remove rm test help" -f -a "add" -d 'Add a trust policy: CI jobs that may exchange their ID token (needs trust:manage)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand trust; and not __fish_seen_subcommand_from list ls show add remove rm test help" -f -a "remove" -d 'Remove a trust policy (needs trust:manage and a login session)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand trust; and not __fish_seen_subcommand_from list ls show add remove rm test help" -f -a "rm" -d 'Remove a trust policy (needs trust:manage and a login session)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand trust; and not __fish_seen_subcommand_from list ls show add remove rm test help" -f -a "test" -d 'Explain, claim by claim, whether trust policies admit an ID token'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand trust; and not __fish_seen_subcommand_from list ls show add remove rm test help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand trust; and __fish_seen_subcommand_from list" -l store -d 'Token store file (SQLite) [default: in your data directory]' -r -F
complete -c tokenctl -n "__fish_tokenctl_using_subcommand trust; and __fish_seen_subcommand_from list" -l server -d 'Token server to use instead of the local store' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand trust; and __fish_seen_subcommand_from list" -l profile -d 'Saved login (server + user) to use [default: the last login]' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand trust; and __fish_seen_subcommand_from list" -l config -d 'Config file [default: config.toml in your config directory]' -r -F
complete -c tokenctl -n "__fish_tokenctl_using_subcommand trust; and __fish_seen_subcommand_from list" -l jq -d 'Print what this jq filter selects from the JSON, strings bare (e.g. \'.[].name\')' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand trust; and __fish_seen_subcommand_from list" -l field -d 'Print one field of the JSON bare, a line per item of a list (e.g. id)' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand trust; and __fish_seen_subcommand_from list" -l json -d 'Print machine-readable JSON on stdout'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand trust; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand trust; and __fish_seen_subcommand_from list" -l debug -d 'Log what tokenctl does on stderr (never a secret)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand trust; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand trust; and __fish_seen_subcommand_from ls" -l store -d 'Token store file (SQLite) [default: in your data directory]' -r -F
complete -c tokenctl -n "__fish_tokenctl_using_subcommand trust; and __fish_seen_subcommand_from ls" -l server -d 'Token server to use instead of the local store' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand trust; and __fish_seen_subcommand_from ls" -l profile -d 'Saved login (server + user) to use [default: the last login]' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand trust; and __fish_seen_subcommand_from ls" -l config -d 'Config file [default: config.toml in your config directory]' -r -F
complete -c tokenctl -n "__fish_tokenctl_using_subcommand trust; and __fish_seen_subcommand_from ls" -l jq -d 'Print what this jq filter selects from the JSON, strings bare (e.g. \'.[].name\')' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand trust; and __fish_seen_subcommand_from ls" -l field -d 'Print one field of the JSON bare, a line per item of a list (e.g. id)' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand trust; and __fish_seen_subcommand_from ls" -l json -d 'Print machine-readable JSON on stdout'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand trust; and __fish_seen_subcommand_from ls" -s q -l quiet -d 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand trust; and __fish_seen_subcommand_from ls" -l debug -d 'Log what tokenctl does on stderr (never a secret)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand trust; and __fish_seen_subcommand_from ls" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand trust; and __fish_seen_subcommand_from show" -l store -d 'Token store file (SQLite) [default: in your data directory]' -r -F
complete -c tokenctl -n "__fish_tokenctl_using_subcommand trust; and __fish_seen_subcommand_from show" -l server -d 'Token server to use instead of the local store' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand trust; and __fish_seen_subcommand_from show" -l profile -d 'Saved login (server + user) to use [default: the last login]' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand trust; and __fish_seen_subcommand_from show" -l config -d 'Config file [default: config.toml in your config directory]' -r -F
complete -c tokenctl -n "__fish_tokenctl_using_subcommand trust; and __fish_seen_subcommand_from show" -l jq -d 'Print what this jq filter selects from the JSON, strings bare (e.g. \'.[].name\')' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand trust; and __fish_seen_subcommand_from show" -l field -d 'Print one field of the JSON bare, a line per item of a list (e.g. id)' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand trust; and __fish_seen_subcommand_from show" -l json -d 'Print machine-readable JSON on stdout'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand trust; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand trust; and __fish_seen_subcommand_from show" -l debug -d 'Log what tokenctl does on stderr (never a secret)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand trust; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand trust; and __fish_seen_subcommand_from add" -l issuer -d 'The OpenID Connect issuer (https://, or http:// on a loopback address)' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand trust; and __fish_seen_subcommand_from add" -l audience -d 'The audience the ID token must be minted for (its `aud`)' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand trust; and __fish_seen_subcommand_from add" -l claim -d 'A claim the ID token must have, KEY=PATTERN (repeatable)' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand trust; and __fish_seen_subcommand_from add" -l github-repo -d 'GitHub Actions preset: jobs of this repository' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand trust; and __fish_seen_subcommand_from add" -l gitlab-project -d 'GitLab CI preset: jobs of this project' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand trust; and __fish_seen_subcommand_from add" -l ref -d 'With a preset: only jobs running on this branch (or full ref)' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand trust; and __fish_seen_subcommand_from add" -l environment -d 'With --github-repo: only jobs of this deployment environment' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand trust; and __fish_seen_subcommand_from add" -l workflow -d 'With --github-repo: only jobs of this workflow file' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand trust; and __fish_seen_subcommand_from add" -l gitlab-url -d 'With --gitlab-project: the GitLab instance [default: https://gitlab.com]' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand trust; and __fish_seen_subcommand_from add" -l role -d 'The role whose permissions the policy grants' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand trust; and __fish_seen_subcommand_from add" -l scope -d 'A permission the policy grants (repeatable), instead of a role' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand trust; and __fish_seen_subcommand_from add" -l owner -d 'Whose authority the access tokens carry [default: you]' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand trust; and __fish_seen_subcommand_from add" -l max-ttl -d 'The longest an access token issued under the policy lives [default: 15m]' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand trust; and __fish_seen_subcommand_from add" -l description -d 'What the policy is for' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand trust; and __fish_seen_subcommand_from add" -l store -d 'Token store file (SQLite) [default: in your data directory]' -r -F
complete -c tokenctl -n "__fish_tokenctl_using_subcommand trust; and __fish_seen_subcommand_from add" -l server -d 'Token server to use instead of the local store' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand trust; and __fish_seen_subcommand_from add" -l profile -d 'Saved login (server + user) to use [default: the last login]' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand trust; and __fish_seen_subcommand_from add" -l config -d 'Config file [default: config.toml in your config directory]' -r -F
complete -c tokenctl -n "__fish_tokenctl_using_subcommand trust; and __fish_seen_subcommand_from add" -l jq -d 'Print what this jq filter selects from the JSON, strings bare (e.g. \'.[].name\')' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand trust; and __fish_seen_subcommand_from add" -l field -d 'Print one field of the JSON bare, a line per item of a list (e.g. id)' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand trust; and __fish_seen_subcommand_from add" -l json -d 'Print machine-readable JSON on stdout'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand trust; and __fish_seen_subcommand_from add" -s q -l quiet -d 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand trust; and __fish_seen_subcommand_from add" -l debug -d 'Log what tokenctl does on stderr (never a secret)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand trust; and __fish_seen_subcommand_from add" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand trust; and __fish_seen_subcommand_from remove" -l store -d 'Token store file (SQLite) [default: in your data directory]' -r -F
complete -c tokenctl -n "__fish_tokenctl_using_subcommand trust; and __fish_seen_subcommand_from remove" -l server -d 'Token server to use instead of the local store' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand trust; and __fish_seen_subcommand_from remove" -l profile -d 'Saved login (server + user) to use [default: the last login]' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand trust; and __fish_seen_subcommand_from remove" -l config -d 'Config file [default: config.toml in your config directory]' -r -F
complete -c tokenctl -n "__fish_tokenctl_using_subcommand trust; and __fish_seen_subcommand_from remove" -l jq -d 'Print what this jq filter selects from the JSON, strings bare (e.g. \'.[].name\')' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand trust; and __fish_seen_subcommand_from remove" -l field -d 'Print one field of the JSON bare, a line per item of a list (e.g. id)' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand trust; and __fish_seen_subcommand_from remove" -l json -d 'Print machine-readable JSON on stdout'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand trust; and __fish_seen_subcommand_from remove" -s q -l quiet -d 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand trust; and __fish_seen_subcommand_from remove" -l debug -d 'Log what tokenctl does on stderr (never a secret)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand trust; and __fish_seen_subcommand_from remove" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand trust; and __fish_seen_subcommand_from rm" -l store -d 'Token store file (SQLite) [default: in your data directory]' -r -F
complete -c tokenctl -n "__fish_tokenctl_using_subcommand trust; and __fish_seen_subcommand_from rm" -l server -d 'Token server to use instead of the local store' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand trust; and __fish_seen_subcommand_from rm" -l profile -d 'Saved login (server + user) to use [default: the last login]' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand trust; and __fish_seen_subcommand_from rm" -l config -d 'Config file [default: config.toml in your config directory]' -r -F
complete -c tokenctl -n "__fish_tokenctl_using_subcommand trust; and __fish_seen_subcommand_from rm" -l jq -d 'Print what this jq filter selects from the JSON, strings bare (e.g. \'.[].name\')' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand trust; and __fish_seen_subcommand_from rm" -l field -d 'Print one field of the JSON bare, a line per item of a list (e.g. id)' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand trust; and __fish_seen_subcommand_from rm" -l json -d 'Print machine-readable JSON on stdout'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand trust; and __fish_seen_subcommand_from rm" -s q -l quiet -d 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand trust; and __fish_seen_subcommand_from rm" -l debug -d 'Log what tokenctl does on stderr (never a secret)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand trust; and __fish_seen_subcommand_from rm" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand trust; and __fish_seen_subcommand_from test" -l store -d 'Token store file (SQLite) [default: in your data directory]' -r -F
complete -c tokenctl -n "__fish_tokenctl_using_subcommand trust; and __fish_seen_subcommand_from test" -l server -d 'Token server to use instead of the local store' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand trust; and __fish_seen_subcommand_from test" -l profile -d 'Saved login (server + user) to use [default: the last login]' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand trust; and __fish_seen_subcommand_from test" -l config -d 'Config file [default: config.toml in your config directory]' -r -F
complete -c tokenctl -n "__fish_tokenctl_using_subcommand trust; and __fish_seen_subcommand_from test" -l jq -d 'Print what this jq filter selects from the JSON, strings bare (e.g. \'.[].name\')' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand trust; and __fish_seen_subcommand_from test" -l field -d 'Print one field of the JSON bare, a line per item of a list (e.g. id)' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand trust; and __fish_seen_subcommand_from test" -l all -d 'Test against every policy that trusts the token\'s issuer'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand trust; and __fish_seen_subcommand_from test" -l json -d 'Print machine-readable JSON on stdout'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand trust; and __fish_seen_subcommand_from test" -s q -l quiet -d 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand trust; and __fish_seen_subcommand_from test" -l debug -d 'Log what tokenctl does on stderr (never a secret)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand trust; and __fish_seen_subcommand_from test" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand trust; and __fish_seen_subcommand_from help" -f -a "list" -d 'List trust policies (needs trust:manage)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand trust; and __fish_seen_subcommand_from help" -f -a "show" -d 'Show one trust policy (needs trust:manage)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand trust; and __fish_seen_subcommand_from help" -f -a "add" -d 'Add a trust policy: CI jobs that may exchange their ID token (needs trust:manage)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand trust; and __fish_seen_subcommand_from help" -f -a "remove" -d 'Remove a trust policy (needs trust:manage and a login session)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand trust; and __fish_seen_subcommand_from help" -f -a "test" -d 'Explain, claim by claim, whether trust policies admit an ID token'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand trust; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand policy; and not __fish_seen_subcommand_from show set check help" -l store -d 'Token store file (SQLite) [default: in your data directory]' -r -F
complete -c tokenctl -n "__fish_tokenctl_using_subcommand policy; and not __fish_seen_subcommand_from show set check help" -l server -d 'Token server to use instead of the local store' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand policy; and not __fish_seen_subcommand_from show set check help" -l profile -d 'Saved login (server + user) to use [default: the last login]' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand policy; and not __fish_seen_subcommand_from show set check help" -l config -d 'Config file [default: config.toml in your config directory]' -r -F
complete -c tokenctl -n "__fish_tokenctl_using_subcommand policy; and not __fish_seen_subcommand_from show set check help" -l jq -d 'Print what this jq filter selects from the JSON, strings bare (e.g. \'.[].name\')' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand policy; and not __fish_seen_subcommand_from show set check help" -l field -d 'Print one field of the JSON bare, a line per item of a list (e.g. id)' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand policy; and not __fish_seen_subcommand_from show set check help" -l json -d 'Print machine-readable JSON on stdout'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand policy; and not __fish_seen_subcommand_from show set check help" -s q -l quiet -d 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand policy; and not __fish_seen_subcommand_from show set check help" -l debug -d 'Log what tokenctl does on stderr (never a secret)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand policy; and not __fish_seen_subcommand_from show set check help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand policy; and not __fish_seen_subcommand_from show set check help" -f -a "show" -d 'Show the token policy in force'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand policy; and not __fish_seen_subcommand_from show set check help" -f -a "set" -d 'Change the token policy (needs policy:manage and a login)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand policy; and not __fish_seen_subcommand_from show set check help" -f -a "check" -d 'List the tokens and users the token policy would not allow now'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand policy; and not __fish_seen_subcommand_from show set check help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand policy; and __fish_seen_subcommand_from show" -l store -d 'Token store file (SQLite) [default: in your data directory]' -r -F
complete -c tokenctl -n "__fish_tokenctl_using_subcommand policy; and __fish_seen_subcommand_from show" -l server -d 'Token server to use instead of the local store' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand policy; and __fish_seen_subcommand_from show" -l profile -d 'Saved login (server + user) to use [default: the last login]' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand policy; and __fish_seen_subcommand_from show" -l config -d 'Config file [default: config.toml in your config directory]' -r -F
complete -c tokenctl -n "__fish_tokenctl_using_subcommand policy; and __fish_seen_subcommand_from show" -l jq -d 'Print what this jq filter selects from the JSON, strings bare (e.g. \'.[].name\')' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand policy; and __fish_seen_subcommand_from show" -l field -d 'Print one field of the JSON bare, a line per item of a list (e.g. id)' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand policy; and __fish_seen_subcommand_from show" -l json -d 'Print machine-readable JSON on stdout'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand policy; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand policy; and __fish_seen_subcommand_from show" -l debug -d 'Log what tokenctl does on stderr (never a secret)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand policy; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand policy; and __fish_seen_subcommand_from set" -l default-lifetime -d 'Lifetime of a token created without --expires (30d, 12h, …)' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand policy; and __fish_seen_subcommand_from set" -l allow-never -d 'Whether --expires never is allowed (yes/no)' -r -f -a "true\t''
false\t''"
complete -c tokenctl -n "__fish_tokenctl_using_subcommand policy; and __fish_seen_subcommand_from set" -l require-2fa -d 'Whether creating or regenerating a token needs a login with 2FA (yes/no)' -r -f -a "true\t''
false\t''"
complete -c tokenctl -n "__fish_tokenctl_using_subcommand policy; and __fish_seen_subcommand_from set" -l max-active-tokens -d 'Most active tokens one user may own, or `none`' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand policy; and __fish_seen_subcommand_from set" -l max-lifetime -d 'Longest lifetime (90d, 1y), or `none` to lift the limit' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand policy; and __fish_seen_subcommand_from set" -l type -d 'With --max-lifetime: only tokens of this type (personal or service)' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand policy; and __fish_seen_subcommand_from set" -l role -d 'With --max-lifetime: only tokens of this role' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand policy; and __fish_seen_subcommand_from set" -l store -d 'Token store file (SQLite) [default: in your data directory]' -r -F
complete -c tokenctl -n "__fish_tokenctl_using_subcommand policy; and __fish_seen_subcommand_from set" -l server -d 'Token server to use instead of the local store' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand policy; and __fish_seen_subcommand_from set" -l profile -d 'Saved login (server + user) to use [default: the last login]' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand policy; and __fish_seen_subcommand_from set" -l config -d 'Config file [default: config.toml in your config directory]' -r -F
complete -c tokenctl -n "__fish_tokenctl_using_subcommand policy; and __fish_seen_subcommand_from set" -l jq -d 'Print what this jq filter selects from the JSON, strings bare (e.g. \'.[].name\')' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand policy; and __fish_seen_subcommand_from set" -l field -d 'Print one field of the JSON bare, a line per item of a list (e.g. id)' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand policy; and __fish_seen_subcommand_from set" -l json -d 'Print machine-readable JSON on stdout'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand policy; and __fish_seen_subcommand_from set" -s q -l quiet -d 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand policy; and __fish_seen_subcommand_from set" -l debug -d 'Log what tokenctl does on stderr (never a secret)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand policy; and __fish_seen_subcommand_from set" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand policy; and __fish_seen_subcommand_from check" -l store -d 'Token store file (SQLite) [default: in your data directory]' -r -F
complete -c tokenctl -n "__fish_tokenctl_using_subcommand policy; and __fish_seen_subcommand_from check" -l server -d 'Token server to use instead of the local store' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand policy; and __fish_seen_subcommand_from check" -l profile -d 'Saved login (server + user) to use [default: the last login]' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand policy; and __fish_seen_subcommand_from check" -l config -d 'Config file [default: config.toml in your config directory]' -r -F
complete -c tokenctl -n "__fish_tokenctl_using_subcommand policy; and __fish_seen_subcommand_from check" -l jq -d 'Print what this jq filter selects from the JSON, strings bare (e.g. \'.[].name\')' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand policy; and __fish_seen_subcommand_from check" -l field -d 'Print one field of the JSON bare, a line per item of a list (e.g. id)' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand policy; and __fish_seen_subcommand_from check" -l json -d 'Print machine-readable JSON on stdout'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand policy; and __fish_seen_subcommand_from check" -s q -l quiet -d 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand policy; and __fish_seen_subcommand_from check" -l debug -d 'Log what tokenctl does on stderr (never a secret)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand policy; and __fish_seen_subcommand_from check" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand policy; and __fish_seen_subcommand_from help" -f -a "show" -d 'Show the token policy in force'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand policy; and __fish_seen_subcommand_from help" -f -a "set" -d 'Change the token policy (needs policy:manage and a login)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand policy; and __fish_seen_subcommand_from help" -f -a "check" -d 'List the tokens and users the token policy would not allow now'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand policy; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand webhook; and not __fish_seen_subcommand_from list ls add remove rm test deliveries help" -l store -d 'Token store file (SQLite) [default: in your data directory]' -r -F
complete -c tokenctl -n "__fish_tokenctl_using_subcommand webhook; and not __fish_seen_subcommand_from list ls add remove rm test deliveries help" -l server -d 'Token server to use instead of the local store' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand webhook; and not __fish_seen_subcommand_from list ls add remove rm test deliveries help" -l profile -d 'Saved login (server + user) to use [default: the last login]' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand webhook; and not __fish_seen_subcommand_from list ls add remove rm test deliveries help" -l config -d 'Config file [default: config.toml in your config directory]' -r -F
complete -c tokenctl -n "__fish_tokenctl_using_subcommand webhook; and not __fish_seen_subcommand_from list ls add remove rm test deliveries help" -l jq -d 'Print what this jq filter selects from the JSON, strings bare (e.g. \'.[].name\')' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand webhook; and not __fish_seen_subcommand_from list ls add remove rm test deliveries help" -l field -d 'Print one field of the JSON bare, a line per item of a list (e.g. id)' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand webhook; and not __fish_seen_subcommand_from list ls add remove rm test deliveries help" -l json -d 'Print machine-readable JSON on stdout'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand webhook; and not __fish_seen_subcommand_from list ls add remove rm test deliveries help" -s q -l quiet -d 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand webhook; and not __fish_seen_subcommand_from list ls add remove rm test deliveries help" -l debug -d 'Log what tokenctl does on stderr (never a secret)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand webhook; and not __fish_seen_subcommand_from list ls add remove rm test deliveries help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand webhook; and not __fish_seen_subcommand_from list ls add remove rm test deliveries help" -f -a "list" -d 'List webhooks (needs webhooks:manage)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand webhook; and not __fish_seen_subcommand_from list ls add remove rm test deliveries help" -f -a "ls" -d 'List webhooks (needs webhooks:manage)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand webhook; and not __fish_seen_subcommand_from list ls add remove rm test deliveries help" -f -a "add" -d 'Add a webhook and print its signing secret once (needs webhooks:manage and a login session)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand webhook; and not __fish_seen_subcommand_from list ls add remove rm test deliveries help" -f -a "remove" -d 'Remove a webhook (needs webhooks:manage and a login session)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand webhook; and not __fish_seen_subcommand_from list ls add remove rm test deliveries help" -f -a "rm" -d 'Remove a webhook (needs webhooks:manage and a login session)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand webhook; and not __fish_seen_subcommand_from list ls add remove rm test deliveries help" -f -a "test" -d 'Send a webhook a test message and wait for its first attempt (needs webhooks:manage)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand webhook; and not __fish_seen_subcommand_from list ls add remove rm test deliveries help" -f -a "deliveries" -d 'Show the messages sent to webhooks, and how sending each went (needs webhooks:manage)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand webhook; and not __fish_seen_subcommand_from list ls add remove rm test deliveries help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand webhook; and __fish_seen_subcommand_from list" -l store -d 'Token store file (SQLite) [default: in your data directory]' -r -F
complete -c tokenctl -n "__fish_tokenctl_using_subcommand webhook; and __fish_seen_subcommand_from list" -l server -d 'Token server to use instead of the local store' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand webhook; and __fish_seen_subcommand_from list" -l profile -d 'Saved login (server + user) to use [default: the last login]' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand webhook; and __fish_seen_subcommand_from list" -l config -d 'Config file [default: config.toml in your config directory]' -r -F
complete -c tokenctl -n "__fish_tokenctl_using_subcommand webhook; and __fish_seen_subcommand_from list" -l jq -d 'Print what this jq filter selects from the JSON, strings bare (e.g. \'.[].name\')' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand webhook; and __fish_seen_subcommand_from list" -l field -d 'Print one field of the JSON bare, a line per item of a list (e.g. id)' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand webhook; and __fish_seen_subcommand_from list" -l json -d 'Print machine-readable JSON on stdout'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand webhook; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand webhook; and __fish_seen_subcommand_from list" -l debug -d 'Log what tokenctl does on stderr (never a secret)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand webhook; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand webhook; and __fish_seen_subcommand_from ls" -l store -d 'Token store file (SQLite) [default: in your data directory]' -r -F
complete -c tokenctl -n "__fish_tokenctl_using_subcommand webhook; and __fish_seen_subcommand_from ls" -l server -d 'Token server to use instead of the local store' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand webhook; and __fish_seen_subcommand_from ls" -l profile -d 'Saved login (server + user) to use [default: the last login]' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand webhook; and __fish_seen_subcommand_from ls" -l config -d 'Config file [default: config.toml in your config directory]' -r -F
complete -c tokenctl -n "__fish_tokenctl_using_subcommand webhook; and __fish_seen_subcommand_from ls" -l jq -d 'Print what this jq filter selects from the JSON, strings bare (e.g. \'.[].name\')' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand webhook; and __fish_seen_subcommand_from ls" -l field -d 'Print one field of the JSON bare, a line per item of a list (e.g. id)' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand webhook; and __fish_seen_subcommand_from ls" -l json -d 'Print machine-readable JSON on stdout'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand webhook; and __fish_seen_subcommand_from ls" -s q -l quiet -d 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand webhook; and __fish_seen_subcommand_from ls" -l debug -d 'Log what tokenctl does on stderr (never a secret)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand webhook; and __fish_seen_subcommand_from ls" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand webhook; and __fish_seen_subcommand_from add" -l events -d 'Events to send, comma-separated or repeated' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand webhook; and __fish_seen_subcommand_from add" -l description -d 'What the webhook is for' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand webhook; and __fish_seen_subcommand_from add" -l store -d 'Token store file (SQLite) [default: in your data directory]' -r -F
complete -c tokenctl -n "__fish_tokenctl_using_subcommand webhook; and __fish_seen_subcommand_from add" -l server -d 'Token server to use instead of the local store' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand webhook; and __fish_seen_subcommand_from add" -l profile -d 'Saved login (server + user) to use [default: the last login]' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand webhook; and __fish_seen_subcommand_from add" -l config -d 'Config file [default: config.toml in your config directory]' -r -F
complete -c tokenctl -n "__fish_tokenctl_using_subcommand webhook; and __fish_seen_subcommand_from add" -l jq -d 'Print what this jq filter selects from the JSON, strings bare (e.g. \'.[].name\')' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand webhook; and __fish_seen_subcommand_from add" -l field -d 'Print one field of the JSON bare, a line per item of a list (e.g. id)' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand webhook; and __fish_seen_subcommand_from add" -l json -d 'Print machine-readable JSON on stdout'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand webhook; and __fish_seen_subcommand_from add" -s q -l quiet -d 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand webhook; and __fish_seen_subcommand_from add" -l debug -d 'Log what tokenctl does on stderr (never a secret)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand webhook; and __fish_seen_subcommand_from add" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand webhook; and __fish_seen_subcommand_from remove" -l store -d 'Token store file (SQLite) [default: in your data directory]' -r -F
complete -c tokenctl -n "__fish_tokenctl_using_subcommand webhook; and __fish_seen_subcommand_from remove" -l server -d 'Token server to use instead of the local store' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand webhook; and __fish_seen_subcommand_from remove" -l profile -d 'Saved login (server + user) to use [default: the last login]' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand webhook; and __fish_seen_subcommand_from remove" -l config -d 'Config file [default: config.toml in your config directory]' -r -F
complete -c tokenctl -n "__fish_tokenctl_using_subcommand webhook; and __fish_seen_subcommand_from remove" -l jq -d 'Print what this jq filter selects from the JSON, strings bare (e.g. \'.[].name\')' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand webhook; and __fish_seen_subcommand_from remove" -l field -d 'Print one field of the JSON bare, a line per item of a list (e.g. id)' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand webhook; and __fish_seen_subcommand_from remove" -l json -d 'Print machine-readable JSON on stdout'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand webhook; and __fish_seen_subcommand_from remove" -s q -l quiet -d 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand webhook; and __fish_seen_subcommand_from remove" -l debug -d 'Log what tokenctl does on stderr (never a secret)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand webhook; and __fish_seen_subcommand_from remove" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand webhook; and __fish_seen_subcommand_from rm" -l store -d 'Token store file (SQLite) [default: in your data directory]' -r -F
complete -c tokenctl -n "__fish_tokenctl_using_subcommand webhook; and __fish_seen_subcommand_from rm" -l server -d 'Token server to use instead of the local store' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand webhook; and __fish_seen_subcommand_from rm" -l profile -d 'Saved login (server + user) to use [default: the last login]' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand webhook; and __fish_seen_subcommand_from rm" -l config -d 'Config file [default: config.toml in your config directory]' -r -F
complete -c tokenctl -n "__fish_tokenctl_using_subcommand webhook; and __fish_seen_subcommand_from rm" -l jq -d 'Print what this jq filter selects from the JSON, strings bare (e.g. \'.[].name\')' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand webhook; and __fish_seen_subcommand_from rm" -l field -d 'Print one field of the JSON bare, a line per item of a list (e.g. id)' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand webhook; and __fish_seen_subcommand_from rm" -l json -d 'Print machine-readable JSON on stdout'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand webhook; and __fish_seen_subcommand_from rm" -s q -l quiet -d 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand webhook; and __fish_seen_subcommand_from rm" -l debug -d 'Log what tokenctl does on stderr (never a secret)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand webhook; and __fish_seen_subcommand_from rm" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand webhook; and __fish_seen_subcommand_from test" -l store -d 'Token store file (SQLite) [default: in your data directory]' -r -F
complete -c tokenctl -n "__fish_tokenctl_using_subcommand webhook; and __fish_seen_subcommand_from test" -l server -d 'Token server to use instead of the local store' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand webhook; and __fish_seen_subcommand_from test" -l profile -d 'Saved login (server + user) to use [default: the last login]' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand webhook; and __fish_seen_subcommand_from test" -l config -d 'Config file [default: config.toml in your config directory]' -r -F
complete -c tokenctl -n "__fish_tokenctl_using_subcommand webhook; and __fish_seen_subcommand_from test" -l jq -d 'Print what this jq filter selects from the JSON, strings bare (e.g. \'.[].name\')' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand webhook; and __fish_seen_subcommand_from test" -l field -d 'Print one field of the JSON bare, a line per item of a list (e.g. id)' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand webhook; and __fish_seen_subcommand_from test" -l json -d 'Print machine-readable JSON on stdout'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand webhook; and __fish_seen_subcommand_from test" -s q -l quiet -d 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand webhook; and __fish_seen_subcommand_from test" -l debug -d 'Log what tokenctl does on stderr (never a secret)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand webhook; and __fish_seen_subcommand_from test" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand webhook; and __fish_seen_subcommand_from deliveries" -l webhook -d 'Only messages to this webhook' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand webhook; and __fish_seen_subcommand_from deliveries" -l message -d 'Only the message with this webhook-id (as the receiver logged it)' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand webhook; and __fish_seen_subcommand_from deliveries" -l limit -d 'Show at most N items [default: 1000]' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand webhook; and __fish_seen_subcommand_from deliveries" -l store -d 'Token store file (SQLite) [default: in your data directory]' -r -F
complete -c tokenctl -n "__fish_tokenctl_using_subcommand webhook; and __fish_seen_subcommand_from deliveries" -l server -d 'Token server to use instead of the local store' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand webhook; and __fish_seen_subcommand_from deliveries" -l profile -d 'Saved login (server + user) to use [default: the last login]' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand webhook; and __fish_seen_subcommand_from deliveries" -l config -d 'Config file [default: config.toml in your config directory]' -r -F
complete -c tokenctl -n "__fish_tokenctl_using_subcommand webhook; and __fish_seen_subcommand_from deliveries" -l jq -d 'Print what this jq filter selects from the JSON, strings bare (e.g. \'.[].name\')' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand webhook; and __fish_seen_subcommand_from deliveries" -l field -d 'Print one field of the JSON bare, a line per item of a list (e.g. id)' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand webhook; and __fish_seen_subcommand_from deliveries" -l failed -d 'Only messages not delivered whose last attempt failed'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand webhook; and __fish_seen_subcommand_from deliveries" -l all -d 'Show every item, however many (fetched a page at a time)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand webhook; and __fish_seen_subcommand_from deliveries" -l jsonl -d 'Print one JSON object per line as they arrive (JSON Lines)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand webhook; and __fish_seen_subcommand_from deliveries" -l json -d 'Print machine-readable JSON on stdout'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand webhook; and __fish_seen_subcommand_from deliveries" -s q -l quiet -d 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand webhook; and __fish_seen_subcommand_from deliveries" -l debug -d 'Log what tokenctl does on stderr (never a secret)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand webhook; and __fish_seen_subcommand_from deliveries" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand webhook; and __fish_seen_subcommand_from help" -f -a "list" -d 'List webhooks (needs webhooks:manage)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand webhook; and __fish_seen_subcommand_from help" -f -a "add" -d 'Add a webhook and print its signing secret once (needs webhooks:manage and a login session)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand webhook; and __fish_seen_subcommand_from help" -f -a "remove" -d 'Remove a webhook (needs webhooks:manage and a login session)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand webhook; and __fish_seen_subcommand_from help" -f -a "test" -d 'Send a webhook a test message and wait for its first attempt (needs webhooks:manage)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand webhook; and __fish_seen_subcommand_from help" -f -a "deliveries" -d 'Show the messages sent to webhooks, and how sending each went (needs webhooks:manage)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand webhook; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand keys; and not __fish_seen_subcommand_from list ls rotate jwks help" -l store -d 'Token store file (SQLite) [default: in your data directory]' -r -F
complete -c tokenctl -n "__fish_tokenctl_using_subcommand keys; and not __fish_seen_subcommand_from list ls rotate jwks help" -l server -d 'Token server to use instead of the local store' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand keys; and not __fish_seen_subcommand_from list ls rotate jwks help" -l profile -d 'Saved login (server + user) to use [default: the last login]' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand keys; and not __fish_seen_subcommand_from list ls rotate jwks help" -l config -d 'Config file [default: config.toml in your config directory]' -r -F
complete -c tokenctl -n "__fish_tokenctl_using_subcommand keys; and not __fish_seen_subcommand_from list ls rotate jwks help" -l jq -d 'Print what this jq filter selects from the JSON, strings bare (e.g. \'.[].name\')' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand keys; and not __fish_seen_subcommand_from list ls rotate jwks help" -l field -d 'Print one field of the JSON bare, a line per item of a list (e.g. id)' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand keys; and not __fish_seen_subcommand_from list ls rotate jwks help" -l json -d 'Print machine-readable JSON on stdout'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand keys; and not __fish_seen_subcommand_from list ls rotate jwks help" -s q -l quiet -d 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand keys; and not __fish_seen_subcommand_from list ls rotate jwks help" -l debug -d 'Log what tokenctl does on stderr (never a secret)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand keys; and not __fish_seen_subcommand_from list ls rotate jwks help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand keys; and not __fish_seen_subcommand_from list ls rotate jwks help" -f -a "list" -d 'List the signing keys: the active one and the retired ones still published'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand keys; and not __fish_seen_subcommand_from list ls rotate jwks help" -f -a "ls" -d 'List the signing keys: the active one and the retired ones still published'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand keys; and not __fish_seen_subcommand_from list ls rotate jwks help" -f -a "rotate" -d 'Make a new key the signer; the old one keeps verifying what it signed'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand keys; and not __fish_seen_subcommand_from list ls rotate jwks help" -f -a "jwks" -d 'Print the public JWK Set that verifies exchanged access tokens'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand keys; and not __fish_seen_subcommand_from list ls rotate jwks help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand keys; and __fish_seen_subcommand_from list" -l store -d 'Token store file (SQLite) [default: in your data directory]' -r -F
complete -c tokenctl -n "__fish_tokenctl_using_subcommand keys; and __fish_seen_subcommand_from list" -l server -d 'Token server to use instead of the local store' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand keys; and __fish_seen_subcommand_from list" -l profile -d 'Saved login (server + user) to use [default: the last login]' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand keys; and __fish_seen_subcommand_from list" -l config -d 'Config file [default: config.toml in your config directory]' -r -F
complete -c tokenctl -n "__fish_tokenctl_using_subcommand keys; and __fish_seen_subcommand_from list" -l jq -d 'Print what this jq filter selects from the JSON, strings bare (e.g. \'.[].name\')' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand keys; and __fish_seen_subcommand_from list" -l field -d 'Print one field of the JSON bare, a line per item of a list (e.g. id)' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand keys; and __fish_seen_subcommand_from list" -l json -d 'Print machine-readable JSON on stdout'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand keys; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand keys; and __fish_seen_subcommand_from list" -l debug -d 'Log what tokenctl does on stderr (never a secret)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand keys; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand keys; and __fish_seen_subcommand_from ls" -l store -d 'Token store file (SQLite) [default: in your data directory]' -r -F
complete -c tokenctl -n "__fish_tokenctl_using_subcommand keys; and __fish_seen_subcommand_from ls" -l server -d 'Token server to use instead of the local store' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand keys; and __fish_seen_subcommand_from ls" -l profile -d 'Saved login (server + user) to use [default: the last login]' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand keys; and __fish_seen_subcommand_from ls" -l config -d 'Config file [default: config.toml in your config directory]' -r -F
complete -c tokenctl -n "__fish_tokenctl_using_subcommand keys; and __fish_seen_subcommand_from ls" -l jq -d 'Print what this jq filter selects from the JSON, strings bare (e.g. \'.[].name\')' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand keys; and __fish_seen_subcommand_from ls" -l field -d 'Print one field of the JSON bare, a line per item of a list (e.g. id)' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand keys; and __fish_seen_subcommand_from ls" -l json -d 'Print machine-readable JSON on stdout'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand keys; and __fish_seen_subcommand_from ls" -s q -l quiet -d 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand keys; and __fish_seen_subcommand_from ls" -l debug -d 'Log what tokenctl does on stderr (never a secret)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand keys; and __fish_seen_subcommand_from ls" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand keys; and __fish_seen_subcommand_from rotate" -l store -d 'Token store file (SQLite) [default: in your data directory]' -r -F
complete -c tokenctl -n "__fish_tokenctl_using_subcommand keys; and __fish_seen_subcommand_from rotate" -l server -d 'Token server to use instead of the local store' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand keys; and __fish_seen_subcommand_from rotate" -l profile -d 'Saved login (server + user) to use [default: the last login]' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand keys; and __fish_seen_subcommand_from rotate" -l config -d 'Config file [default: config.toml in your config directory]' -r -F
complete -c tokenctl -n "__fish_tokenctl_using_subcommand keys; and __fish_seen_subcommand_from rotate" -l jq -d 'Print what this jq filter selects from the JSON, strings bare (e.g. \'.[].name\')' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand keys; and __fish_seen_subcommand_from rotate" -l field -d 'Print one field of the JSON bare, a line per item of a list (e.g. id)' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand keys; and __fish_seen_subcommand_from rotate" -s y -l yes -d 'Do not ask for confirmation'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand keys; and __fish_seen_subcommand_from rotate" -l json -d 'Print machine-readable JSON on stdout'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand keys; and __fish_seen_subcommand_from rotate" -s q -l quiet -d 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand keys; and __fish_seen_subcommand_from rotate" -l debug -d 'Log what tokenctl does on stderr (never a secret)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand keys; and __fish_seen_subcommand_from rotate" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand keys; and __fish_seen_subcommand_from jwks" -l store -d 'Token store file (SQLite) [default: in your data directory]' -r -F
complete -c tokenctl -n "__fish_tokenctl_using_subcommand keys; and __fish_seen_subcommand_from jwks" -l server -d 'Token server to use instead of the local store' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand keys; and __fish_seen_subcommand_from jwks" -l profile -d 'Saved login (server + user) to use [default: the last login]' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand keys; and __fish_seen_subcommand_from jwks" -l config -d 'Config file [default: config.toml in your config directory]' -r -F
complete -c tokenctl -n "__fish_tokenctl_using_subcommand keys; and __fish_seen_subcommand_from jwks" -l jq -d 'Print what this jq filter selects from the JSON, strings bare (e.g. \'.[].name\')' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand keys; and __fish_seen_subcommand_from jwks" -l field -d 'Print one field of the JSON bare, a line per item of a list (e.g. id)' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand keys; and __fish_seen_subcommand_from jwks" -l json -d 'Print machine-readable JSON on stdout'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand keys; and __fish_seen_subcommand_from jwks" -s q -l quiet -d 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand keys; and __fish_seen_subcommand_from jwks" -l debug -d 'Log what tokenctl does on stderr (never a secret)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand keys; and __fish_seen_subcommand_from jwks" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand keys; and __fish_seen_subcommand_from help" -f -a "list" -d 'List the signing keys: the active one and the retired ones still published'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand keys; and __fish_seen_subcommand_from help" -f -a "rotate" -d 'Make a new key the signer; the old one keeps verifying what it signed'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand keys; and __fish_seen_subcommand_from help" -f -a "jwks" -d 'Print the public JWK Set that verifies exchanged access tokens'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand keys; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand oauth; and not __fish_seen_subcommand_from add edit list ls show remove rm request refresh token status export import help" -l store -d 'Token store file (SQLite) [default: in your data directory]' -r -F
complete -c tokenctl -n "__fish_tokenctl_using_subcommand oauth; and not __fish_seen_subcommand_from add edit list ls show remove rm request refresh token status export import help" -l server -d 'Token server to use instead of the local store' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand oauth; and not __fish_seen_subcommand_from add edit list ls show remove rm request refresh token status export import help" -l profile -d 'Saved login (server + user) to use [default: the last login]' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand oauth; and not __fish_seen_subcommand_from add edit list ls show remove rm request refresh token status export import help" -l config -d 'Config file [default: config.toml in your config directory]' -r -F
complete -c tokenctl -n "__fish_tokenctl_using_subcommand oauth; and not __fish_seen_subcommand_from add edit list ls show remove rm request refresh token status export import help" -l jq -d 'Print what this jq filter selects from the JSON, strings bare (e.g. \'.[].name\')' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand oauth; and not __fish_seen_subcommand_from add edit list ls show remove rm request refresh token status export import help" -l field -d 'Print one field of the JSON bare, a line per item of a list (e.g. id)' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand oauth; and not __fish_seen_subcommand_from add edit list ls show remove rm request refresh token status export import help" -l json -d 'Print machine-readable JSON on stdout'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand oauth; and not __fish_seen_subcommand_from add edit list ls show remove rm request refresh token status export import help" -s q -l quiet -d 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand oauth; and not __fish_seen_subcommand_from add edit list ls show remove rm request refresh token status export import help" -l debug -d 'Log what tokenctl does on stderr (never a secret)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand oauth; and not __fish_seen_subcommand_from add edit list ls show remove rm request refresh token status export import help" -s h -l help -d 'Print help'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand oauth; and not __fish_seen_subcommand_from add edit list ls show remove rm request refresh token status export import help" -f -a "add" -d 'Add an OAuth2 token configuration for a provider'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand oauth; and not __fish_seen_subcommand_from add edit list ls show remove rm request refresh token status export import help" -f -a "edit" -d 'Change an OAuth2 token configuration'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand oauth; and not __fish_seen_subcommand_from add edit list ls show remove rm request refresh token status export import help" -f -a "list" -d 'List OAuth2 tokens and when they expire'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand oauth; and not __fish_seen_subcommand_from add edit list ls show remove rm request refresh token status export import help" -f -a "ls" -d 'List OAuth2 tokens and when they expire'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand oauth; and not __fish_seen_subcommand_from add edit list ls show remove rm request refresh token status export import help" -f -a "show" -d 'Show one OAuth2 token configuration (never its secrets)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand oauth; and not __fish_seen_subcommand_from add edit list ls show remove rm request refresh token status export import help" -f -a "remove" -d 'Remove an OAuth2 token configuration and its secrets'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand oauth; and not __fish_seen_subcommand_from add edit list ls show remove rm request refresh token status export import help" -f -a "rm" -d 'Remove an OAuth2 token configuration and its secrets'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand oauth; and not __fish_seen_subcommand_from add edit list ls show remove rm request refresh token status export import help" -f -a "request" -d 'Obtain a new token from the provider (a new authorization)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand oauth; and not __fish_seen_subcommand_from add edit list ls show remove rm request refresh token status export import help" -f -a "refresh" -d 'Renew the access token now, with the refresh token'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand oauth; and not __fish_seen_subcommand_from add edit list ls show remove rm request refresh token status export import help" -f -a "token" -d 'Print a valid access token, refreshing it first when it has expired'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand oauth; and not __fish_seen_subcommand_from add edit list ls show remove rm request refresh token status export import help" -f -a "status" -d 'Say which OAuth2 tokens need attention; for cron and monitoring'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand oauth; and not __fish_seen_subcommand_from add edit list ls show remove rm request refresh token status export import help" -f -a "export" -d 'Export OAuth2 token configurations as YAML (version 1)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand oauth; and not __fish_seen_subcommand_from add edit list ls show remove rm request refresh token status export import help" -f -a "import" -d 'Import OAuth2 token configurations from YAML (an `oauth export`)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand oauth; and not __fish_seen_subcommand_from add edit list ls show remove rm request refresh token status export import help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand oauth; and __fish_seen_subcommand_from add" -l template -d 'Provider template; fixed once saved' -r -f -a "google\t''
microsoft-common\t''
microsoft-consumers\t''
microsoft-organizations\t''
custom\t''"
complete -c tokenctl -n "__fish_tokenctl_using_subcommand oauth; and __fish_seen_subcommand_from add" -l client-id -d 'The application\'s client ID at the provider' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand oauth; and __fish_seen_subcommand_from add" -l scope -d 'Scope to request; repeat for several [default: the template\'s]' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand oauth; and __fish_seen_subcommand_from add" -l validity -d 'How long a refresh token stays valid when the provider doesn\'t say (e.g. 90d), or none' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand oauth; and __fish_seen_subcommand_from add" -l notify -d 'Which expiries show a notice: expired-token, expired-refresh-token, or none [default: both]' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand oauth; and __fish_seen_subcommand_from add" -l issuer -d 'OpenID Connect / RFC 8414 issuer to read the endpoints from' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand oauth; and __fish_seen_subcommand_from add" -l auth-url -d 'Authorization endpoint (code + PKCE)' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand oauth; and __fish_seen_subcommand_from add" -l token-url -d 'Token endpoint' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand oauth; and __fish_seen_subcommand_from add" -l device-url -d 'Device authorization endpoint (RFC 8628)' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand oauth; and __fish_seen_subcommand_from add" -l store -d 'Token store file (SQLite) [default: in your data directory]' -r -F
complete -c tokenctl -n "__fish_tokenctl_using_subcommand oauth; and __fish_seen_subcommand_from add" -l server -d 'Token server to use instead of the local store' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand oauth; and __fish_seen_subcommand_from add" -l profile -d 'Saved login (server + user) to use [default: the last login]' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand oauth; and __fish_seen_subcommand_from add" -l config -d 'Config file [default: config.toml in your config directory]' -r -F
complete -c tokenctl -n "__fish_tokenctl_using_subcommand oauth; and __fish_seen_subcommand_from add" -l jq -d 'Print what this jq filter selects from the JSON, strings bare (e.g. \'.[].name\')' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand oauth; and __fish_seen_subcommand_from add" -l field -d 'Print one field of the JSON bare, a line per item of a list (e.g. id)' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand oauth; and __fish_seen_subcommand_from add" -l public -d 'A public client: no client secret (PKCE or device grant)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand oauth; and __fish_seen_subcommand_from add" -l insecure-storage -d 'Keep the secrets in a 0600 file instead of the OS keyring'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand oauth; and __fish_seen_subcommand_from add" -l json -d 'Print machine-readable JSON on stdout'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand oauth; and __fish_seen_subcommand_from add" -s q -l quiet -d 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand oauth; and __fish_seen_subcommand_from add" -l debug -d 'Log what tokenctl does on stderr (never a secret)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand oauth; and __fish_seen_subcommand_from add" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand oauth; and __fish_seen_subcommand_from edit" -l template -d 'Must be the saved template: a template can\'t be changed' -r -f -a "google\t''
microsoft-common\t''
microsoft-consumers\t''
microsoft-organizations\t''
custom\t''"
complete -c tokenctl -n "__fish_tokenctl_using_subcommand oauth; and __fish_seen_subcommand_from edit" -l client-id -d 'New client ID' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand oauth; and __fish_seen_subcommand_from edit" -l scope -d 'Scope to request; repeat for several [default: the template\'s]' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand oauth; and __fish_seen_subcommand_from edit" -l validity -d 'How long a refresh token stays valid when the provider doesn\'t say (e.g. 90d), or none' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand oauth; and __fish_seen_subcommand_from edit" -l notify -d 'Which expiries show a notice: expired-token, expired-refresh-token, or none [default: both]' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand oauth; and __fish_seen_subcommand_from edit" -l issuer -d 'OpenID Connect / RFC 8414 issuer to read the endpoints from' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand oauth; and __fish_seen_subcommand_from edit" -l auth-url -d 'Authorization endpoint (code + PKCE)' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand oauth; and __fish_seen_subcommand_from edit" -l token-url -d 'Token endpoint' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand oauth; and __fish_seen_subcommand_from edit" -l device-url -d 'Device authorization endpoint (RFC 8628)' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand oauth; and __fish_seen_subcommand_from edit" -l store -d 'Token store file (SQLite) [default: in your data directory]' -r -F
complete -c tokenctl -n "__fish_tokenctl_using_subcommand oauth; and __fish_seen_subcommand_from edit" -l server -d 'Token server to use instead of the local store' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand oauth; and __fish_seen_subcommand_from edit" -l profile -d 'Saved login (server + user) to use [default: the last login]' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand oauth; and __fish_seen_subcommand_from edit" -l config -d 'Config file [default: config.toml in your config directory]' -r -F
complete -c tokenctl -n "__fish_tokenctl_using_subcommand oauth; and __fish_seen_subcommand_from edit" -l jq -d 'Print what this jq filter selects from the JSON, strings bare (e.g. \'.[].name\')' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand oauth; and __fish_seen_subcommand_from edit" -l field -d 'Print one field of the JSON bare, a line per item of a list (e.g. id)' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand oauth; and __fish_seen_subcommand_from edit" -l new-client-secret -d 'Replace the client secret (hidden prompt, or stdin\'s first line)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand oauth; and __fish_seen_subcommand_from edit" -l json -d 'Print machine-readable JSON on stdout'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand oauth; and __fish_seen_subcommand_from edit" -s q -l quiet -d 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand oauth; and __fish_seen_subcommand_from edit" -l debug -d 'Log what tokenctl does on stderr (never a secret)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand oauth; and __fish_seen_subcommand_from edit" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand oauth; and __fish_seen_subcommand_from list" -l store -d 'Token store file (SQLite) [default: in your data directory]' -r -F
complete -c tokenctl -n "__fish_tokenctl_using_subcommand oauth; and __fish_seen_subcommand_from list" -l server -d 'Token server to use instead of the local store' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand oauth; and __fish_seen_subcommand_from list" -l profile -d 'Saved login (server + user) to use [default: the last login]' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand oauth; and __fish_seen_subcommand_from list" -l config -d 'Config file [default: config.toml in your config directory]' -r -F
complete -c tokenctl -n "__fish_tokenctl_using_subcommand oauth; and __fish_seen_subcommand_from list" -l jq -d 'Print what this jq filter selects from the JSON, strings bare (e.g. \'.[].name\')' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand oauth; and __fish_seen_subcommand_from list" -l field -d 'Print one field of the JSON bare, a line per item of a list (e.g. id)' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand oauth; and __fish_seen_subcommand_from list" -l json -d 'Print machine-readable JSON on stdout'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand oauth; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand oauth; and __fish_seen_subcommand_from list" -l debug -d 'Log what tokenctl does on stderr (never a secret)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand oauth; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand oauth; and __fish_seen_subcommand_from ls" -l store -d 'Token store file (SQLite) [default: in your data directory]' -r -F
complete -c tokenctl -n "__fish_tokenctl_using_subcommand oauth; and __fish_seen_subcommand_from ls" -l server -d 'Token server to use instead of the local store' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand oauth; and __fish_seen_subcommand_from ls" -l profile -d 'Saved login (server + user) to use [default: the last login]' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand oauth; and __fish_seen_subcommand_from ls" -l config -d 'Config file [default: config.toml in your config directory]' -r -F
complete -c tokenctl -n "__fish_tokenctl_using_subcommand oauth; and __fish_seen_subcommand_from ls" -l jq -d 'Print what this jq filter selects from the JSON, strings bare (e.g. \'.[].name\')' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand oauth; and __fish_seen_subcommand_from ls" -l field -d 'Print one field of the JSON bare, a line per item of a list (e.g. id)' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand oauth; and __fish_seen_subcommand_from ls" -l json -d 'Print machine-readable JSON on stdout'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand oauth; and __fish_seen_subcommand_from ls" -s q -l quiet -d 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand oauth; and __fish_seen_subcommand_from ls" -l debug -d 'Log what tokenctl does on stderr (never a secret)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand oauth; and __fish_seen_subcommand_from ls" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand oauth; and __fish_seen_subcommand_from show" -l store -d 'Token store file (SQLite) [default: in your data directory]' -r -F
complete -c tokenctl -n "__fish_tokenctl_using_subcommand oauth; and __fish_seen_subcommand_from show" -l server -d 'Token server to use instead of the local store' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand oauth; and __fish_seen_subcommand_from show" -l profile -d 'Saved login (server + user) to use [default: the last login]' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand oauth; and __fish_seen_subcommand_from show" -l config -d 'Config file [default: config.toml in your config directory]' -r -F
complete -c tokenctl -n "__fish_tokenctl_using_subcommand oauth; and __fish_seen_subcommand_from show" -l jq -d 'Print what this jq filter selects from the JSON, strings bare (e.g. \'.[].name\')' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand oauth; and __fish_seen_subcommand_from show" -l field -d 'Print one field of the JSON bare, a line per item of a list (e.g. id)' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand oauth; and __fish_seen_subcommand_from show" -l json -d 'Print machine-readable JSON on stdout'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand oauth; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand oauth; and __fish_seen_subcommand_from show" -l debug -d 'Log what tokenctl does on stderr (never a secret)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand oauth; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand oauth; and __fish_seen_subcommand_from remove" -l store -d 'Token store file (SQLite) [default: in your data directory]' -r -F
complete -c tokenctl -n "__fish_tokenctl_using_subcommand oauth; and __fish_seen_subcommand_from remove" -l server -d 'Token server to use instead of the local store' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand oauth; and __fish_seen_subcommand_from remove" -l profile -d 'Saved login (server + user) to use [default: the last login]' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand oauth; and __fish_seen_subcommand_from remove" -l config -d 'Config file [default: config.toml in your config directory]' -r -F
complete -c tokenctl -n "__fish_tokenctl_using_subcommand oauth; and __fish_seen_subcommand_from remove" -l jq -d 'Print what this jq filter selects from the JSON, strings bare (e.g. \'.[].name\')' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand oauth; and __fish_seen_subcommand_from remove" -l field -d 'Print one field of the JSON bare, a line per item of a list (e.g. id)' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand oauth; and __fish_seen_subcommand_from remove" -s y -l yes -d 'Don\'t ask for confirmation'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand oauth; and __fish_seen_subcommand_from remove" -l json -d 'Print machine-readable JSON on stdout'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand oauth; and __fish_seen_subcommand_from remove" -s q -l quiet -d 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand oauth; and __fish_seen_subcommand_from remove" -l debug -d 'Log what tokenctl does on stderr (never a secret)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand oauth; and __fish_seen_subcommand_from remove" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand oauth; and __fish_seen_subcommand_from rm" -l store -d 'Token store file (SQLite) [default: in your data directory]' -r -F
complete -c tokenctl -n "__fish_tokenctl_using_subcommand oauth; and __fish_seen_subcommand_from rm" -l server -d 'Token server to use instead of the local store' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand oauth; and __fish_seen_subcommand_from rm" -l profile -d 'Saved login (server + user) to use [default: the last login]' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand oauth; and __fish_seen_subcommand_from rm" -l config -d 'Config file [default: config.toml in your config directory]' -r -F
complete -c tokenctl -n "__fish_tokenctl_using_subcommand oauth; and __fish_seen_subcommand_from rm" -l jq -d 'Print what this jq filter selects from the JSON, strings bare (e.g. \'.[].name\')' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand oauth; and __fish_seen_subcommand_from rm" -l field -d 'Print one field of the JSON bare, a line per item of a list (e.g. id)' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand oauth; and __fish_seen_subcommand_from rm" -s y -l yes -d 'Don\'t ask for confirmation'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand oauth; and __fish_seen_subcommand_from rm" -l json -d 'Print machine-readable JSON on stdout'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand oauth; and __fish_seen_subcommand_from rm" -s q -l quiet -d 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand oauth; and __fish_seen_subcommand_from rm" -l debug -d 'Log what tokenctl does on stderr (never a secret)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand oauth; and __fish_seen_subcommand_from rm" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand oauth; and __fish_seen_subcommand_from request" -l timeout -d 'How long to wait for the sign-in' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand oauth; and __fish_seen_subcommand_from request" -l store -d 'Token store file (SQLite) [default: in your data directory]' -r -F
complete -c tokenctl -n "__fish_tokenctl_using_subcommand oauth; and __fish_seen_subcommand_from request" -l server -d 'Token server to use instead of the local store' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand oauth; and __fish_seen_subcommand_from request" -l profile -d 'Saved login (server + user) to use [default: the last login]' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand oauth; and __fish_seen_subcommand_from request" -l config -d 'Config file [default: config.toml in your config directory]' -r -F
complete -c tokenctl -n "__fish_tokenctl_using_subcommand oauth; and __fish_seen_subcommand_from request" -l jq -d 'Print what this jq filter selects from the JSON, strings bare (e.g. \'.[].name\')' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand oauth; and __fish_seen_subcommand_from request" -l field -d 'Print one field of the JSON bare, a line per item of a list (e.g. id)' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand oauth; and __fish_seen_subcommand_from request" -l device -d 'Device authorization grant: for machines without a browser'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand oauth; and __fish_seen_subcommand_from request" -l client-credentials -d 'Client credentials grant: the application acts as itself'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand oauth; and __fish_seen_subcommand_from request" -l json -d 'Print machine-readable JSON on stdout'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand oauth; and __fish_seen_subcommand_from request" -s q -l quiet -d 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand oauth; and __fish_seen_subcommand_from request" -l debug -d 'Log what tokenctl does on stderr (never a secret)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand oauth; and __fish_seen_subcommand_from request" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand oauth; and __fish_seen_subcommand_from refresh" -l store -d 'Token store file (SQLite) [default: in your data directory]' -r -F
complete -c tokenctl -n "__fish_tokenctl_using_subcommand oauth; and __fish_seen_subcommand_from refresh" -l server -d 'Token server to use instead of the local store' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand oauth; and __fish_seen_subcommand_from refresh" -l profile -d 'Saved login (server + user) to use [default: the last login]' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand oauth; and __fish_seen_subcommand_from refresh" -l config -d 'Config file [default: config.toml in your config directory]' -r -F
complete -c tokenctl -n "__fish_tokenctl_using_subcommand oauth; and __fish_seen_subcommand_from refresh" -l jq -d 'Print what this jq filter selects from the JSON, strings bare (e.g. \'.[].name\')' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand oauth; and __fish_seen_subcommand_from refresh" -l field -d 'Print one field of the JSON bare, a line per item of a list (e.g. id)' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand oauth; and __fish_seen_subcommand_from refresh" -l json -d 'Print machine-readable JSON on stdout'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand oauth; and __fish_seen_subcommand_from refresh" -s q -l quiet -d 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand oauth; and __fish_seen_subcommand_from refresh" -l debug -d 'Log what tokenctl does on stderr (never a secret)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand oauth; and __fish_seen_subcommand_from refresh" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand oauth; and __fish_seen_subcommand_from token" -l store -d 'Token store file (SQLite) [default: in your data directory]' -r -F
complete -c tokenctl -n "__fish_tokenctl_using_subcommand oauth; and __fish_seen_subcommand_from token" -l server -d 'Token server to use instead of the local store' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand oauth; and __fish_seen_subcommand_from token" -l profile -d 'Saved login (server + user) to use [default: the last login]' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand oauth; and __fish_seen_subcommand_from token" -l config -d 'Config file [default: config.toml in your config directory]' -r -F
complete -c tokenctl -n "__fish_tokenctl_using_subcommand oauth; and __fish_seen_subcommand_from token" -l jq -d 'Print what this jq filter selects from the JSON, strings bare (e.g. \'.[].name\')' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand oauth; and __fish_seen_subcommand_from token" -l field -d 'Print one field of the JSON bare, a line per item of a list (e.g. id)' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand oauth; and __fish_seen_subcommand_from token" -l json -d 'Print machine-readable JSON on stdout'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand oauth; and __fish_seen_subcommand_from token" -s q -l quiet -d 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand oauth; and __fish_seen_subcommand_from token" -l debug -d 'Log what tokenctl does on stderr (never a secret)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand oauth; and __fish_seen_subcommand_from token" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand oauth; and __fish_seen_subcommand_from status" -l store -d 'Token store file (SQLite) [default: in your data directory]' -r -F
complete -c tokenctl -n "__fish_tokenctl_using_subcommand oauth; and __fish_seen_subcommand_from status" -l server -d 'Token server to use instead of the local store' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand oauth; and __fish_seen_subcommand_from status" -l profile -d 'Saved login (server + user) to use [default: the last login]' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand oauth; and __fish_seen_subcommand_from status" -l config -d 'Config file [default: config.toml in your config directory]' -r -F
complete -c tokenctl -n "__fish_tokenctl_using_subcommand oauth; and __fish_seen_subcommand_from status" -l jq -d 'Print what this jq filter selects from the JSON, strings bare (e.g. \'.[].name\')' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand oauth; and __fish_seen_subcommand_from status" -l field -d 'Print one field of the JSON bare, a line per item of a list (e.g. id)' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand oauth; and __fish_seen_subcommand_from status" -l json -d 'Print machine-readable JSON on stdout'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand oauth; and __fish_seen_subcommand_from status" -s q -l quiet -d 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand oauth; and __fish_seen_subcommand_from status" -l debug -d 'Log what tokenctl does on stderr (never a secret)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand oauth; and __fish_seen_subcommand_from status" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand oauth; and __fish_seen_subcommand_from export" -s o -l output -d 'Write to this file (created 0600) instead of stdout' -r -F
complete -c tokenctl -n "__fish_tokenctl_using_subcommand oauth; and __fish_seen_subcommand_from export" -l store -d 'Token store file (SQLite) [default: in your data directory]' -r -F
complete -c tokenctl -n "__fish_tokenctl_using_subcommand oauth; and __fish_seen_subcommand_from export" -l server -d 'Token server to use instead of the local store' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand oauth; and __fish_seen_subcommand_from export" -l profile -d 'Saved login (server + user) to use [default: the last login]' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand oauth; and __fish_seen_subcommand_from export" -l config -d 'Config file [default: config.toml in your config directory]' -r -F
complete -c tokenctl -n "__fish_tokenctl_using_subcommand oauth; and __fish_seen_subcommand_from export" -l jq -d 'Print what this jq filter selects from the JSON, strings bare (e.g. \'.[].name\')' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand oauth; and __fish_seen_subcommand_from export" -l field -d 'Print one field of the JSON bare, a line per item of a list (e.g. id)' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand oauth; and __fish_seen_subcommand_from export" -l include-secrets -d 'Include client secrets and tokens (the file then needs protecting)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand oauth; and __fish_seen_subcommand_from export" -l json -d 'Print machine-readable JSON on stdout'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand oauth; and __fish_seen_subcommand_from export" -s q -l quiet -d 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand oauth; and __fish_seen_subcommand_from export" -l debug -d 'Log what tokenctl does on stderr (never a secret)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand oauth; and __fish_seen_subcommand_from export" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand oauth; and __fish_seen_subcommand_from import" -l store -d 'Token store file (SQLite) [default: in your data directory]' -r -F
complete -c tokenctl -n "__fish_tokenctl_using_subcommand oauth; and __fish_seen_subcommand_from import" -l server -d 'Token server to use instead of the local store' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand oauth; and __fish_seen_subcommand_from import" -l profile -d 'Saved login (server + user) to use [default: the last login]' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand oauth; and __fish_seen_subcommand_from import" -l config -d 'Config file [default: config.toml in your config directory]' -r -F
complete -c tokenctl -n "__fish_tokenctl_using_subcommand oauth; and __fish_seen_subcommand_from import" -l jq -d 'Print what this jq filter selects from the JSON, strings bare (e.g. \'.[].name\')' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand oauth; and __fish_seen_subcommand_from import" -l field -d 'Print one field of the JSON bare, a line per item of a list (e.g. id)' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand oauth; and __fish_seen_subcommand_from import" -l overwrite -d 'Replace saved entries of the same names'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand oauth; and __fish_seen_subcommand_from import" -l insecure-storage -d 'Keep imported secrets in a 0600 file instead of the OS keyring'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand oauth; and __fish_seen_subcommand_from import" -l json -d 'Print machine-readable JSON on stdout'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand oauth; and __fish_seen_subcommand_from import" -s q -l quiet -d 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand oauth; and __fish_seen_subcommand_from import" -l debug -d 'Log what tokenctl does on stderr (never a secret)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand oauth; and __fish_seen_subcommand_from import" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand oauth; and __fish_seen_subcommand_from help" -f -a "add" -d 'Add an OAuth2 token configuration for a provider'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand oauth; and __fish_seen_subcommand_from help" -f -a "edit" -d 'Change an OAuth2 token configuration'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand oauth; and __fish_seen_subcommand_from help" -f -a "list" -d 'List OAuth2 tokens and when they expire'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand oauth; and __fish_seen_subcommand_from help" -f -a "show" -d 'Show one OAuth2 token configuration (never its secrets)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand oauth; and __fish_seen_subcommand_from help" -f -a "remove" -d 'Remove an OAuth2 token configuration and its secrets'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand oauth; and __fish_seen_subcommand_from help" -f -a "request" -d 'Obtain a new token from the provider (a new authorization)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand oauth; and __fish_seen_subcommand_from help" -f -a "refresh" -d 'Renew the access token now, with the refresh token'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand oauth; and __fish_seen_subcommand_from help" -f -a "token" -d 'Print a valid access token, refreshing it first when it has expired'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand oauth; and __fish_seen_subcommand_from help" -f -a "status" -d 'Say which OAuth2 tokens need attention; for cron and monitoring'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand oauth; and __fish_seen_subcommand_from help" -f -a "export" -d 'Export OAuth2 token configurations as YAML (version 1)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand oauth; and __fish_seen_subcommand_from help" -f -a "import" -d 'Import OAuth2 token configurations from YAML (an `oauth export`)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand oauth; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand completions" -l store -d 'Token store file (SQLite) [default: in your data directory]' -r -F
complete -c tokenctl -n "__fish_tokenctl_using_subcommand completions" -l server -d 'Token server to use instead of the local store' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand completions" -l profile -d 'Saved login (server + user) to use [default: the last login]' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand completions" -l config -d 'Config file [default: config.toml in your config directory]' -r -F
complete -c tokenctl -n "__fish_tokenctl_using_subcommand completions" -l jq -d 'Print what this jq filter selects from the JSON, strings bare (e.g. \'.[].name\')' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand completions" -l field -d 'Print one field of the JSON bare, a line per item of a list (e.g. id)' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand completions" -l json -d 'Print machine-readable JSON on stdout'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand completions" -s q -l quiet -d 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand completions" -l debug -d 'Log what tokenctl does on stderr (never a secret)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand completions" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand clipboard-hold" -l clear-after-ms -d 'Clear after this many milliseconds; 0 holds until replaced' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand clipboard-hold" -l store -d 'Token store file (SQLite) [default: in your data directory]' -r -F
complete -c tokenctl -n "__fish_tokenctl_using_subcommand clipboard-hold" -l server -d 'Token server to use instead of the local store' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand clipboard-hold" -l profile -d 'Saved login (server + user) to use [default: the last login]' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand clipboard-hold" -l config -d 'Config file [default: config.toml in your config directory]' -r -F
complete -c tokenctl -n "__fish_tokenctl_using_subcommand clipboard-hold" -l jq -d 'Print what this jq filter selects from the JSON, strings bare (e.g. \'.[].name\')' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand clipboard-hold" -l field -d 'Print one field of the JSON bare, a line per item of a list (e.g. id)' -r
complete -c tokenctl -n "__fish_tokenctl_using_subcommand clipboard-hold" -l json -d 'Print machine-readable JSON on stdout'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand clipboard-hold" -s q -l quiet -d 'Print only IDs (names for users, roles, OAuth entries, profiles), or a new secret alone'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand clipboard-hold" -l debug -d 'Log what tokenctl does on stderr (never a secret)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand clipboard-hold" -s h -l help -d 'Print help'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand help; and not __fish_seen_subcommand_from create list show revoke regenerate verify exchange scan audit login logout auth whoami notices status 2fa password serve session profile role user trust policy webhook keys oauth completions clipboard-hold help" -f -a "create" -d 'Create a token and print its secret once'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand help; and not __fish_seen_subcommand_from create list show revoke regenerate verify exchange scan audit login logout auth whoami notices status 2fa password serve session profile role user trust policy webhook keys oauth completions clipboard-hold help" -f -a "list" -d 'List tokens'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand help; and not __fish_seen_subcommand_from create list show revoke regenerate verify exchange scan audit login logout auth whoami notices status 2fa password serve session profile role user trust policy webhook keys oauth completions clipboard-hold help" -f -a "show" -d 'Show one token'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand help; and not __fish_seen_subcommand_from create list show revoke regenerate verify exchange scan audit login logout auth whoami notices status 2fa password serve session profile role user trust policy webhook keys oauth completions clipboard-hold help" -f -a "revoke" -d 'Revoke tokens, immediately and permanently'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand help; and not __fish_seen_subcommand_from create list show revoke regenerate verify exchange scan audit login logout auth whoami notices status 2fa password serve session profile role user trust policy webhook keys oauth completions clipboard-hold help" -f -a "regenerate" -d 'Replace an active token\'s secret and print the new one once'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand help; and not __fish_seen_subcommand_from create list show revoke regenerate verify exchange scan audit login logout auth whoami notices status 2fa password serve session profile role user trust policy webhook keys oauth completions clipboard-hold help" -f -a "verify" -d 'Check a token value read from stdin'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand help; and not __fish_seen_subcommand_from create list show revoke regenerate verify exchange scan audit login logout auth whoami notices status 2fa password serve session profile role user trust policy webhook keys oauth completions clipboard-hold help" -f -a "exchange" -d 'Exchange a token for a short-lived access token (JWT), e.g. in CI'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand help; and not __fish_seen_subcommand_from create list show revoke regenerate verify exchange scan audit login logout auth whoami notices status 2fa password serve session profile role user trust policy webhook keys oauth completions clipboard-hold help" -f -a "scan" -d 'Find leaked tokens in files, directories, stdin or staged changes'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand help; and not __fish_seen_subcommand_from create list show revoke regenerate verify exchange scan audit login logout auth whoami notices status 2fa password serve session profile role user trust policy webhook keys oauth completions clipboard-hold help" -f -a "audit" -d 'Show the audit log'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand help; and not __fish_seen_subcommand_from create list show revoke regenerate verify exchange scan audit login logout auth whoami notices status 2fa password serve session profile role user trust policy webhook keys oauth completions clipboard-hold help" -f -a "login" -d 'Log in to a token server'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand help; and not __fish_seen_subcommand_from create list show revoke regenerate verify exchange scan audit login logout auth whoami notices status 2fa password serve session profile role user trust policy webhook keys oauth completions clipboard-hold help" -f -a "logout" -d 'Log out: end the session on the server, then delete the stored copy'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand help; and not __fish_seen_subcommand_from create list show revoke regenerate verify exchange scan audit login logout auth whoami notices status 2fa password serve session profile role user trust policy webhook keys oauth completions clipboard-hold help" -f -a "auth" -d 'The credential tokenctl sends to the server, for scripts'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand help; and not __fish_seen_subcommand_from create list show revoke regenerate verify exchange scan audit login logout auth whoami notices status 2fa password serve session profile role user trust policy webhook keys oauth completions clipboard-hold help" -f -a "whoami" -d 'Show who tokenctl acts as, and what they may do'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand help; and not __fish_seen_subcommand_from create list show revoke regenerate verify exchange scan audit login logout auth whoami notices status 2fa password serve session profile role user trust policy webhook keys oauth completions clipboard-hold help" -f -a "notices" -d 'Say which of your tokens need attention; for cron and monitoring'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand help; and not __fish_seen_subcommand_from create list show revoke regenerate verify exchange scan audit login logout auth whoami notices status 2fa password serve session profile role user trust policy webhook keys oauth completions clipboard-hold help" -f -a "status" -d 'Show the backend in use, the user, and the session\'s expiry and storage'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand help; and not __fish_seen_subcommand_from create list show revoke regenerate verify exchange scan audit login logout auth whoami notices status 2fa password serve session profile role user trust policy webhook keys oauth completions clipboard-hold help" -f -a "2fa" -d 'Manage two-factor authentication (TOTP) for your server account'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand help; and not __fish_seen_subcommand_from create list show revoke regenerate verify exchange scan audit login logout auth whoami notices status 2fa password serve session profile role user trust policy webhook keys oauth completions clipboard-hold help" -f -a "password" -d 'Manage the password of your account'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand help; and not __fish_seen_subcommand_from create list show revoke regenerate verify exchange scan audit login logout auth whoami notices status 2fa password serve session profile role user trust policy webhook keys oauth completions clipboard-hold help" -f -a "serve" -d 'Boxed: its many flags would make every command this size'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand help; and not __fish_seen_subcommand_from create list show revoke regenerate verify exchange scan audit login logout auth whoami notices status 2fa password serve session profile role user trust policy webhook keys oauth completions clipboard-hold help" -f -a "session" -d 'See and end login sessions (yours, or with --user another user\'s)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand help; and not __fish_seen_subcommand_from create list show revoke regenerate verify exchange scan audit login logout auth whoami notices status 2fa password serve session profile role user trust policy webhook keys oauth completions clipboard-hold help" -f -a "profile" -d 'List, switch and remove saved logins (profiles)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand help; and not __fish_seen_subcommand_from create list show revoke regenerate verify exchange scan audit login logout auth whoami notices status 2fa password serve session profile role user trust policy webhook keys oauth completions clipboard-hold help" -f -a "role" -d 'Manage roles (named sets of permissions)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand help; and not __fish_seen_subcommand_from create list show revoke regenerate verify exchange scan audit login logout auth whoami notices status 2fa password serve session profile role user trust policy webhook keys oauth completions clipboard-hold help" -f -a "user" -d 'Manage users (accounts that own tokens)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand help; and not __fish_seen_subcommand_from create list show revoke regenerate verify exchange scan audit login logout auth whoami notices status 2fa password serve session profile role user trust policy webhook keys oauth completions clipboard-hold help" -f -a "trust" -d 'Manage trust policies: CI jobs that may exchange their OIDC ID token'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand help; and not __fish_seen_subcommand_from create list show revoke regenerate verify exchange scan audit login logout auth whoami notices status 2fa password serve session profile role user trust policy webhook keys oauth completions clipboard-hold help" -f -a "policy" -d 'Show, change or check the token policy'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand help; and not __fish_seen_subcommand_from create list show revoke regenerate verify exchange scan audit login logout auth whoami notices status 2fa password serve session profile role user trust policy webhook keys oauth completions clipboard-hold help" -f -a "webhook" -d 'Manage webhooks: endpoints told of token and account events'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand help; and not __fish_seen_subcommand_from create list show revoke regenerate verify exchange scan audit login logout auth whoami notices status 2fa password serve session profile role user trust policy webhook keys oauth completions clipboard-hold help" -f -a "keys" -d 'Manage the signing keys (list and rotate need keys:manage)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand help; and not __fish_seen_subcommand_from create list show revoke regenerate verify exchange scan audit login logout auth whoami notices status 2fa password serve session profile role user trust policy webhook keys oauth completions clipboard-hold help" -f -a "oauth" -d 'Manage OAuth2 tokens of third-party providers (Google, Microsoft, custom)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand help; and not __fish_seen_subcommand_from create list show revoke regenerate verify exchange scan audit login logout auth whoami notices status 2fa password serve session profile role user trust policy webhook keys oauth completions clipboard-hold help" -f -a "completions" -d 'Print a shell completion script'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand help; and not __fish_seen_subcommand_from create list show revoke regenerate verify exchange scan audit login logout auth whoami notices status 2fa password serve session profile role user trust policy webhook keys oauth completions clipboard-hold help" -f -a "clipboard-hold" -d 'Holds a copied secret on the clipboard (started by create/regenerate)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand help; and not __fish_seen_subcommand_from create list show revoke regenerate verify exchange scan audit login logout auth whoami notices status 2fa password serve session profile role user trust policy webhook keys oauth completions clipboard-hold help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand help; and __fish_seen_subcommand_from audit" -f -a "export" -d 'Write the audit log as JSON Lines, for an archive or a log pipeline'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand help; and __fish_seen_subcommand_from audit" -f -a "prune" -d 'Delete the audit entries from before a date (retention)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand help; and __fish_seen_subcommand_from auth" -f -a "token" -d 'Print the credential commands send to the server: TOKENCTL_TOKEN, else the session'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand help; and __fish_seen_subcommand_from 2fa" -f -a "enable" -d 'Turn on 2FA, or move it to a new authenticator'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand help; and __fish_seen_subcommand_from 2fa" -f -a "disable" -d 'Turn off 2FA on your server account'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand help; and __fish_seen_subcommand_from 2fa" -f -a "status" -d 'Show whether your server account has 2FA, and how many recovery codes are left'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand help; and __fish_seen_subcommand_from password" -f -a "change" -d 'Change the password of your account'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand help; and __fish_seen_subcommand_from session" -f -a "list" -d 'List active login sessions: yours, or another user\'s with --user'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand help; and __fish_seen_subcommand_from session" -f -a "revoke" -d 'End a login session at once, or all of them with --all'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand help; and __fish_seen_subcommand_from profile" -f -a "list" -d 'List the saved logins: server, user, session, and which one is current'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand help; and __fish_seen_subcommand_from profile" -f -a "use" -d 'Make a saved login the current one: where commands go from now on'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand help; and __fish_seen_subcommand_from profile" -f -a "remove" -d 'Forget a saved login: its session ends on the server, then the profile goes'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand help; and __fish_seen_subcommand_from role" -f -a "list" -d 'List roles and their permissions'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand help; and __fish_seen_subcommand_from role" -f -a "show" -d 'Show one role and what each of its permissions allows'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand help; and __fish_seen_subcommand_from role" -f -a "add" -d 'Add a custom role (needs users:manage)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand help; and __fish_seen_subcommand_from role" -f -a "edit" -d 'Change a custom role\'s permissions or description (needs users:manage)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand help; and __fish_seen_subcommand_from role" -f -a "remove" -d 'Remove a custom role (needs users:manage)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand help; and __fish_seen_subcommand_from user" -f -a "list" -d 'List users: role, email, 2FA, last login and status'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand help; and __fish_seen_subcommand_from user" -f -a "add" -d 'Add a user who can own tokens (needs users:manage)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand help; and __fish_seen_subcommand_from user" -f -a "disable" -d 'Disable a user: their tokens stop working until they are enabled again'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand help; and __fish_seen_subcommand_from user" -f -a "enable" -d 'Enable a disabled user again'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand help; and __fish_seen_subcommand_from user" -f -a "set-role" -d 'Give a user another role (needs users:manage)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand help; and __fish_seen_subcommand_from user" -f -a "unlock" -d 'Let a user log in again at once after failed logins (needs users:manage)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand help; and __fish_seen_subcommand_from user" -f -a "reset-password" -d 'Set a new password for a user who lost theirs (needs users:manage)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand help; and __fish_seen_subcommand_from user" -f -a "reset-2fa" -d 'Take 2FA off a user who lost their authenticator (needs users:manage)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand help; and __fish_seen_subcommand_from user" -f -a "edit" -d 'Change a user\'s details (needs users:manage)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand help; and __fish_seen_subcommand_from user" -f -a "remove" -d 'Remove a user: their tokens are revoked and their sessions end (needs users:manage)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand help; and __fish_seen_subcommand_from trust" -f -a "list" -d 'List trust policies (needs trust:manage)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand help; and __fish_seen_subcommand_from trust" -f -a "show" -d 'Show one trust policy (needs trust:manage)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand help; and __fish_seen_subcommand_from trust" -f -a "add" -d 'Add a trust policy: CI jobs that may exchange their ID token (needs trust:manage)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand help; and __fish_seen_subcommand_from trust" -f -a "remove" -d 'Remove a trust policy (needs trust:manage and a login session)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand help; and __fish_seen_subcommand_from trust" -f -a "test" -d 'Explain, claim by claim, whether trust policies admit an ID token'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand help; and __fish_seen_subcommand_from policy" -f -a "show" -d 'Show the token policy in force'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand help; and __fish_seen_subcommand_from policy" -f -a "set" -d 'Change the token policy (needs policy:manage and a login)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand help; and __fish_seen_subcommand_from policy" -f -a "check" -d 'List the tokens and users the token policy would not allow now'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand help; and __fish_seen_subcommand_from webhook" -f -a "list" -d 'List webhooks (needs webhooks:manage)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand help; and __fish_seen_subcommand_from webhook" -f -a "add" -d 'Add a webhook and print its signing secret once (needs webhooks:manage and a login session)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand help; and __fish_seen_subcommand_from webhook" -f -a "remove" -d 'Remove a webhook (needs webhooks:manage and a login session)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand help; and __fish_seen_subcommand_from webhook" -f -a "test" -d 'Send a webhook a test message and wait for its first attempt (needs webhooks:manage)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand help; and __fish_seen_subcommand_from webhook" -f -a "deliveries" -d 'Show the messages sent to webhooks, and how sending each went (needs webhooks:manage)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand help; and __fish_seen_subcommand_from keys" -f -a "list" -d 'List the signing keys: the active one and the retired ones still published'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand help; and __fish_seen_subcommand_from keys" -f -a "rotate" -d 'Make a new key the signer; the old one keeps verifying what it signed'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand help; and __fish_seen_subcommand_from keys" -f -a "jwks" -d 'Print the public JWK Set that verifies exchanged access tokens'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand help; and __fish_seen_subcommand_from oauth" -f -a "add" -d 'Add an OAuth2 token configuration for a provider'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand help; and __fish_seen_subcommand_from oauth" -f -a "edit" -d 'Change an OAuth2 token configuration'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand help; and __fish_seen_subcommand_from oauth" -f -a "list" -d 'List OAuth2 tokens and when they expire'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand help; and __fish_seen_subcommand_from oauth" -f -a "show" -d 'Show one OAuth2 token configuration (never its secrets)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand help; and __fish_seen_subcommand_from oauth" -f -a "remove" -d 'Remove an OAuth2 token configuration and its secrets'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand help; and __fish_seen_subcommand_from oauth" -f -a "request" -d 'Obtain a new token from the provider (a new authorization)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand help; and __fish_seen_subcommand_from oauth" -f -a "refresh" -d 'Renew the access token now, with the refresh token'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand help; and __fish_seen_subcommand_from oauth" -f -a "token" -d 'Print a valid access token, refreshing it first when it has expired'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand help; and __fish_seen_subcommand_from oauth" -f -a "status" -d 'Say which OAuth2 tokens need attention; for cron and monitoring'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand help; and __fish_seen_subcommand_from oauth" -f -a "export" -d 'Export OAuth2 token configurations as YAML (version 1)'
complete -c tokenctl -n "__fish_tokenctl_using_subcommand help; and __fish_seen_subcommand_from oauth" -f -a "import" -d 'Import OAuth2 token configurations from YAML (an `oauth export`)'
