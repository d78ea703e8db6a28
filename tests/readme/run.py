#!/usr/bin/env python3
"""README.md as a doc test: every command of its ```sh blocks, run in order.

    python3 tests/readme/run.py --tokenctl target/debug/tokenctl \\
        --postgres postgres://root@127.0.0.1:5432/test --workdir /tmp/readme-run

Each ```sh block runs in one bash process (no `set -e`), its commands in
README order, so a variable one sets is there for the next. Every command
runs on a scratch HOME / XDG_* tree under --workdir (a fresh local store),
without a terminal, with `tokenctl` first on PATH, and is expected to exit 0
-- unless the table below says otherwise. The runner provides what README
takes for granted: a `tokenctl serve` on loopback (TLS, a PostgreSQL schema
of its own), a real Secret Service (dbus-daemon + gnome-keyring), and a real
OpenID provider (oidc-provider, tests/readme/oidc_provider.mjs). Nothing
leaves the machine.

Exit status: 0 when every command behaved as expected; 1 when one did not
(each failure is reported with its README line, the command as written and
as run, its exit code and the tails of its output); 2 when the table no
longer fits README (a key that matches no command, or several) or a
component is missing.

Requires Python 3.11 (stdlib only), bash, psql, openssl, node (with
tests/oauth_server's node_modules), dbus-daemon, gnome-keyring-daemon, git
and curl.
"""

from __future__ import annotations

import argparse
import base64
import dataclasses
import fcntl
import hashlib
import hmac
import html
import json
import os
import pty
import re
import secrets
import select
import shlex
import shutil
import signal
import socket
import ssl
import struct
import subprocess
import sys
import termios
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

# --------------------------------------------------------------------------
# The table: every README command that is not simply "run it, expect 0".
#
# Keys are distinctive substrings of a command as README writes it, with
# its trailing comment and with runs of whitespace read as one space. A key
# must match exactly one command (a block key: exactly one block), and every
# replacement must find its text, or the run stops before anything runs:
# the table cannot silently rot when README changes.
#
# In every string below, @NAME@ is replaced before running:
#   @SERVER@    the runner's `tokenctl serve`, e.g. https://127.0.0.1:41234
#   @LISTEN@    its --listen address, 127.0.0.1:41234
#   @DATABASE@  the --postgres URL, on a schema made for this run
#   @OIDC@      the OpenID provider's issuer URL, http://127.0.0.1:PORT
#   @WORK@      --workdir
#   @BLOCK@     the file holding the raw text of the command's block
#   @CLIENTSECRET@, @APPID@  README's OAuth client secret and Azure app ID
# and in the shell snippets (setup / after / check) $OUT and $ERR name the
# files holding the command's stdout and stderr.
# --------------------------------------------------------------------------

RUN, BACKGROUND, TERMINAL, SKIP = "run", "background", "terminal", "skip"


@dataclasses.dataclass
class Prompt:
    """On a terminal: when `expect` (a regex) shows, type `send`.

    `send` may use {admin_password}, {local_password}, {totp} (the current
    RFC 6238 code of the saved TOTP secret) and {recovery} (a saved recovery
    code, used up). With `save`, the regex's group 1 is saved under that
    name instead, for a later answer.
    """

    expect: str
    send: str | None = None
    save: str | None = None


@dataclasses.dataclass
class Rule:
    why: str  # what the entry is for; printed for every skip
    mode: str = RUN
    sub: tuple[tuple[str, str], ...] = ()  # textual replacements, in order
    expect: int = 0  # the exit code README promises
    dialog: tuple[Prompt, ...] = ()  # TERMINAL: the answers a person types
    keep: tuple[tuple[str, str], ...] = ()  # TERMINAL: (regex, name): every group 1, saved
    setup: str = ""  # bash, same shell, before the command
    after: str = ""  # bash, same shell, after it; must exit 0
    check: str = ""  # bash, after `after`; must exit 0 (an expectation)
    json: bool = False  # stdout must be one JSON document
    capture: str = ""  # a variable: the command's stdout, kept for later blocks
    healthz: str = ""  # BACKGROUND: answered 200 once it is up
    errors_ok: bool = False  # an `error:` line on stderr is expected despite exit 0


@dataclasses.dataclass
class BlockRule:
    why: str
    prelude: str = ""  # bash, before the block's first command
    skip: bool = False  # the whole block is not run


# The OAuth clients README adds, as tests/readme/oidc_provider.mjs registers them.
OAUTH_CLIENT_SECRET = "readme-client-secret"
OAUTH_APP_ID = "6731de76-14a6-49ae-97bc-6eba6914391e"

# Replacements made in every command: URLs of machines README only names.
GLOBAL_SUBSTITUTIONS = (
    ("https://tokens.example.com", "@SERVER@"),
    ("https://login.example.com", "@OIDC@"),
)

# Shell functions and variables every block has.
COMMON_PRELUDE = r"""
# `mail` stands in for mail(1): the message is kept in a file, nothing sent.
mail() { { printf 'mail %s\n' "$*"; cat; } >> @WORK@/mail.txt; }
# `pbpaste` stands in for the macOS clipboard: a pasted leak holding a live token.
pbpaste() { printf 'pasted from a chat: export TOKENCTL_TOKEN=%s\n' "$PAT"; }
# `jsonpy EXPR < FILE`: true when the Python expression holds for the JSON `d`.
jsonpy() { python3 -c 'import json,sys; d=json.load(sys.stdin); sys.exit(0 if eval(sys.argv[1]) else 1)' "$1"; }
# `jsonpy_id`: the "id" of the JSON document on stdin.
jsonpy_id() { python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])'; }
export -f mail pbpaste jsonpy jsonpy_id
"""

# Logs alice in again, with the password from the file `serve` read.
LOGIN_AGAIN = (
    "tokenctl login --server @SERVER@ --username alice --password-stdin "
    "< @WORK@/run/secrets/tokenctl-admin"
)

# A webhook receiver on loopback for README's webhook block: answers 204 to
# every POST; its port in $HOOK_PORT, its process in $HOOK_PID.
HOOK_RECEIVER = r"""
python3 -c '
import http.server
class Hook(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        self.rfile.read(int(self.headers.get("content-length", "0")))
        self.send_response(204)
        self.end_headers()
    def log_message(self, *args):
        pass
server = http.server.HTTPServer(("127.0.0.1", 0), Hook)
print(server.server_address[1], flush=True)
server.serve_forever()
' > @WORK@/hook.port &
HOOK_PID=$!
for _ in $(seq 100); do [ -s @WORK@/hook.port ] && break; sleep 0.05; done
HOOK_PORT=$(cat @WORK@/hook.port)
"""

