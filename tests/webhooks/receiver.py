"""A webhook receiver for the tests: verifies every message with the
Standard Webhooks reference library (Python `standardwebhooks`), so our
signatures are checked by an implementation that is not ours.

Usage: receiver.py SECRET_FILE LOG_FILE [FAIL_FIRST [PORT]]

Listens on 127.0.0.1:PORT (a free port when 0 or not given), and prints the
port alone on the first line of stdout. Each POST is verified with the secret read from SECRET_FILE at that
moment; one JSON line per request goes to LOG_FILE: the webhook-id, whether
the signature verified, the body. The first FAIL_FIRST requests are answered
500 (after being logged), the rest 204 when verified, 401 when not.
"""

import json
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from standardwebhooks.webhooks import Webhook, WebhookVerificationError

secret_file, log_file = sys.argv[1], sys.argv[2]
fail_first = int(sys.argv[3]) if len(sys.argv) > 3 else 0
port = int(sys.argv[4]) if len(sys.argv) > 4 else 0
seen = {"count": 0}
lock = threading.Lock()


class Handler(BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("content-length", "0")))
        headers = {key.lower(): value for key, value in self.headers.items()}
        try:
            with open(secret_file) as f:
                secret = f.read().strip()
            Webhook(secret).verify(body, headers)
            verified = True
        except (WebhookVerificationError, OSError, ValueError) as error:
            verified = False
            sys.stderr.write(f"not verified: {error}\n")
        with lock:
            seen["count"] += 1
            number = seen["count"]
        record = {
            "id": headers.get("webhook-id"),
            "verified": verified,
            "body": json.loads(body or b"null"),
            "user_agent": headers.get("user-agent"),
        }
        with lock, open(log_file, "a") as log:
            log.write(json.dumps(record) + "\n")
        if number <= fail_first:
            status = 500
        else:
            status = 204 if verified else 401
        self.send_response(status)
        self.send_header("content-length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
print(server.server_address[1], flush=True)
server.serve_forever()
