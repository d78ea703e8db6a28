"""An SMTP server for the tests: Python's aiosmtpd, an implementation that
is not ours, on loopback.

Usage: receiver.py LOG_FILE [CERT KEY]

Listens on 127.0.0.1 at a free port and prints the port alone on the first
line of stdout; with CERT and KEY it speaks TLS from the first byte (SMTPS,
as on port 465). Each mail it accepts is parsed with Python's `email` package
and logged as one JSON line to LOG_FILE: envelope sender and recipients,
From, To, Subject, Message-ID, Content-Type, the decoded text, and the raw
bytes (as text) so a test can look for what must never be there.
"""

import asyncio
import email
import email.policy
import json
import socket
import ssl
import sys

from aiosmtpd.controller import Controller

log_file = sys.argv[1]


class Handler:
    async def handle_DATA(self, server, session, envelope):
        raw = envelope.original_content or envelope.content
        message = email.message_from_bytes(raw, policy=email.policy.default)
        record = {
            "mail_from": envelope.mail_from,
            "rcpt_tos": envelope.rcpt_tos,
            "from": str(message["from"]),
            "to": str(message["to"]),
            "subject": str(message["subject"]),
            "message_id": str(message["message-id"]),
            "content_type": message.get_content_type(),
            "text": message.get_content(),
            "raw": raw.decode("utf-8", "replace"),
        }
        with open(log_file, "a") as log:
            log.write(json.dumps(record) + "\n")
        return "250 OK"


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


tls = None
if len(sys.argv) == 4:
    tls = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    tls.load_cert_chain(sys.argv[2], sys.argv[3])

port = free_port()
controller = Controller(Handler(), hostname="127.0.0.1", port=port, ssl_context=tls)
controller.start()
print(port, flush=True)
try:
    asyncio.new_event_loop().run_forever()
finally:
    controller.stop()