BLOCKS = {
    "cargo clippy --all-targets": BlockRule(
        why="Development: cargo builds and runs the suite, and the benches take "
        "minutes (hyperfine, wrk, libFuzzer); this runner is part of that suite",
        skip=True,
    ),
    "TOKENCTL_TOKEN=$PAT tokenctl exchange": BlockRule(
        why="a pipeline has a login or a token to trade: the server block ended with "
        "`logout`, so log in again (password from the file `serve` read)",
        prelude=LOGIN_AGAIN,
    ),
    "tokenctl webhook add": BlockRule(
        why="webhooks are the server's: log in again (an earlier block may have "
        "logged out); README's receiver is played by one on loopback that answers 204",
        prelude=LOGIN_AGAIN + "\n" + HOOK_RECEIVER,
    ),
    "tokenctl oauth add mail --template google": BlockRule(
        why="README's client secret and Azure application ID, as the provider knows them",
        prelude="SECRET=@CLIENTSECRET@ APP_ID=@APPID@",
    ),
    "pbpaste | tokenctl scan": BlockRule(
        why="the files README scans: a support ticket and a leak.log holding live "
        "tokens, and an app tree whose only token is in a .gitignore'd file",
        prelude=r"""
printf 'Ticket 4711: the deploy fails with\n  Authorization: Bearer %s\n' "$PAT" > support-ticket.log
LEAKED=$(tokenctl create leaked-in-scan --expires 1d)
printf '2026-01-31 10:00:00 GET /v1/me token=%s\n' "$LEAKED" > leak.log
mkdir -p ~/src/app && git -C ~/src/app init -q
printf 'secrets.env\n' > ~/src/app/.gitignore
printf 'TOKENCTL_TOKEN=%s\n' "$PAT" > ~/src/app/secrets.env
printf 'print("hello")\n' > ~/src/app/main.py
""",
    ),
    "exec tokenctl scan --staged": BlockRule(
        why="a git identity for the commits the hook guards",
        prelude="GIT_AUTHOR_NAME=readme GIT_AUTHOR_EMAIL=readme@example.com\n"
        "GIT_COMMITTER_NAME=readme GIT_COMMITTER_EMAIL=readme@example.com",
    ),
}

