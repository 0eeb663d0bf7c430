// Verifies a PartnerB2B webhook delivery (Standard Webhooks, v1 = HMAC-SHA256). Node.js 18+, no dependency.
//   node verify.js <secret> <webhook-id> <webhook-timestamp> <webhook-signature> <file with the raw body>
// prints "valid" and exits 0, or prints why and exits 1.
"use strict";
const crypto = require("node:crypto");
const fs = require("node:fs");

const TOLERANCE_SECONDS = 5 * 60;

/** Throws unless the delivery is authentic and recent. rawBody: the bytes received (a Buffer), before any JSON parsing. */
function verifyWebhook(secret, headers, rawBody, nowSeconds = Math.floor(Date.now() / 1000)) {
  const id = headers["webhook-id"];
  const timestamp = headers["webhook-timestamp"];
  const signatures = headers["webhook-signature"];
  if (!id || !timestamp || !signatures) throw new Error("missing webhook-id, webhook-timestamp or webhook-signature");
  if (!/^[0-9]{1,12}$/.test(timestamp)) throw new Error("invalid webhook-timestamp");
  // Refused both ways: a timestamp in the future would let a captured delivery be replayed for longer.
  if (Math.abs(nowSeconds - Number(timestamp)) > TOLERANCE_SECONDS) throw new Error("timestamp too old or too far in the future");
  const key = Buffer.from(secret.startsWith("whsec_") ? secret.slice("whsec_".length) : secret, "base64");
  const expected = crypto.createHmac("sha256", key).update(`${id}.${timestamp}.`).update(rawBody).digest();
  // One or more space-separated "v1,<base64>" (two during a secret rotation); other versions are ignored.
  const matches = signatures.trim().split(/ +/).filter((candidate) => {
    const comma = candidate.indexOf(",");
    const value = candidate.slice(comma + 1);
    if (comma < 0 || candidate.slice(0, comma) !== "v1" || value.length !== 44) return false;
    const given = Buffer.from(value, "base64");
    return given.length === expected.length && crypto.timingSafeEqual(given, expected);
  });
  if (matches.length === 0) throw new Error("no matching signature");
}

module.exports = { verifyWebhook };

if (require.main === module) {
  const [secret, id, timestamp, signature, bodyFile] = process.argv.slice(2);
  try {
    verifyWebhook(secret, { "webhook-id": id, "webhook-timestamp": timestamp, "webhook-signature": signature },
      fs.readFileSync(bodyFile));
    console.log("valid");
  } catch (e) {
    console.log(`invalid: ${e.message}`);
    process.exit(1);
  }
}
