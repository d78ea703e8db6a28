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

import os
import re

import schemathesis

# Statuses a schema-valid request may get without the document being wrong:
# it names something that does not exist (404), the caller may not (401, 403),
# the state forbids it (409), or it comes too fast (429).
ACCEPTED_STATUSES = {401, 403, 404, 409, 429}

CHECKSUM = r"its checksum does not match"

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
        r"^tokens may live at most ",
    ],
    "addUser": [r"^no role named "],
    "setUserRole": [r"^no role named "],
    # Whether a code matches the pending secret depends on that secret and on
    # the clock.
    "confirmTotp": [r"^that code does not match the new 2FA secret$"],
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

if CREDENTIAL:
    # The credential comes from the environment, not from argv.
    @schemathesis.auth(refresh_interval=None, retry_on=[])
    class Bearer:
        def get(self, case, ctx):
            return CREDENTIAL

        def set(self, case, data, ctx):
            case.headers = case.headers or {}
            case.headers["Authorization"] = f"Bearer {data}"
