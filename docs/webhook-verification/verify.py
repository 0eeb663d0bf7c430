"""Verifies a PartnerB2B webhook delivery (Standard Webhooks, v1 = HMAC-SHA256). Python 3.8+, standard library only.

    python3 verify.py <secret> <webhook-id> <webhook-timestamp> <webhook-signature> <file with the raw body>

prints "valid" and exits 0, or prints why and exits 1.
"""
import base64
import binascii
import hashlib
import hmac
import re
import sys
import time

TOLERANCE_SECONDS = 5 * 60


class InvalidWebhook(Exception):
    pass


def verify_webhook(secret, headers, raw_body, now=None):
    """Raises InvalidWebhook unless the delivery is authentic and recent. raw_body: the bytes received, before any JSON parsing."""
    msg_id = headers.get("webhook-id")
    timestamp = headers.get("webhook-timestamp")
    signatures = headers.get("webhook-signature")
    if not msg_id or not timestamp or not signatures:
        raise InvalidWebhook("missing webhook-id, webhook-timestamp or webhook-signature")
    if not re.fullmatch(r"[0-9]{1,12}", timestamp):
        raise InvalidWebhook("invalid webhook-timestamp")
    now = int(time.time()) if now is None else now
    # Refused both ways: a timestamp in the future would let a captured delivery be replayed for longer.
    if abs(now - int(timestamp)) > TOLERANCE_SECONDS:
        raise InvalidWebhook("timestamp too old or too far in the future")
    key = base64.b64decode(secret[len("whsec_"):] if secret.startswith("whsec_") else secret)
    expected = hmac.new(key, f"{msg_id}.{timestamp}.".encode() + raw_body, hashlib.sha256).digest()
    # One or more space-separated "v1,<base64>" (two during a secret rotation); other versions are ignored.
    for candidate in signatures.split():
        version, _, value = candidate.partition(",")
        if version != "v1" or len(value) != 44:
            continue
        try:
            given = base64.b64decode(value, validate=True)
        except binascii.Error:
            continue
        if hmac.compare_digest(given, expected):
            return
    raise InvalidWebhook("no matching signature")


if __name__ == "__main__":
    secret, msg_id, timestamp, signature, body_file = sys.argv[1:6]
    with open(body_file, "rb") as body:
        raw = body.read()
    try:
        verify_webhook(secret, {"webhook-id": msg_id, "webhook-timestamp": timestamp, "webhook-signature": signature}, raw)
        print("valid")
    except InvalidWebhook as e:
        print(f"invalid: {e}")
        sys.exit(1)