COMMANDS = {
    # Quick start
    "cargo run --release -- create demo": Rule(
        why="the binary under test stands in for `cargo run --release --` (the "
        "runner must not build)",
        sub=(("cargo run --release --", "tokenctl"),),
        check='grep -Eq "^tcpat_[A-Za-z0-9]{36}$" "$OUT"',
    ),
    "cargo test # run the test suite": Rule(
        mode=SKIP, why="runs the whole test suite, this runner included"
    ),
    # Tour
    "TOKEN=$(tokenctl create ci --role developer)": Rule(
        why="only the secret is captured",
        check='[[ "$TOKEN" =~ ^tcpat_[A-Za-z0-9]{36}$ ]]',
    ),
    "tokenctl create vendor-x --for alice --json": Rule(
        why="JSON, her role", json=True, check='jsonpy \'d["role"] == "developer"\' < "$OUT"'
    ),
    "tokenctl list --expiring-within 7d --json": Rule(
        why="JSON: the quick start's demo token", json=True,
        check="jsonpy '[t[\"name\"] for t in d] == [\"demo\"]' < \"$OUT\"",
    ),
    "tokenctl show deploy --field expires_at": Rule(
        why="one value, bare", check='grep -Eqx "[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:]{8}Z" "$OUT"'
    ),
    "tokenctl list --jq": Rule(why="strings bare", check='[ "$(cat "$OUT")" = uploader ]'),
    "tokenctl list -q": Rule(why="IDs only", check='grep -Eqx "[0-9]+" "$OUT" && ! grep -Evq "^[0-9]+$" "$OUT"'),
    "--expiring-within 14d --fail-if-any": Rule(
        why="the quick start's demo token expires in 7 days: a token matches, exit 1",
        expect=1,
    ),
    # Token policy
    "tokenctl create build --type service --role developer --expires 1y": Rule(
        why="the policy just set refuses it, naming the rule: exit 2",
        expect=2,
        check="grep -q 'service tokens of role developer may live at most 90d' \"$ERR\"",
    ),
    "tokenctl policy check": Rule(
        why="no token of the README's breaks the limit just set: exit 0",
        check="grep -q 'Every token is within the token policy' \"$ERR\"",
    ),
    "tokenctl notices --json > notices.json || mail": Rule(
        why="the demo token expires in 7 days: `notices` exits 1 (its `error:` line "
        "expected) and `mail` (a stand-in) is sent the JSON naming it",
        errors_ok=True,
        check="grep -q 'tokens need attention' @WORK@/mail.txt "
        "&& jsonpy 'd[\"needs_action\"] and d[\"tokens\"][0][\"event\"] == \"token.expiring\"' < notices.json",
    ),
    "regenerate deploy # new secret": Rule(
        why="asks first on a terminal (without one it needs --yes); answered yes",
        mode=TERMINAL,
        dialog=(Prompt(r"Regenerate token .*\?", send="y"),),
    ),
    "tokenctl revoke deploy": Rule(
        why="asks first on a terminal; answered yes",
        mode=TERMINAL,
        dialog=(Prompt(r"Revoke .*\?", send="y"),),
    ),
    "tokenctl revoke 12 14 old-ci --yes": Rule(
        why="IDs 12 and 14 are examples: two tokens made for it stand in, and old-ci "
        "is made",
        setup="tokenctl create old-ci >/dev/null\n"
        "REVOKE_A=$(tokenctl create revoke-me-a --json | jsonpy_id)\n"
        "REVOKE_B=$(tokenctl create revoke-me-b --json | jsonpy_id)",
        sub=(("revoke 12 14 old-ci", "revoke $REVOKE_A $REVOKE_B old-ci"),),
    ),
    "tokenctl revoke --stdin --yes < leak.log": Rule(
        why="leak.log: a log line holding a live token",
        setup='LEAKED=$(tokenctl create leaked-ci)\n'
        'printf \'10:00:00 GET /v1/me Authorization: Bearer %s\\n\' "$LEAKED" > leak.log',
        check='tokenctl show leaked-ci --json | jsonpy \'d["status"] == "revoked"\'',
    ),
    "tokenctl scan leak.log ./config": Rule(
        why="./config holds a live token (leak.log's was revoked above): exit 1",
        setup='mkdir -p config\n'
        'printf \'TOKENCTL_TOKEN=%s\\n\' "$(tokenctl create app-config)" > config/app.env',
        expect=1,
        check='grep -q revoked "$OUT" && grep -q active "$OUT"',
    ),
    "tokenctl scan --revoke --yes leak.log": Rule(
        why="a second live token is added to leak.log first; once revoked it no longer "
        "counts: exit 0",
        setup='printf \'later: %s\\n\' "$(tokenctl create leaked-again)" >> leak.log',
        check='tokenctl show leaked-again --json | jsonpy \'d["status"] == "revoked"\'',
    ),
    "tokenctl audit --token deploy --json": Rule(why="JSON", json=True),
    "tokenctl password change": Rule(
        why="hidden prompts; the OS user of a local store has no password yet, so the "
        "current one is not checked",
        mode=TERMINAL,
        dialog=(
            Prompt("Current password", send="{local_password}\r"),
            Prompt("New password", send="{new_local_password}\r"),
            Prompt("Again, to confirm", send="{new_local_password}\r"),
        ),
    ),
    "keys rotate # a new signer": Rule(
        why="asks first on a terminal (without one it needs --yes); answered yes",
        mode=TERMINAL,
        dialog=(Prompt(r"Rotate .*\?", send="y"),),
    ),
    "tokenctl completions bash >": Rule(
        why="a bash script", check="bash -n ~/.local/share/bash-completion/completions/tokenctl"
    ),
    "tokenctl keys jwks > jwks.json": Rule(
        why="the public keys", check="jsonpy 'len(d[\"keys\"]) >= 2' < jwks.json"
    ),
    # Token server and remote mode
    "tokenctl serve --listen 0.0.0.0:8787": Rule(
        why="runs in the background on a free loopback port, over a PostgreSQL "
        "schema of its own, with a TLS certificate for 127.0.0.1 (CA in "
        "TOKENCTL_CA_CERT) and the admin password in a file",
        mode=BACKGROUND,
        sub=(
            ("0.0.0.0:8787", "@LISTEN@"),
            ("postgres://tokens@db/tokens", "@DATABASE@"),
            ("/etc/tokenctl/", "@WORK@/etc/tokenctl/"),
            ("/run/secrets/", "@WORK@/run/secrets/"),
            # README's webhook receiver is played by a loopback port.
            ("--init-admin alice", "--allow-private-webhooks --init-admin alice"),
        ),
        healthz="@SERVER@/healthz",
    ),
    "tokenctl login --server https://tokens.example.com --username alice": Rule(
        why="asks for the password on a terminal; the session goes to the Secret "
        "Service (gnome-keyring)",
        mode=TERMINAL,
        dialog=(Prompt("Password for alice", send="{admin_password}\r"),),
        check="tokenctl status | grep -q 'OS keyring'",
    ),
    "tokenctl create deploy --expires 7d": Rule(
        why="its secret is the $PAT of the CI examples",
        capture="PAT",
        check='grep -Eq "^tcpat_[A-Za-z0-9]{36}$" "$OUT"',
    ),
    "tokenctl 2fa enable": Rule(
        why="a code from the secret it prints confirms it (TOTP computed here)",
        mode=TERMINAL,
        dialog=(
            Prompt(r"\(secret ([A-Z2-7]+)\)", save="totp_secret"),
            Prompt("Code from the new secret", send="{totp}\r"),
        ),
        keep=((r"\b([a-z2-7]{4}-[a-z2-7]{4}-[a-z2-7]{4}-[a-z2-7]{4})\b", "recovery_codes"),),
    ),
    "tokenctl 2fa disable": Rule(
        why="asks for a code: one of the recovery codes `2fa enable` printed (the "
        "TOTP code of this 30 s step is used up)",
        mode=TERMINAL,
        dialog=(Prompt("Code from your authenticator", send="{recovery}\r"),),
    ),
    'curl -H "Authorization: Bearer $(tokenctl auth token)"': Rule(
        why="the session, handed to another tool: /v1/me answers for alice",
        check="jsonpy 'd[\"user\"][\"name\"] == \"alice\"' < \"$OUT\"",
    ),
    "TOKENCTL_TOKEN=$PAT tokenctl list --json": Rule(why="JSON", json=True),
    "TOKENCTL_TOKEN=$PAT tokenctl regenerate --self": Rule(
        why="the token renews itself: its new secret is the $PAT from here on",
        capture="PAT",
        check='grep -Eq "^tcpat_[A-Za-z0-9]{36}$" "$OUT"',
    ),
    # Exchange
    'eval "$(tokenctl exchange --output env)"': Rule(
        why="eval hides tokenctl's exit code: the variable must be set",
        check='[ -n "$TOKENCTL_ACCESS_TOKEN" ]',
    ),
    "tokenctl exchange --token-stdin --output github": Rule(
        why="GITHUB_ENV and GITHUB_OUTPUT unset: stdout", check='grep -q "^::add-mask::" "$OUT"'
    ),
    "tokenctl exchange --output json": Rule(why="JSON", json=True),
    # Webhooks
    "tokenctl webhook add https://hooks.example.com/tokenctl": Rule(
        why="the receiver is the loopback one of the block's prelude; the secret "
        "alone goes to whsec.txt",
        sub=(("https://hooks.example.com/tokenctl", "http://127.0.0.1:$HOOK_PORT/tokenctl"),),
        check='grep -Eq "^whsec_[A-Za-z0-9+/]+=*$" whsec.txt && [ "$(wc -l < whsec.txt)" = 1 ]',
    ),
    "tokenctl webhook remove 1": Rule(
        why="the last of the block: the loopback receiver goes too", after="kill $HOOK_PID"
    ),
    # Signing keys
    "curl -s https://tokens.example.com/.well-known/jwks.json": Rule(
        why="the JWK Set", json=True, check="jsonpy 'len(d[\"keys\"]) >= 1' < \"$OUT\""
    ),
    # OAuth2 provider tokens
    "tokenctl oauth add mail --template google": Rule(
        why="Google is out of reach: the entry is then pointed at the loopback "
        "provider (`oauth edit --issuer`: endpoints may change, the template not)",
        after="tokenctl oauth edit mail --issuer @OIDC@",
    ),
    "tokenctl oauth add o365 --template microsoft-organizations": Rule(
        why="Microsoft is out of reach: the entry is then pointed at the loopback provider",
        after="tokenctl oauth edit o365 --issuer @OIDC@",
    ),
    "tokenctl oauth request mail": Rule(
        why="a scripted browser opens the URL printed on stderr and signs in",
        setup="browse '^  (http://\\S+)' \"$ERR\" &",
        check='tokenctl oauth show mail --json | jsonpy \'d["token"]["grant"] == "authorization-code"\'',
    ),
    "tokenctl oauth request o365 --device": Rule(
        why="a scripted browser opens the printed URL and approves the code",
        setup="browse 'or open: (http://\\S+)' \"$ERR\" &",
        check='tokenctl oauth show o365 --json | jsonpy \'d["token"]["grant"] == "device"\'',
    ),
    "tokenctl oauth show mail --json": Rule(why="JSON", json=True),
    'curl -H "Authorization: Bearer $(tokenctl oauth token mail)"': Rule(
        why="`…` is the API the token is for: the provider's userinfo endpoint stands in "
        "(it knows the token; the Gmail scope alone does not let it answer)",
        sub=(("…", "@OIDC@/me"),),
        check="grep -q insufficient_scope \"$OUT\" && ! grep -q invalid_token \"$OUT\"",
    ),
    "tokenctl oauth status || mail -s": Rule(
        why="sso has no token yet, so `oauth status` exits 1 (its `error:` line expected) and "
        "`mail` (a stand-in) is sent the notice",
        errors_ok=True,
        check="grep -q 'renew OAuth tokens' @WORK@/mail.txt",
    ),
    "tokenctl oauth export > oauth.yaml": Rule(
        why="no secrets", check="grep -q '^version: 1' oauth.yaml && ! grep -q secret oauth.yaml"
    ),
    # Leak scanning
    "tokenctl scan support-ticket.log": Rule(
        why="the ticket holds a live token: exit 1", expect=1
    ),
    "pbpaste | tokenctl scan": Rule(
        why="the pasted text holds a live token: exit 1", expect=1
    ),
    "tokenctl scan ~/src/app": Rule(
        why="the only token is in a .gitignore'd file: exit 0",
        check="! grep -q secrets.env \"$OUT\"",
    ),
    "tokenctl scan --json . > finds.json": Rule(
        why="the directory holds live tokens (support-ticket.log): exit 1",
        expect=1,
        check="jsonpy 'len(d) >= 1' < finds.json",
    ),
    "tokenctl scan --revoke leak.log": Rule(
        why="asks first on a terminal; answered yes. Revoked, the token no longer "
        "counts: exit 0",
        mode=TERMINAL,
        dialog=(Prompt(r"Revoke .*\?", send="y"),),
        check='tokenctl show leaked-in-scan --json | jsonpy \'d["status"] == "revoked"\'',
    ),
    # The pre-commit hook: the block is installed as a hook, and a commit
    # staging a live token must be refused; then one without it goes through.
    "exec tokenctl scan --staged": Rule(
        why="the block is saved as .git/hooks/pre-commit of a scratch repository; a "
        "commit staging a live token is refused (the hook exits 1)",
        setup=r"""
git init -q @WORK@/hook-repo
install -m 0755 @BLOCK@ @WORK@/hook-repo/.git/hooks/pre-commit
printf 'TOKENCTL_TOKEN=%s\n' "$PAT" > @WORK@/hook-repo/ci.env
git -C @WORK@/hook-repo add ci.env
""",
        sub=(("exec tokenctl scan --staged", "git -C @WORK@/hook-repo commit -q -m 'add CI settings'"),),
        expect=1,
        check=r"""
git -C @WORK@/hook-repo rm -q --cached ci.env
printf 'settings\n' > @WORK@/hook-repo/README
git -C @WORK@/hook-repo add README
git -C @WORK@/hook-repo commit -q -m 'add a README'
""",
    ),
}

