"""An OpenID Connect issuer on loopback for the federation tests, as a CI
provider is one: discovery, a JWK Set, and ID tokens signed by jwcrypto (a
JOSE implementation independent of tokenctl's) with RS256, ES256 or EdDSA.

    python3 issuer.py            prints "listening on http://127.0.0.1:PORT"

GET  /.well-known/openid-configuration, GET /jwks   what a verifier fetches
POST /mint     {"alg", "claims", "kid"?, "header"?}  -> the signed token
               alg "none", or "HS256-public" (HMAC keyed with the RSA public
               key's PEM: the algorithm-confusion attack)
POST /rotate   replaces the RSA key with a new one under a new kid
POST /delay    {"seconds"}: /jwks answers that much later from now on
POST /mint-many {"alg", "claims", "count"}  -> that many tokens, one per line,
               the i-th with jti "<claims.jti>-<i>" (for benches/server.sh)
GET  /log      the verifier-facing requests served so far (paths, in order)
GET  /actions-token?audience=A   GitHub's ACTIONS_ID_TOKEN_REQUEST_URL: with
               "Authorization: Bearer request-token", {"value": <RS256 token
               with the GitHub claims posted to /github-claims>}
"""

import base64
import json
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

from jwcrypto import jwk, jws

LOCK = threading.Lock()
STATE = {"generation": 1, "log": [], "github_claims": {}, "delay": 0}
KEYS = {
    "RS256": ("rsa-1", jwk.JWK.generate(kty="RSA", size=2048)),
    "ES256": ("ec-1", jwk.JWK.generate(kty="EC", crv="P-256")),
    "EdDSA": ("ed-1", jwk.JWK.generate(kty="OKP", crv="Ed25519")),
}


def b64(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def public_set():
    keys = []
    for alg, (kid, key) in KEYS.items():
        public = json.loads(key.export_public())
        public.update({"kid": kid, "alg": alg, "use": "sig"})
        keys.append(public)
    return {"keys": keys}


def mint(request):
    alg = request["alg"]
    payload = json.dumps(request["claims"]).encode()
    header = {"typ": "JWT"}
    if alg == "none":
        header.update({"alg": "none"}, **request.get("header", {}))
        return f"{b64(json.dumps(header).encode())}.{b64(payload)}."
    if alg == "HS256-public":
        kid, rsa = KEYS["RS256"]
        secret = rsa.export_to_pem(private_key=False)
        key = jwk.JWK(kty="oct", k=b64(secret))
        header.update({"alg": "HS256", "kid": kid})
    else:
        kid, key = KEYS[alg]
        header.update({"alg": alg, "kid": request.get("kid", kid)})
    header.update(request.get("header", {}))
    token = jws.JWS(payload)
    token.add_signature(key, None, json.dumps(header))
    return token.serialize(compact=True)


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def answer(self, status, body, content_type="application/json"):
        data = body if isinstance(body, bytes) else json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):
        url = urlparse(self.path)
        base = f"http://{self.headers['Host']}"
        if url.path in ("/.well-known/openid-configuration", "/jwks"):
            with LOCK:
                STATE["log"].append(url.path)
        if url.path == "/.well-known/openid-configuration":
            self.answer(200, {
                "issuer": base,
                "jwks_uri": f"{base}/jwks",
                "id_token_signing_alg_values_supported": list(KEYS),
                "response_types_supported": ["id_token"],
                "subject_types_supported": ["public"],
            })
        elif url.path == "/jwks":
            with LOCK:
                delay, keys = STATE["delay"], public_set()
            time.sleep(delay)
            self.answer(200, keys)
        elif url.path == "/log":
            with LOCK:
                self.answer(200, STATE["log"])
        elif url.path == "/actions-token":
            if self.headers.get("Authorization") != "Bearer request-token":
                self.answer(403, {"message": "Unable to get ACTIONS_ID_TOKEN_REQUEST_URL env variable"})
                return
            audience = parse_qs(url.query).get("audience", [None])[0]
            with LOCK:
                claims = dict(STATE["github_claims"])
            if audience:
                claims["aud"] = audience
            self.answer(200, {"count": 1, "value": mint({"alg": "RS256", "claims": claims})})
        else:
            self.answer(404, {"error": "not found"})

    def do_POST(self):
        length = int(self.headers.get("Content-Length", "0"))
        body = json.loads(self.rfile.read(length) or b"{}")
        if self.path == "/mint":
            with LOCK:
                self.answer(200, mint(body).encode(), "application/jwt")
        elif self.path == "/mint-many":
            tokens = []
            for i in range(body["count"]):
                claims = dict(body["claims"], jti=f"{body['claims']['jti']}-{i}")
                tokens.append(mint({"alg": body["alg"], "claims": claims}))
            self.answer(200, "\n".join(tokens).encode(), "text/plain")
        elif self.path == "/rotate":
            with LOCK:
                STATE["generation"] += 1
                kid = f"rsa-{STATE['generation']}"
                KEYS["RS256"] = (kid, jwk.JWK.generate(kty="RSA", size=2048))
                self.answer(200, {"kid": kid})
        elif self.path == "/delay":
            with LOCK:
                STATE["delay"] = body["seconds"]
                self.answer(200, {})
        elif self.path == "/github-claims":
            with LOCK:
                STATE["github_claims"] = body
                self.answer(200, {})
        else:
            self.answer(404, {"error": "not found"})


def main():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    print(f"listening on http://127.0.0.1:{server.server_address[1]}", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    sys.exit(main())
