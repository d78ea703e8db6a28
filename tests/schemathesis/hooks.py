"""Schemathesis hooks for tests/schemathesis.rs.

One check, `schema_valid_requests_are_accepted`, takes the place of the
built-in `positive_data_acceptance`: a request the OpenAPI document allows
must not be refused as bad input (400, 405, 413, 415, 422, ...). The only
exceptions are the refusals no JSON Schema can express, because they depend
on the store's contents, the clock, a checksum or a signature. Each is listed
below by operation and by the exact message the server gives, so any other
refusal of schema-valid data still fails the run: the document must then say
the real constraint.
"""

import json
import os
import re
import urllib.error
import urllib.request

import schemathesis

# Statuses a schema-valid request may get without the document being wrong:
# it names something that does not exist (404), the caller may not (401, 403),
# the state forbids it (409), or it comes too fast (429).
ACCEPTED_STATUSES = {401, 403, 404, 409, 429}

CHECKSUM = r"its checksum does not match"
BOTH_FACTORS = r"^give a 2FA code or a recovery code, not both$"

# operationId -> messages of refusals (400) that depend on state, not on shape.
STATE_DEPENDENT_REFUSALS = {
    # A token's last six characters are a CRC32 of the rest: a pattern can
    # give the shape, not the checksum.
    "verifyToken": [CHECKSUM],
    "inspectToken": [CHECKSUM],
    "revokeTokenByValue": [CHECKSUM],
    "getAuthenticationToken": [CHECKSUM],
    # RFC 6749 §5.2: the token endpoint answers 400 for every refused grant;
    # whether a subject token is ours, unexpired and signed by a key we hold,
    # or an audience is one this server allows, is the server's state.
    "exchangeToken": [
        r"^invalid_grant:",
        r"^invalid_target:",
    ],
    # The role and the owner named in the body must exist.
    "createToken": [
        r"^no role named ",
        r"^no user named ",
        # Dates and instants are compared with the clock and the policy.
        r" is in the past$",
        r"tokens (of role .* )?may live at most ",
    ],
    # A new expiry on rotation is checked as at creation.
    "regenerateToken": [r" is in the past$", r"tokens (of role .* )?may live at most "],
    "addUser": [r"^no role named "],
    "setUserRole": [r"^no role named "],
    # Whether a code matches the pending secret depends on that secret and on
    # the clock.
    "confirmTotp": [r"^that code does not match the new 2FA secret$"],
    # Two fields equal to each other: no JSON Schema says "different".
    "changePassword": [r"^the new password is the current one"],
    # Either of two optional fields, not both: OpenAPI 3.0 has `not`, but
    # no generator honours it across fields.
    "login": [
        BOTH_FACTORS,
        r"^the new password is the one-time one",
    ],
    "beginTotp": [BOTH_FACTORS],
    "disableTotp": [
        BOTH_FACTORS,
        r"^turning 2FA off needs a 2FA code or a recovery code$",
    ],
    # An edit with nothing in it, and the address rules (one `@`, a dotted
    # domain, printable), are more than a JSON Schema string says.
    "editUser": [r"^nothing to change$", r"is not an email address"],
    # Likewise a role edit with nothing in it; a permission in both lists,
    # or none left, is about two fields and the role's stored permissions.
    "editRole": [
        r"^nothing to change$",
        r" is both added and removed$",
        r"^a role needs at least one permission$",
    ],
    # Whether a trust policy pins one repository (a rule on a pinning
    # claim, exact or with its first `*` after a `/`) is about the rules
    # together; a URL's syntax, and whether it is this server's own
    # issuer, are more than a pattern; role and scopes are either-or.
    "addTrustPolicy": [
        r"would admit every job its issuer signs for",
        r"cannot be an issuer URL",
        r"^a trust policy cannot name this server's own issuer$",
        r"^a trust policy takes a role or scopes, not both$",
        r"^a trust policy needs a role or scopes",
        r"^no role named ",
    ],
    # An ID token's contents, signature and issuer are checked against the
    # issuer's published keys and the stored policies.
    "testTrustPolicies": [
        r"^the ID token ",
        r"^the issuer publishes no key",
        r"^cannot get the issuer's keys",
        r"^no trust policy names the issuer ",
        r"^the trust policy '.*' is for another issuer",
    ],
    # Whether a URL's host is a private address, and whether this server
    # allows those, is the server's configuration (and every positive
    # case's URL is made a loopback one: see `webhooks_stay_on_loopback`).
    "addWebhook": [r"^webhook URL ", r"^webhook receiver .* is a private address"],
    # The role to move holders to must exist, and be another one.
    "removeRole": [
        r"^no role named ",
        r"^cannot move the holders of .* to the role being removed$",
    ],
}


def refusal_message(response):
    """The one-line message of any of the server's error bodies."""
    try:
        body = response.json()
    except Exception:
        return None
    if not isinstance(body, dict):
        return None
    error = body.get("error")
    if isinstance(error, dict):
        return error.get("message")
    if isinstance(error, str):
        # OAuth 2.0 errors: "<code>: <description>".
        return f"{error}: {body.get('error_description', '')}"
    return body.get("ErrorMessage")