# Seconds one command may take (--timeout); a terminal dialog, a browser or
# a server start gives up a little sooner, so that it can say why.
COMMAND_TIMEOUT = 60


def set_timeout(seconds: int):
    global COMMAND_TIMEOUT
    COMMAND_TIMEOUT = seconds


def helper_timeout() -> int:
    return max(COMMAND_TIMEOUT - 10, (COMMAND_TIMEOUT * 3) // 4)

# --------------------------------------------------------------------------
# README.md's shell blocks
# --------------------------------------------------------------------------


@dataclasses.dataclass
class Command:
    block: int
    line: int  # README line of its first line
    written: str  # as README writes it, comment and continuations included
    code: str  # what runs: one line, comment stripped
    rule: Rule | None = None
    key: str = ""
    run_as: str = ""  # after substitution


@dataclasses.dataclass
class Block:
    index: int
    line: int  # README line of the opening fence
    text: str
    commands: list[Command]
    rule: BlockRule | None = None


def strip_comment(line: str) -> str:
    """`line` without a trailing shell comment: a `#` at the start or after
    whitespace, outside quotes."""
    quote = None
    i = 0
    while i < len(line):
        c = line[i]
        if quote == "'":
            if c == "'":
                quote = None
        elif c == "\\":
            i += 1
        elif quote == '"':
            if c == '"':
                quote = None
        elif c in "'\"":
            quote = c
        elif c == "#" and (i == 0 or line[i - 1].isspace()):
            return line[:i].rstrip()
        i += 1
    return line.rstrip()


def parse_readme(text: str) -> list[Block]:
    lines = text.split("\n")
    blocks: list[Block] = []
    i = 0
    while i < len(lines):
        if lines[i].strip() not in ("```sh", "```bash", "```shell"):
            i += 1
            continue
        start = i
        body = []
        i += 1
        while i < len(lines) and lines[i].strip() != "```":
            body.append((i + 1, lines[i]))
            i += 1
        block = Block(len(blocks), start + 1, "\n".join(l for _, l in body) + "\n", [])
        j = 0
        while j < len(body):
            number, raw = body[j]
            written = [raw]
            code = strip_comment(raw)
            while code.endswith("\\") and j + 1 < len(body):
                j += 1
                written.append(body[j][1])
                code = code[:-1].rstrip() + " " + strip_comment(body[j][1]).strip()
            j += 1
            if code.strip():
                block.commands.append(Command(block.index, number, "\n".join(written), code.strip()))
        blocks.append(block)
        i += 1
    return blocks


def normalized(text: str) -> str:
    return " ".join(text.split())


def bind_table(blocks: list[Block]) -> list[str]:
    """Attaches each table entry to its command; the problems, if any."""
    problems = []
    commands = [c for b in blocks for c in b.commands]
    for key, rule in COMMANDS.items():
        hits = [c for c in commands if normalized(key) in normalized(c.written)]
        if len(hits) != 1:
            where = ", ".join(f"line {c.line}" for c in hits) or "no command"
            problems.append(f"table key {key!r} matches {where}: it must match exactly one")
            continue
        hits[0].rule, hits[0].key = rule, key
    for key, rule in BLOCKS.items():
        hits = [b for b in blocks if any(normalized(key) in normalized(c.written) for c in b.commands)]
        if len(hits) != 1:
            where = ", ".join(f"the block at line {b.line}" for b in hits) or "no block"
            problems.append(f"block key {key!r} matches {where}: it must match exactly one")
            continue
        hits[0].rule = rule
    for old, _ in GLOBAL_SUBSTITUTIONS:
        if not any(old in c.code for c in commands):
            problems.append(f"global substitution {old!r} occurs in no command")
    for command in commands:
        for old, _ in command.rule.sub if command.rule else ():
            if old not in command.code:
                problems.append(
                    f"line {command.line}: replacement {old!r} (table key {command.key!r}) "
                    "is not in the command"
                )
    return problems


# --------------------------------------------------------------------------
# Helpers the generated scripts call (this file, run with a --helper flag)
# --------------------------------------------------------------------------

ANSI = re.compile(r"\x1b(\[[0-9;?]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)|[@-Z\\-_])")


def totp(secret_b32: str, at: float | None = None) -> str:
    """RFC 6238: HMAC-SHA-1, 30 s steps, 6 digits."""
    key = base64.b32decode(secret_b32.upper() + "=" * (-len(secret_b32) % 8))
    counter = int((time.time() if at is None else at) // 30)
    digest = hmac.new(key, struct.pack(">Q", counter), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    value = struct.unpack(">I", digest[offset : offset + 4])[0] & 0x7FFFFFFF
    return f"{value % 1_000_000:06d}"


class Answers(dict):
    """The values a dialog's answers may name; {totp} and {recovery} are
    worked out when used."""

    def __init__(self, state: dict):
        super().__init__(state)
        self.state = state

    def __missing__(self, name):
        if name == "totp":
            return totp(self.state["totp_secret"])
        if name == "recovery":
            return self.state["recovery_codes"].pop(0)
        raise KeyError(name)


def pty_helper(spec_path: str) -> int:
    """Runs a command on a pseudo-terminal and answers its prompts. Prints
    what the terminal showed; exits with the command's exit code (124: timed
    out, 125: a prompt never came)."""
    spec = json.loads(Path(spec_path).read_text())
    state_path = Path(spec["state"])
    state = json.loads(state_path.read_text())
    env = dict(os.environ, TERM="xterm-256color", COLUMNS="200", LINES="50")
    pid, fd = pty.fork()
    if pid == 0:
        try:
            os.execvpe("bash", ["bash", spec["script"]], env)
        finally:
            os._exit(127)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 50, 200, 0, 0))
    # Stopped from outside (the runner timed out, or was interrupted): the
    # command goes too; it is in a session of its own.
    signal.signal(signal.SIGTERM, lambda *_: (os.kill(pid, signal.SIGKILL), sys.exit(143)))
    dialog = [dict(p) for p in spec["dialog"]]
    seen = ""  # what the terminal showed, escapes removed
    consumed = 0  # up to where prompts have been answered
    status = None
    deadline = time.monotonic() + spec["timeout"]
    problem = None
    while problem is None:
        if time.monotonic() > deadline:
            problem = f"timed out after {spec['timeout']} s"
            os.kill(pid, signal.SIGKILL)
            break
        ready, _, _ = select.select([fd], [], [], 0.2)
        if ready:
            try:
                chunk = os.read(fd, 65536)
            except OSError:  # EIO: the command has gone, and its terminal with it
                chunk = b""
            if not chunk:
                break
            seen += ANSI.sub("", chunk.decode("utf-8", "replace")).replace("\r", "")
        for prompt in dialog:
            if prompt.get("done"):
                continue
            match = re.search(prompt["expect"], seen[consumed:])
            if not match:
                continue
            prompt["done"] = True
            consumed += match.end()
            if prompt.get("save"):
                state[prompt["save"]] = match.group(1)
            if prompt.get("send") is not None:
                try:
                    answer = prompt["send"].format_map(Answers(state))
                except (KeyError, IndexError) as error:
                    problem = f"nothing saved to answer {prompt['expect']!r} with ({error!r})"
                    os.kill(pid, signal.SIGKILL)
                    break
                time.sleep(0.2)  # let the prompt take the terminal first
                os.write(fd, answer.encode())
        if status is None:
            done, code = os.waitpid(pid, os.WNOHANG)
            if done:
                status = code
        if status is not None and not ready:
            break
    if status is None:
        _, status = os.waitpid(pid, 0)
    os.close(fd)
    for regex, name in spec["keep"]:
        state[name] = re.findall(regex, seen)
    state_path.write_text(json.dumps(state))
    sys.stdout.write(seen)
    missing = [p["expect"] for p in dialog if not p.get("done")]
    if problem:
        print(f"readme runner: {problem}", file=sys.stderr)
        return 124
    if missing:
        print(f"readme runner: the terminal never showed {missing}", file=sys.stderr)
        return 125
    return os.waitstatus_to_exitcode(status)


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def form_of(page: str):
    """The first POST form of a page: its action and hidden fields."""
    start = page.find("<form")
    if start < 0 or page.find("</form>", start) < 0:
        return None
    form = page[start : page.find("</form>", start)]
    head = form[: form.find(">")]
    if 'method="post"' not in head:
        return None

    def attribute(tag, name):
        match = re.search(rf'{name}="([^"]*)"', tag)
        return html.unescape(match.group(1)) if match else None

    fields = []
    for chunk in form.split("<input")[1:]:
        tag = chunk[: chunk.find(">")]
        if 'type="hidden"' in tag and attribute(tag, "name") is not None:
            fields.append((attribute(tag, "name"), attribute(tag, "value") or ""))
    action = attribute(head, "action")
    return (action, fields) if action else None


def browse(url: str) -> str:
    """A scripted user agent, as tests/cli/oauth/harness.rs's Browser: follows
    redirects, keeps cookies, submits the pages' forms; the last page."""
    opener = urllib.request.build_opener(NoRedirect)
    cookies: dict[str, str] = {}
    form = None
    for _ in range(30):
        data = urllib.parse.urlencode(form).encode() if form is not None else None
        request = urllib.request.Request(url, data=data)
        if cookies:
            request.add_header("Cookie", "; ".join(f"{k}={v}" for k, v in cookies.items()))
        try:
            response = opener.open(request, timeout=20)
        except urllib.error.HTTPError as error:
            response = error
        for header in response.headers.get_all("Set-Cookie") or []:
            name, _, value = header.split(";")[0].partition("=")
            cookies[name.strip()] = value
        location = response.headers.get("Location")
        body = response.read().decode("utf-8", "replace")
        if location:
            url, form = urllib.parse.urljoin(url, location), None
            continue
        found = form_of(body)
        if not found:
            return body
        url, form = urllib.parse.urljoin(url, found[0]), found[1]
    raise RuntimeError("the sign-in did not finish in 30 steps")


def browse_helper(pattern: str, path: str, timeout: float) -> int:
    """Waits for `pattern` (group 1: a URL) in the file `path`, then signs in
    there like a person with a browser would."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        text = Path(path).read_text(errors="replace") if Path(path).exists() else ""
        match = re.search(pattern, text, re.MULTILINE)
        if match:
            page = browse(match.group(1))
            print(f"readme runner: the browser signed in at {match.group(1)}", file=sys.stderr)
            print(re.sub(r"<[^>]+>", " ", page)[:500], file=sys.stderr)
            return 0
        time.sleep(0.2)
    print(f"readme runner: no URL matching {pattern!r} in {path}", file=sys.stderr)
    return 1


def wait_helper(url: str, pid: int, cafile: str, timeout: float) -> int:
    """Waits until `url` answers 200; fails when process `pid` ends first."""
    context = ssl.create_default_context(cafile=cafile)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            stat = Path(f"/proc/{pid}/stat").read_text()
            if stat.rsplit(")", 1)[1].split()[0] == "Z":
                raise FileNotFoundError
        except FileNotFoundError:
            print(f"readme runner: the process ended before {url} answered", file=sys.stderr)
            return 1
        try:
            with urllib.request.urlopen(url, timeout=2, context=context) as answer:
                if answer.status == 200:
                    return 0
        except (urllib.error.URLError, OSError):
            pass
        time.sleep(0.2)
    print(f"readme runner: {url} did not answer within {timeout} s", file=sys.stderr)
    return 1


# --------------------------------------------------------------------------
# The world README assumes
# --------------------------------------------------------------------------


class World:
    """Scratch directories, certificates, a PostgreSQL schema, a Secret
    Service and an OpenID provider; everything started is stopped in
    `close`."""

    def __init__(self, args):
        self.work = Path(args.workdir).resolve()
        self.tokenctl = Path(args.tokenctl).resolve()
        self.postgres = args.postgres
        self.processes: list[subprocess.Popen] = []
        self.schema = None
        self.values: dict[str, str] = {}
        self.env: dict[str, str] = {}

    def path(self, *parts) -> Path:
        return self.work.joinpath(*parts)

    def run(self, argv, **kwargs):
        result = subprocess.run(argv, capture_output=True, text=True, **kwargs)
        if result.returncode != 0:
            raise SetupError(f"{shlex.join(argv)} failed ({result.returncode}): {result.stderr.strip()}")
        return result.stdout

    def prepare(self):
        if self.work.exists() and any(self.work.iterdir()):
            if not self.path(".readme-run").exists():
                raise SetupError(f"{self.work} is not empty and no earlier run made it: choose another --workdir")
            shutil.rmtree(self.work)
        for name in ("home", "data", "config", "cache", "runtime", "cwd", "bin", "etc/tokenctl",
                     "run/secrets", "tls", "state", "script", "blocks"):
            self.path(name).mkdir(parents=True, exist_ok=True, mode=0o700)
        self.path("runtime").chmod(0o700)
        self.path(".readme-run").write_text("made by tests/readme/run.py\n")
        (self.path("bin") / "tokenctl").symlink_to(self.tokenctl)
        admin_password = "readme-" + secrets.token_urlsafe(12)
        self.path("run/secrets/tokenctl-admin").write_text(admin_password + "\n")
        state = {
            "admin_password": admin_password,
            "local_password": "not-set-yet",
            "new_local_password": "readme-" + secrets.token_urlsafe(12),
        }
        self.path("state/state.json").write_text(json.dumps(state))
        self.path("state/vars.sh").write_text("")
        # curl's progress meter would only clutter the report.
        self.path("home/.curlrc").write_text("silent\nshow-error\n")
        self.certificates()
        self.database()
        self.values.update(WORK=str(self.work), CLIENTSECRET=OAUTH_CLIENT_SECRET, APPID=OAUTH_APP_ID)
        self.environment()
        self.secret_service()
        self.oidc_provider()
        port = free_port()
        self.values.update(LISTEN=f"127.0.0.1:{port}", SERVER=f"https://127.0.0.1:{port}")

    def certificates(self):
        tls = self.path("tls")
        (tls / "leaf.ext").write_text("subjectAltName=IP:127.0.0.1\nbasicConstraints=CA:FALSE\n")
        ec = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"]
        self.run(["openssl", "req", "-x509", "-days", "2", "-subj", "/CN=tokenctl README CA", *ec,
                  "-keyout", str(tls / "ca.key"), "-out", str(tls / "ca.pem")])
        self.run(["openssl", "req", "-subj", "/CN=127.0.0.1", *ec,
                  "-keyout", str(self.path("etc/tokenctl/key.pem")), "-out", str(tls / "leaf.csr")])
        self.run(["openssl", "x509", "-req", "-days", "2", "-in", str(tls / "leaf.csr"),
                  "-CA", str(tls / "ca.pem"), "-CAkey", str(tls / "ca.key"), "-CAcreateserial",
                  "-extfile", str(tls / "leaf.ext"), "-out", str(self.path("etc/tokenctl/cert.pem"))])

    def database(self):
        schema = f"tokenctl_readme_{secrets.token_hex(6)}"
        self.run(["psql", self.postgres, "-v", "ON_ERROR_STOP=1", "-qc", f"CREATE SCHEMA {schema}"])
        self.schema = schema
        joiner = "&" if "?" in self.postgres else "?"
        self.values["DATABASE"] = f"{self.postgres}{joiner}options=-c%20search_path%3D{schema}"

    def environment(self):
        w = self.work
        self.env = {
            "PATH": f"{w}/bin:{os.environ.get('PATH', '/usr/bin:/bin')}",
            "HOME": f"{w}/home",
            "XDG_DATA_HOME": f"{w}/data",
            "XDG_CONFIG_HOME": f"{w}/config",
            "XDG_CACHE_HOME": f"{w}/cache",
            "XDG_STATE_HOME": f"{w}/state/xdg",
            "XDG_RUNTIME_DIR": f"{w}/runtime",
            "USER": os.environ.get("USER", ""),
            "LOGNAME": os.environ.get("LOGNAME", os.environ.get("USER", "")),
            "LANG": "C.UTF-8",
            "TZ": "UTC",
            "NO_COLOR": "1",
            "COLUMNS": "200",
            # README: a private CA is added with TOKENCTL_CA_CERT.
            "TOKENCTL_CA_CERT": f"{w}/tls/ca.pem",
            "CURL_CA_BUNDLE": f"{w}/tls/ca.pem",
        }

    def start(self, argv, env, ready: str | None, name: str, stdin=None):
        """Starts a daemon; with `ready`, waits for the stdout line holding
        it and returns that line."""
        log = open(self.path("state", f"{name}.log"), "w")
        process = subprocess.Popen(argv, env=env, stdin=subprocess.PIPE if stdin else subprocess.DEVNULL,
                                   stdout=subprocess.PIPE, stderr=log, text=True, start_new_session=True)
        self.processes.append(process)
        if stdin:
            process.stdin.write(stdin)
            process.stdin.close()
        found = []

        def read():
            for line in process.stdout:
                if ready and not found and ready in line:
                    found.append(line.strip())
            # Keep reading: oidc-provider dies of EPIPE when nobody does.

        threading.Thread(target=read, daemon=True).start()
        deadline = time.monotonic() + 20
        while ready and not found:
            if process.poll() is not None or time.monotonic() > deadline:
                raise SetupError(f"{name} did not start: see {log.name}")
            time.sleep(0.05)
        return found[0] if found else ""

    def secret_service(self):
        """A private D-Bus session with an unlocked gnome-keyring, as
        tests/cli/keyring.rs has (dbus-run-session + gnome-keyring-daemon)."""
        line = self.start(["dbus-daemon", "--session", "--nofork", "--print-address=1"], dict(self.env),
                          "unix:", "dbus-daemon")
        self.env["DBUS_SESSION_BUS_ADDRESS"] = line
        self.start(["gnome-keyring-daemon", "--foreground", "--unlock", "--components=secrets"],
                             dict(self.env), None, "gnome-keyring", stdin="readme-keyring")
        deadline = time.monotonic() + 20
        while True:
            probe = subprocess.run(["secret-tool", "store", "--label=readme probe", "service", "readme-probe"],
                                   input="probe", env=self.env, capture_output=True, text=True, timeout=20)
            if probe.returncode == 0:
                break
            if time.monotonic() > deadline or self.processes[-1].poll() is not None:
                raise SetupError(f"gnome-keyring did not answer on D-Bus: {probe.stderr.strip()}")
            time.sleep(0.2)
        subprocess.run(["secret-tool", "clear", "service", "readme-probe"], env=self.env, capture_output=True)

    def oidc_provider(self):
        env = dict(self.env, README_CLIENT_SECRET=OAUTH_CLIENT_SECRET, README_APP_ID=OAUTH_APP_ID)
        line = self.start(["node", str(Path(__file__).with_name("oidc_provider.mjs"))], env,
                          "listening on ", "oidc-provider")
        self.values["OIDC"] = line.split("listening on ", 1)[1]

    def stop_background(self):
        """Stops what the README commands left running (`serve`)."""
        pids = self.path("state", "background.pids")
        for pid in pids.read_text().split() if pids.exists() else []:
            stop_group(int(pid))

    def close(self):
        self.stop_background()
        for process in reversed(self.processes):
            stop_group(process.pid, process)
        if self.schema:
            subprocess.run(["psql", self.postgres, "-qc", f"DROP SCHEMA IF EXISTS {self.schema} CASCADE"],
                           capture_output=True)


class SetupError(Exception):
    pass


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def group_alive(pgid: int) -> bool:
    """Whether process group `pgid` has a member that is not a zombie."""
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[2]) == pgid and fields[0] != "Z":
            return True
    return False


def stop_group(pgid: int, child: subprocess.Popen | None = None):
    """SIGTERM to process group `pgid`, SIGKILL to what is left after 3 s."""
    for sig in (signal.SIGTERM, signal.SIGKILL):
        try:
            os.killpg(pgid, sig)
        except (ProcessLookupError, PermissionError):
            break
        for _ in range(30):
            if child is not None:
                child.poll()  # reap it: a zombie would seem alive
            if not group_alive(pgid):
                break
            time.sleep(0.1)
        else:
            continue
        break
    if child is not None:
        try:
            child.wait(5)
        except subprocess.TimeoutExpired:
            pass


# --------------------------------------------------------------------------
# Running the blocks
# --------------------------------------------------------------------------


@dataclasses.dataclass
class Result:
    command: Command
    ran: bool = False
    reason: str = ""  # why it was not run
    code: int | None = None
    problems: list[str] = dataclasses.field(default_factory=list)
    seconds: float = 0.0


def fill(text: str, values: dict[str, str]) -> str:
    return re.sub(r"@([A-Z]+)@", lambda m: values[m.group(1)] if m.group(1) in values else m.group(0), text)


class Runner:
    def __init__(self, world: World):
        self.world = world
        self.runpy = str(Path(__file__).resolve())

    def script_for(self, block: Block, values: dict[str, str]) -> str:
        w = self.world
        s = w.path("script")
        out = [
            "set -a  # every variable is exported: terminal commands run in a child bash",
            f"exec 9>>{s}/marks.{block.index}",
            f"cd {w.path('cwd')}",
            f". {w.path('state/vars.sh')}",
            fill(COMMON_PRELUDE, values),
            f"browse() {{ python3 {self.runpy} --browse \"$1\" \"$2\" {helper_timeout()} "
            f"2>>\"$2.browser\"; }}",
            "export -f browse",
        ]
        if block.rule and block.rule.prelude:
            out += [f"{{ {fill(block.rule.prelude, values)}\n}} >{s}/prelude.{block.index} 2>&1 </dev/null",
                    f"echo \"prelude {block.index} $?\" >&9"]
        for command in block.commands:
            out.append(self.command_script(block, command, values))
        return "\n".join(out) + "\n"

    def command_script(self, block: Block, command: Command, values: dict[str, str]) -> str:
        w = self.world
        rule = command.rule or Rule(why="")
        n = f"{command.line}"
        base = w.path("script", n)
        values = dict(values, BLOCK=str(w.path("blocks", f"{block.line}.sh")))
        run_as = command.code
        for old, new in GLOBAL_SUBSTITUTIONS + tuple(rule.sub):
            run_as = run_as.replace(old, fill(new, values))
        command.run_as = run_as
        files = f'OUT={base}.out ERR={base}.err'
        lines = [f"# README line {command.line}", f"echo 'start {n}' >&9", files]
        if rule.setup:
            lines += [f"{{ {fill(rule.setup, values)}\n}} >{base}.setup 2>&1 </dev/null",
                      f"echo \"setup {n} $?\" >&9"]
        if rule.mode == RUN:
            lines.append(f"{{ {run_as}\n}} </dev/null >{base}.out 2>{base}.err")
        elif rule.mode == TERMINAL:
            Path(f"{base}.sh").write_text(run_as + "\n")
            spec = {
                "script": f"{base}.sh",
                "dialog": [dataclasses.asdict(p) for p in rule.dialog],
                "keep": list(rule.keep),
                "state": str(w.path("state/state.json")),
                "timeout": helper_timeout(),
            }
            Path(f"{base}.pty.json").write_text(json.dumps(spec))
            lines.append(f"python3 {self.runpy} --pty {base}.pty.json </dev/null >{base}.out 2>{base}.err")
        elif rule.mode == BACKGROUND:
            Path(f"{base}.sh").write_text(run_as + "\n")
            lines += [
                f"setsid bash {base}.sh </dev/null >{base}.out 2>{base}.err 9>&- &",
                "__pid=$!",
                f"echo $__pid >> {w.path('state/background.pids')}",
                f"python3 {self.runpy} --wait {fill(rule.healthz, values)} $__pid "
                f"{w.path('tls/ca.pem')} {helper_timeout()} 2>{base}.wait",
            ]
        lines.append(f"echo \"rc {n} $?\" >&9")
        if rule.after:
            lines += [f"{{ {fill(rule.after, values)}\n}} >{base}.after 2>&1 </dev/null",
                      f"echo \"after {n} $?\" >&9"]
        if rule.check:
            lines += [f"{{ {fill(rule.check, values)}\n}} >{base}.check 2>&1 </dev/null",
                      f"echo \"check {n} $?\" >&9"]
        if rule.capture:
            lines.append(f'{rule.capture}=$(cat {base}.out); '
                         f'printf "%s=%q\\n" {rule.capture} "${rule.capture}" >> {w.path("state/vars.sh")}')
        return "\n".join(lines)

    def run_block(self, block: Block, values: dict[str, str]) -> list[Result]:
        results = [Result(c) for c in block.commands]
        if block.rule and block.rule.skip:
            for r in results:
                r.reason = block.rule.why
            return results
        runnable = []
        for r in results:
            if r.command.rule and r.command.rule.mode == SKIP:
                r.reason = r.command.rule.why
            else:
                runnable.append(r)
        if not runnable:
            return results
        kept = Block(block.index, block.line, block.text, [r.command for r in runnable], block.rule)
        w = self.world
        w.path("blocks", f"{block.line}.sh").write_text(block.text)
        script = w.path("script", f"block.{block.index}.sh")
        script.write_text(self.script_for(kept, values))
        marks = w.path("script", f"marks.{block.index}")
        marks.write_text("")
        by_line = {str(r.command.line): r for r in runnable}
        started: dict[str, float] = {}
        process = subprocess.Popen(["bash", str(script)], env=w.env, cwd=w.path("cwd"),
                                   stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                   stderr=subprocess.STDOUT, start_new_session=True)
        output = []
        reader = threading.Thread(target=lambda: output.append(process.stdout.read()), daemon=True)
        reader.start()
        try:
            timed_out = self.watch(process, marks, by_line, started, runnable, block)
        finally:
            stop_group(process.pid, process)
        reader.join(2)
        self.finish(process, output, timed_out, runnable)
        return results

    def watch(self, process, marks, by_line, started, runnable, block):
        """Follows the block's marks until its bash ends; the command that
        ran out of time, if one did (each step -- setup, command, check --
        has COMMAND_TIMEOUT seconds)."""
        w = self.world
        seen = 0
        current = None
        last = time.monotonic()
        while True:
            finished = process.poll() is not None
            lines = marks.read_text().splitlines()
            for line in lines[seen:]:
                last = time.monotonic()
                kind, n, *rest = line.split()
                if kind == "start":
                    started[n] = time.monotonic()
                    current = n
                    continue
                if kind == "prelude":
                    if rest[0] != "0":
                        log = w.path("script", f"prelude.{block.index}").read_text()
                        runnable[0].problems.append(
                            f"the block's prelude (table: BLOCKS) exited {rest[0]}:\n{indent(tail(log))}")
                    continue
                r = by_line[n]
                code = int(rest[0])
                if kind == "rc":
                    r.ran, r.code = True, code
                    r.seconds = time.monotonic() - started[n]
                elif code != 0:
                    r.problems.append(self.step_problem(kind, n, code))
            seen = len(lines)
            if finished:
                return None
            if current and time.monotonic() - last > COMMAND_TIMEOUT:
                return by_line[current]
            time.sleep(0.05)

    def finish(self, process, output, timed_out, runnable):
        if timed_out:
            step = "a step after it (after/check)" if timed_out.ran else "it (or its setup)"
            timed_out.ran = True
            timed_out.problems.append(f"{step} did not finish within {COMMAND_TIMEOUT} s: killed")
            for r in runnable:
                if not r.ran:
                    r.reason = f"the block stopped: line {timed_out.command.line} timed out"
        elif process.returncode != 0 or any(not r.ran for r in runnable):
            stray = (output[0] if output else b"").decode("utf-8", "replace")
            for r in runnable:
                if not r.ran:
                    r.ran = True
                    r.problems.append(f"the block's bash ended (exit {process.returncode}) before it ran:\n"
                                      f"{indent(tail(stray))}")
        for r in runnable:
            if r.ran and r.code is not None:
                self.judge(r)

    def step_problem(self, kind: str, n: str, code: int) -> str:
        what = {"setup": "its setup (table: setup)", "after": "the step after it (table: after)",
                "check": "an expectation (table: check)"}[kind]
        log = self.world.path("script", f"{n}.{kind}")
        text = log.read_text(errors="replace") if log.exists() else ""
        return f"{what} exited {code}" + (f":\n{indent(tail(text))}" if text.strip() else "")

    def judge(self, r: Result):
        rule = r.command.rule or Rule(why="")
        base = self.world.path("script", str(r.command.line))
        out = read(f"{base}.out")
        err = read(f"{base}.err")
        if r.code != rule.expect:
            r.problems.append(f"exit code {r.code}, expected {rule.expect}")
        elif rule.expect == 0 and not rule.errors_ok:
            shown = err + (out if rule.mode == TERMINAL else "")
            if re.search(r"^error:", shown, re.MULTILINE):
                r.problems.append("exit code 0, but an `error:` line on stderr (a failure hidden "
                                  "by a pipe, `$( )` or `eval`?)")
        if rule.json and r.code == rule.expect:
            try:
                json.loads(out)
            except ValueError as error:
                r.problems.append(f"stdout is not one JSON document: {error}")
        if r.problems:
            wait = read(f"{base}.wait")
            r.problems.append(f"stdout (tail):\n{indent(tail(out)) or '    (empty)'}")
            r.problems.append(f"stderr (tail):\n{indent(tail(err + wait)) or '    (empty)'}")


def read(path: str) -> str:
    p = Path(path)
    return p.read_text(errors="replace") if p.exists() else ""


def tail(text: str, lines: int = 15) -> str:
    return "\n".join(text.rstrip("\n").split("\n")[-lines:]) if text.strip() else ""


def indent(text: str) -> str:
    return "\n".join("    " + line for line in text.split("\n")) if text else ""


# --------------------------------------------------------------------------


def main() -> int:
    if len(sys.argv) > 1 and sys.argv[1] == "--pty":
        return pty_helper(sys.argv[2])
    if len(sys.argv) > 1 and sys.argv[1] == "--browse":
        return browse_helper(sys.argv[2], sys.argv[3], float(sys.argv[4]))
    if len(sys.argv) > 1 and sys.argv[1] == "--wait":
        return wait_helper(sys.argv[2], int(sys.argv[3]), sys.argv[4], float(sys.argv[5]))
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--tokenctl", required=True, help="the tokenctl binary to test")
    parser.add_argument("--postgres", required=True, help="a PostgreSQL URL; a schema is made there")
    parser.add_argument("--workdir", required=True, help="a scratch directory (emptied first)")
    parser.add_argument("--readme", default=str(Path(__file__).resolve().parents[2] / "README.md"),
                        help="the README to run [default: the repository's README.md]")
    parser.add_argument("--timeout", type=int, default=COMMAND_TIMEOUT,
                        help=f"seconds one command may take [default: {COMMAND_TIMEOUT}]")
    parser.add_argument("--verbose", action="store_true", help="print every command as it is judged")
    args = parser.parse_args()
    set_timeout(args.timeout)
    if not re.fullmatch(r"[A-Za-z0-9_./+-]+", str(Path(args.workdir).resolve())):
        print("error: --workdir must be a path of letters, digits and _ . / + -", file=sys.stderr)
        return 2
    os.umask(0o077)
    begun = time.monotonic()
    blocks = parse_readme(Path(args.readme).read_text())
    problems = bind_table(blocks)
    if problems:
        print("error: the table in tests/readme/run.py no longer fits README.md:", file=sys.stderr)
        for problem in problems:
            print(f"  - {problem}", file=sys.stderr)
        return 2
    missing = [t for t in ("bash", "psql", "openssl", "node", "dbus-daemon", "gnome-keyring-daemon",
                           "secret-tool", "git", "curl", "setsid") if not shutil.which(t)]
    if not (Path(__file__).parent / "../oauth_server/node_modules/oidc-provider").is_dir():
        missing.append("tests/oauth_server/node_modules (npm ci there)")
    if not os.access(args.tokenctl, os.X_OK):
        missing.append(f"an executable --tokenctl ({args.tokenctl})")
    if missing:
        print(f"error: missing: {', '.join(missing)}", file=sys.stderr)
        return 2
    world = World(args)
    results: list[Result] = []
    # Stopped from outside: still stop everything it started (finally below).
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    try:
        world.prepare()
        runner = Runner(world)
        for block in blocks:
            block_results = runner.run_block(block, world.values)
            results += block_results
            if args.verbose:
                for r in block_results:
                    state = "skip" if not r.ran else ("FAIL" if r.problems else "ok")
                    print(f"{state:4} {r.command.line:4} {r.seconds:5.1f}s  {normalized(r.command.code)[:100]}",
                          flush=True)
    except SetupError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    finally:
        world.close()
    return report(results, world, time.monotonic() - begun)


def report(results: list[Result], world: World, seconds: float) -> int:
    failed = [r for r in results if r.ran and r.problems]
    for r in failed:
        c = r.command
        print(f"\nFAILED: README.md line {c.line}")
        print(f"  as written:\n{indent(indent(c.written))}")
        if c.run_as != c.code:
            print(f"  as run:\n{indent(indent(c.run_as))}")
        if c.rule:
            print(f"  table: {c.key!r} ({c.rule.mode}): {c.rule.why}")
        for problem in r.problems:
            print(indent(problem))
    ran = [r for r in results if r.ran]
    skipped = [r for r in results if not r.ran]
    print(f"\nREADME.md: {len(ran)} commands run, {len(ran) - len(failed)} as expected, "
          f"{len(failed)} failed; {len(skipped)} not run; {seconds:.0f} s "
          f"(scripts and output in {world.work}/script)")
    reasons: dict[str, list[Result]] = {}
    for r in skipped:
        reasons.setdefault(r.reason, []).append(r)
    for reason, group in reasons.items():
        print(f"  not run: {reason}")
        for r in group:
            print(f"    line {r.command.line}: {normalized(r.command.code)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