@schemathesis.check
def schema_valid_requests_are_accepted(ctx, response, case):
    meta = case.meta
    if meta is None or not meta.generation.mode.is_positive:
        return None
    status = response.status_code
    if status < 400 or status >= 500 or status in ACCEPTED_STATUSES:
        return None
    message = refusal_message(response) or ""
    allowed = STATE_DEPENDENT_REFUSALS.get(case.operation.definition.raw.get("operationId"), [])
    if status == 400 and any(re.search(pattern, message) for pattern in allowed):
        return None
    raise AssertionError(
        f"The document allows this request, but the server refused it with {status}: {message}"
    )


CREDENTIAL = os.environ.get("TOKENCTL_SCHEMATHESIS_CREDENTIAL")
SERVER = os.environ.get("TOKENCTL_SCHEMATHESIS_SERVER", "")

# Operations that end the caller's sessions: with the run's own session they
# would end it, and every later call would be a 401. They run with a session
# of their own user instead ("name:password"), logged in again whenever the
# previous call ended it.
SESSION_ENDING = {"logout", "revokeSession", "revokeAllSessions"}
ENDER = os.environ.get("TOKENCTL_SCHEMATHESIS_ENDER")
_ender_session = None


def _call(method, path, bearer=None, body=None):
    request = urllib.request.Request(
        SERVER + path,
        method=method,
        data=None if body is None else json.dumps(body).encode(),
        headers={"content-type": "application/json"},
    )
    if bearer:
        request.add_header("Authorization", f"Bearer {bearer}")
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, json.loads(response.read() or b"null")
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read() or b"null")


def ender_session():
    """A live session of the ender's: the last one while it works, or None
    once the ender cannot log in (the run itself may have disabled the
    account or reset its password: it finds user names in listings)."""
    global _ender_session
    if _ender_session and _call("GET", "/v1/me", _ender_session)[0] == 200:
        return _ender_session
    name, password = ENDER.split(":", 1)
    status, body = _call("POST", "/v1/login", body={"username": name, "password": password})
    _ender_session = body["session"] if status == 200 else None
    return _ender_session

if CREDENTIAL:
    # The credential comes from the environment, not from argv.
    @schemathesis.auth(refresh_interval=None, retry_on=[])
    class Bearer:
        def get(self, case, ctx):
            return CREDENTIAL

        def set(self, case, data, ctx):
            operation = case.operation.definition.raw.get("operationId")
            if ENDER and operation in SESSION_ENDING:
                data = ender_session()
            case.headers = case.headers or {}
            if data:
                case.headers["Authorization"] = f"Bearer {data}"


# Webhooks the run adds are sent to: their receivers must be on loopback
# (tests send nothing elsewhere, DNS included). A schema-valid URL becomes
# one on a port nobody listens on; the server runs with
# --allow-private-webhooks. Negative cases keep their URL, to be refused.
WEBHOOK_SINK = "http://127.0.0.1:9/schemathesis"
OFFBOARDED = "offboarded"


@schemathesis.hook
def before_call(ctx, case, **kwargs):
    operation = case.operation.definition.raw.get("operationId")
    meta = case.meta
    positive = meta is not None and meta.generation.mode.is_positive
    if operation == "addWebhook" and positive and isinstance(case.body, dict):
        if isinstance(case.body.get("url"), str):
            case.body["url"] = WEBHOOK_SINK
    # Offboarding reaches real tokens, but only those of the user the test
    # made for it: revoking the run's own would leave the stateful phase
    # nothing to follow.
    # A new expiry on rotation is most often a date in the past or a
    # lifetime out of range when generated: one the policy allows lets the
    # stateful phase go on from a real rotation (refusals are still
    # checked, by the negative cases and the coverage phase).
    if operation == "regenerateToken" and positive and isinstance(case.body, dict):
        if isinstance(case.body.get("expires"), str):
            case.body["expires"] = "90d"
    # An allow-list the run can use: generated blocks are most often not
    # CIDR at all, and a token bound elsewhere would refuse every later
    # call of the stateful phase.
    if operation == "createToken" and positive and isinstance(case.body, dict):
        if isinstance(case.body.get("allowed_ips"), list) and case.body["allowed_ips"]:
            case.body["allowed_ips"] = ["127.0.0.0/8", "::1"]
    # A policy change the run can live with: a generated one would as
    # likely need 2FA to create, or allow one token per user, and refuse
    # every later create of the stateful phase. The shapes stay, with the
    # values of the defaults; a limit it names is lifted.
    if operation == "changeTokenPolicy" and positive and isinstance(case.body, dict):
        harmless = {
            "default_lifetime_seconds": 30 * 86400,
            "allow_never": True,
            "create_requires_2fa": False,
            "max_active_tokens_per_user": None,
        }
        for field, value in harmless.items():
            if field in case.body:
                case.body[field] = value
        for limit in case.body.get("max_lifetimes") or []:
            if isinstance(limit, dict):
                limit["max_seconds"] = None
    if operation == "revokeOwnedTokens" and positive and isinstance(case.body, dict):
        if isinstance(case.body.get("owner"), str):
            case.body["owner"] = OFFBOARDED
