package com.partnerb2b.localstack;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Generates bad, odd and abusive requests to the partner API from a seeded {@link Random}: the same
 * seed gives the same sequence of choices (which operation, which caller, which mutation). Ids of
 * the caller's own resources are filled in from what the system answered, everything else from
 * the seed. Webhook URLs only ever name loopback, reserved or unparseable hosts.
 */
final class FuzzRequests {

    /** What a request's body is meant to look like before it is mutated. */
    enum Shape { NONE, API_KEY, REFRESH, REVOKE, PROFILE, PROFILE_PATCH, MULTIPART, WEBHOOK_URL, WEBHOOK_PATCH, RECOVER, PARTNER, QUOTA, ATTRIBUTE }

    /** One partner operation: the list the suite drives (the gateway publishes no OpenAPI document). */
    record Operation(String method, String template, Shape shape) {
        String name() {
            return method + " " + template;
        }
    }

    static final List<Operation> OPERATIONS = List.of(
            new Operation("POST", "/api/v1/auth/token/", Shape.API_KEY),
            new Operation("POST", "/api/v1/auth/token/refresh/", Shape.REFRESH),
            new Operation("POST", "/api/v1/auth/token/revoke/", Shape.REVOKE),
            new Operation("GET", "/api/v1/metadata/", Shape.NONE),
            new Operation("POST", "/api/v1/profiles/", Shape.PROFILE),
            new Operation("GET", "/api/v1/profiles/", Shape.NONE),
            new Operation("GET", "/api/v1/profiles/{profile}/", Shape.NONE),
            new Operation("PATCH", "/api/v1/profiles/{profile}/", Shape.PROFILE_PATCH),
            new Operation("PUT", "/api/v1/profiles/{profile}/", Shape.PROFILE),
            new Operation("DELETE", "/api/v1/profiles/{profile}/", Shape.NONE),
            new Operation("POST", "/api/v1/profiles/{profile}/submit/", Shape.NONE),
            new Operation("POST", "/api/v1/profiles/{profile}/documents/", Shape.MULTIPART),
            new Operation("GET", "/api/v1/profiles/{profile}/documents/", Shape.NONE),
            new Operation("GET", "/api/v1/documents/{document}/", Shape.NONE),
            new Operation("GET", "/api/v1/documents/{document}/content/", Shape.NONE),
            new Operation("POST", "/api/v1/profiles/{profile}/analyses/", Shape.NONE),
            new Operation("GET", "/api/v1/profiles/{profile}/analyses/", Shape.NONE),
            new Operation("GET", "/api/v1/analyses/{analysis}/", Shape.NONE),
            new Operation("POST", "/api/v1/webhooks/configure/", Shape.WEBHOOK_URL),
            new Operation("GET", "/api/v1/webhooks/", Shape.NONE),
            new Operation("GET", "/api/v1/webhooks/{webhook}/", Shape.NONE),
            new Operation("PATCH", "/api/v1/webhooks/{webhook}/", Shape.WEBHOOK_PATCH),
            new Operation("DELETE", "/api/v1/webhooks/{webhook}/", Shape.NONE),
            new Operation("POST", "/api/v1/webhooks/{webhook}/rotate-secret/", Shape.NONE),
            new Operation("POST", "/api/v1/webhooks/{webhook}/test/", Shape.NONE),
            new Operation("POST", "/api/v1/webhooks/{webhook}/enable/", Shape.NONE),
            new Operation("GET", "/api/v1/webhooks/{webhook}/deliveries/", Shape.NONE),
            new Operation("POST", "/api/v1/webhooks/deliveries/{delivery}/retry/", Shape.NONE),
            new Operation("POST", "/api/v1/webhooks/{webhook}/recover/", Shape.RECOVER),
            // Operator routes, called with a partner's token or none: 401/403, never more.
            new Operation("POST", "/admin/v1/partners/", Shape.PARTNER),
            new Operation("GET", "/admin/v1/partners/{partner}/", Shape.NONE),
            new Operation("POST", "/admin/v1/partners/{partner}/api-keys/", Shape.NONE),
            new Operation("PUT", "/admin/v1/analysis-quotas/{partner}/", Shape.QUOTA),
            new Operation("GET", "/admin/v1/scorecards/active/", Shape.NONE),
            new Operation("POST", "/admin/v1/attributes/", Shape.ATTRIBUTE),
            new Operation("GET", "/admin/v1/webhooks/", Shape.NONE));

    /** Ids of one caller's own resources and of the victim's, by placeholder name. */
    interface Ids {
        String own(int caller, String kind);

        String victim(String kind);
    }

    /** A generated request; {@code caller} is the index of the prober whose token it carries (-1: none or a forged one). */
    record Request(int index, Operation operation, String method, String path, Map<String, String> headers, byte[] body,
            int caller, String authorization) {
        String endpoint() {
            return operation.name();
        }

        boolean sends(String text) {
            return path.contains(text) || (body != null && new String(body, StandardCharsets.ISO_8859_1).contains(text))
                    || headers.values().stream().anyMatch(v -> v.contains(text));
        }
    }

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String[] METHODS = { "GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "TRACE", "PROPFIND", "FOO" };
    private static final String[] CONTENT_TYPES = { "text/plain", "application/xml", "application/x-www-form-urlencoded",
            "multipart/form-data", "application/json; charset=utf-16", "application/json; charset=latin-9", "garbage",
            "application/octet-stream", "*/*", "application/vnd.api+json" };
    private static final String[] ATTRIBUTES = { "lastname", "firstname", "email", "phone_number", "birth_date", "monthly_income",
            "monthly_charges", "family_situation", "means_of_movement", "requested_amount", "credit_duration_months",
            "children_number", "bank_statement", "no_such_attribute", "", "pk", "partner", "__proto__" };

    private final Random random;
    private final int callers;
    private final String receiverUrl;
    private final byte[] pdf;

    FuzzRequests(long seed, int callers, String receiverUrl, byte[] pdf) {
        this.random = new Random(seed);
        this.callers = callers;
        this.receiverUrl = receiverUrl;
        this.pdf = pdf;
    }

    Request next(int index, Ids ids) {
        Operation op = OPERATIONS.get(random.nextInt(OPERATIONS.size()));
        int caller = random.nextInt(callers);
        String authorization = null;
        int auth = random.nextInt(100);
        if (auth < 5) {
            caller = -1;
        } else if (auth < 10) {
            caller = -1;
            authorization = pick("Bearer ", "Bearer x.y.z", "Basic YWRtaW46YWRtaW4=", "Bearer " + forgedToken(),
                    "bearer " + "A".repeat(random.nextInt(9000)), "Token abc", "Bearer eyJhbGciOiJub25lIn0.e30.");
        }
        String method = random.nextInt(100) < 8 ? METHODS[random.nextInt(METHODS.length)] : op.method();
        String path = path(op.template(), caller, ids);
        Map<String, String> headers = new LinkedHashMap<>();
        byte[] body = body(op.shape(), headers, ids);
        headers(headers);
        return new Request(index, op, method, path, headers, body, caller, authorization);
    }

    // ------------------------------------------------------------------ paths

    private String path(String template, int caller, Ids ids) {
        String path = template;
        for (String kind : List.of("profile", "document", "analysis", "webhook", "delivery", "partner")) {
            if (path.contains("{" + kind + "}")) {
                path = path.replace("{" + kind + "}", id(kind, caller, ids));
            }
        }
        int trick = random.nextInt(100);
        if (trick < 3) {
            path = path.replace("/api/v1/", pick("/api/v1/../v1/", "/api//v1/", "/api/v1/./", "/API/V1/", "/api/v1/%2e%2e/v1/",
                    "/api/v1/profiles/..%2f", "/api/v1;x=1/", "/api/%76%31/", "/api/v1/%2F/"));
        } else if (trick < 5) {
            path = path.endsWith("/") ? path.substring(0, path.length() - 1) : path + "/";
        } else if (trick < 7) {
            path = path + pick("%00", "..", "%2e%2e%2f%2e%2e%2fadmin/v1/partners/", "?", "#frag", ";jsessionid=1", "%ff%fe", "~", "*");
        } else if (trick < 9) {
            path = path + "?" + pick("page=", "page=-1", "page=0", "page=abc", "page=99999999999", "page=2147483647&limit=100",
                    "limit=0", "limit=101", "limit=1e3", "status=bogus", "status=complete", "createdAfter=garbage",
                    "createdAfter=9999-99-99", "createdAfter=-1000000000-01-01T00:00:00Z", "createdBefore=%2B1000000000-01-01T00:00:00Z", "createdAfter=2026-01-01", "createdBefore=-1", "externalReference=" + "x".repeat(5000),
                    "status=draft&status=complete", "page[]=1", "%zz=1");
        } else if (trick < 10) {
            path = path + "x".repeat(pick(100, 2_000, 9_000, 70_000)) + "/";
        }
        return path;
    }

    private String id(String kind, int caller, Ids ids) {
        int choice = random.nextInt(100);
        if (choice < 35 && caller >= 0) {
            return ids.own(caller, kind);
        }
        if (choice < 65) {
            return ids.victim(kind);
        }
        return pick("0", "-1", "999999999", "2147483648", "9223372036854775807", "99999999999999999999999", "abc", "1.5", "1e3",
                "%20", "1%2F2", "..", "%2e%2e", "null", "%C3%A9", "1;2", "0x10", "+1", "1 ", "7".repeat(4000),
                "00000000-0000-0000-0000-000000000000", "%7Bpk%7D", "${jndi:x}");
    }

    // ------------------------------------------------------------------ bodies

    private byte[] body(Shape shape, Map<String, String> headers, Ids ids) {
        if (shape == Shape.MULTIPART) {
            return multipart(headers);
        }
        int kind = random.nextInt(100);
        if (shape == Shape.NONE && kind < 85) {
            return null;
        }
        headers.put("Content-Type", "application/json");
        if (kind < 6) {
            headers.put("Content-Type", CONTENT_TYPES[random.nextInt(CONTENT_TYPES.length)]);
        } else if (kind < 8) {
            headers.remove("Content-Type");
        }
        int form = random.nextInt(100);
        if (form < 15) {
            return malformed();
        }
        if (form < 17) {
            return huge();
        }
        ObjectNode valid = valid(shape, ids);
        if (form < 40) {
            return bytes(valid);
        }
        return bytes(mutate(valid));
    }

    private ObjectNode valid(Shape shape, Ids ids) {
        ObjectNode body = NODES.objectNode();
        switch (shape) {
            case API_KEY -> body.put("apiKey", pick("pb2b_live_0000000000000000_guess", "", "pb2b_op_x", "' OR 1=1 --"));
            case REFRESH -> body.put("refresh", pick("eyJhbGciOiJFUzI1NiJ9.e30.x", "", forgedToken()));
            // Partner A's own refresh token among them: no one else may revoke it.
            case REVOKE -> body.put("token", pick("eyJhbGciOiJFUzI1NiJ9.e30.x", "", forgedToken(), "x".repeat(3000), ids.victim("refresh")));
            case PROFILE, PROFILE_PATCH -> {
                ObjectNode attributes = body.putObject("attributes");
                attributes.put("lastname", "Fuzz" + random.nextInt(1000));
                if (shape == Shape.PROFILE) {
                    attributes.put("firstname", "Alex");
                    attributes.put("email", "alex" + random.nextInt(1000) + "@example.fr");
                    attributes.put("phone_number", "06123456" + (10 + random.nextInt(90)));
                    attributes.put("delivery_address1", random.nextInt(100) + " rue de Paris");
                    attributes.put("monthly_charges", random.nextInt(3000));
                    body.put("externalReference", "FUZZ-" + random.nextInt(100000));
                }
                attributes.put("monthly_income", random.nextInt(10000));
                attributes.putArray("means_of_movement").add("vélo");
                attributes.put("birth_date", "1980-01-0" + (1 + random.nextInt(9)));
            }
            case WEBHOOK_URL -> body.put("url", webhookUrl());
            case WEBHOOK_PATCH -> {
                body.put("url", webhookUrl());
                body.put("enabled", random.nextBoolean());
            }
            case RECOVER -> body.put("since", pick("2026-01-01T00:00:00Z", "yesterday", "", "1970-01-01T00:00:00Z", "9999-12-31T23:59:59Z"));
            case PARTNER -> body.put("name", "Fuzz partner " + random.nextInt(1000));
            case QUOTA -> body.put("limit", random.nextInt(100));
            case ATTRIBUTE -> {
                body.put("name", "fuzz_attr_" + random.nextInt(1000));
                body.put("type", pick("text", "number", "choice", "file", "bogus"));
            }
            default -> body.put("x", 1);
        }
        return body;
    }

    /** A loopback, reserved or unparseable target: nothing here resolves through DNS or leaves this machine. */
    private String webhookUrl() {
        return pick(receiverUrl, receiverUrl + "/../../x", receiverUrl + "?q=%00", "http://127.0.0.1:1/closed", "https://127.0.0.1:1/",
                "http://10.0.0.1/hooks", "https://169.254.169.254/latest/meta-data/", "https://[::1]:1/", "https://[fe80::1%25eth0]/",
                "https://0x7f.1:1/", "https://2130706433:1/", "https://017700000001:1/", "http://0.0.0.0:1/", "https://192.168.0.1/",
                "https://user:pass@127.0.0.1:1/", "ftp://127.0.0.1/", "file:///etc/passwd", "gopher://127.0.0.1:1/_x",
                "javascript:alert(1)", "https://", "https://:1/", "http://127.0.0.1:99999/", "https://127.0.0.1:1/" + "p".repeat(3000),
                "//127.0.0.1:1/", "https://127.0.0.1:1\\@10.0.0.1/", "https://[::ffff:10.0.0.1]/", "https://[64:ff9b::a00:1]/",
                "not a url", "", "https://256.256.256.256/", "https://-bad-.local..", "HTTPS://127.0.0.1:1/");
    }

    private JsonNode mutate(ObjectNode body) {
        JsonNode target = body;
        List<ObjectNode> objects = new ArrayList<>();
        collect(body, objects);
        ObjectNode object = objects.get(random.nextInt(objects.size()));
        List<String> fields = new ArrayList<>();
        object.fieldNames().forEachRemaining(fields::add);
        String field = fields.isEmpty() ? "x" : fields.get(random.nextInt(fields.size()));
        switch (random.nextInt(8)) {
            case 0 -> object.remove(field);
            case 1 -> object.set(field, wrongValue());
            case 2 -> object.set(pick("extra", "pk", "partner", "partner_id", "partnerId", "status", "id", "secret", "__proto__",
                    ATTRIBUTES[random.nextInt(ATTRIBUTES.length)]), wrongValue());
            case 3 -> object.put(field, "é\u0000'\"<script>\\u0000" + "z".repeat(pick(1, 300, 20_000, 300_000)));
            case 4 -> object.removeAll();
            case 5 -> target = wrongValue();
            case 6 -> {
                ObjectNode attributes = body.has("attributes") && body.get("attributes").isObject() ? (ObjectNode) body.get("attributes") : body;
                attributes.set(ATTRIBUTES[random.nextInt(ATTRIBUTES.length)], wrongValue());
            }
            default -> {
                for (int i = 0; i < 1 + random.nextInt(50); i++) {
                    object.set("k" + i + ATTRIBUTES[random.nextInt(ATTRIBUTES.length)], wrongValue());
                }
            }
        }
        return target;
    }

    private static void collect(JsonNode node, List<ObjectNode> into) {
        if (node instanceof ObjectNode object) {
            into.add(object);
            object.elements().forEachRemaining(child -> collect(child, into));
        }
    }

    private JsonNode wrongValue() {
        return switch (random.nextInt(14)) {
            case 0 -> NODES.nullNode();
            case 1 -> NODES.numberNode(random.nextLong());
            case 2 -> NODES.numberNode(new java.math.BigDecimal("1e400"));
            case 3 -> NODES.numberNode(new java.math.BigInteger("123456789012345678901234567890"));
            case 4 -> NODES.booleanNode(random.nextBoolean());
            case 5 -> NODES.textNode("");
            case 6 -> NODES.textNode(pick("2026-02-30", "-1", "NaN", "Infinity", "1e999", "true", "null", "🙂", "\u202e", "%s%n"));
            case 7 -> NODES.arrayNode().add(1).add("a").addNull();
            case 8 -> NODES.objectNode().put("nested", "x");
            case 9 -> NODES.numberNode(-0.0);
            case 10 -> NODES.numberNode(random.nextDouble() * 1e12);
            case 11 -> {
                ArrayNode deep = NODES.arrayNode();
                ArrayNode at = deep;
                for (int i = 0; i < 200; i++) {
                    at = at.addArray();
                }
                yield deep;
            }
            case 12 -> NODES.textNode("x".repeat(pick(256, 5000, 70_000)));
            default -> NODES.arrayNode();
        };
    }

    private byte[] malformed() {
        String text = pick("", " ", "{", "}", "{\"a\":", "{'a':1}", "{\"a\":1,}", "[1,2", "{\"a\":NaN}", "{\"a\":1}{\"b\":2}",
                "/* c */{}", "null", "[]", "123", "\"text\"", "true", "{\"a\":\"\\u12\"}", "{\"attributes\":{\"lastname\":\"x\"",
                "\uFEFF{}", "{\"a\":01}", "{\"a\":1e99999}", "[".repeat(5000) + "]".repeat(5000), "{\"a\":".repeat(3000),
                "{\"apiKey\":\"x\",\"apiKey\":\"y\"}", "<xml/>", "a=1&b=2");
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (random.nextInt(10) == 0) {
            return new byte[] { '{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, (byte) 0xFF, '"', '}' };
        }
        return bytes;
    }

    /** Over a service's limit: 1 MB for JSON everywhere (profile-service takes multipart uploads up to 11 MB). */
    private byte[] huge() {
        int size = pick(1_100_000, 1_100_000, 600_000, 11_600_000);
        StringBuilder json = new StringBuilder(size + 40).append("{\"attributes\":{\"lastname\":\"");
        json.append("h".repeat(size)).append("\"}}");
        return json.toString().getBytes(StandardCharsets.UTF_8);
    }

    private byte[] multipart(Map<String, String> headers) {
        String boundary = "fuzz" + random.nextInt(1_000_000);
        headers.put("Content-Type", pick("multipart/form-data; boundary=" + boundary, "multipart/form-data; boundary=" + boundary,
                "multipart/form-data; boundary=" + boundary, "multipart/form-data", "multipart/form-data; boundary=other",
                "multipart/mixed; boundary=" + boundary, "application/json", "text/plain"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int mutation = random.nextInt(12);
        if (mutation != 0) {
            part(out, boundary, "attribute", null, null, pick("bank_statement", "bank_statement", "proof_of_address", "lastname",
                    "no_such_attribute", "", "x".repeat(5000), "bank_statement\r\nX: y"));
        }
        if (mutation != 1) {
            byte[] file = switch (mutation) {
                case 2 -> new byte[0];
                case 3 -> "%PDF-1.7\nnot really a pdf".getBytes(StandardCharsets.US_ASCII);
                case 4 -> new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 0 };
                case 5 -> java.util.Arrays.copyOf(pdf, pdf.length / 2);
                case 6 -> random.nextInt(8) == 0 ? java.util.Arrays.copyOf(pdf, 10_600_000) : randomBytes(2000);
                default -> pdf;
            };
            part(out, boundary, pick("file", "file", "file", "File", "files[]"),
                    pick("document.pdf", "../../../etc/passwd", "", "x".repeat(2000) + ".pdf", "é\"quoted\".pdf", "a\u0000b.pdf"),
                    pick("application/pdf", "image/png", "text/plain", ""), file);
        }
        if (mutation == 7) {
            part(out, boundary, "file", "second.pdf", "application/pdf", pdf);
        }
        String end = mutation == 8 ? "" : mutation == 9 ? "--" + boundary + "\r\n" : "--" + boundary + "--\r\n";
        out.writeBytes(end.getBytes(StandardCharsets.UTF_8));
        if (mutation == 10) {
            return ("--" + boundary + "\r\nContent-Disposition: form-data\r\n\r\ngarbage").getBytes(StandardCharsets.UTF_8);
        }
        return out.toByteArray();
    }

    private static void part(ByteArrayOutputStream out, String boundary, String name, String filename, String type, Object content) {
        StringBuilder head = new StringBuilder("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"").append(name).append('"');
        if (filename != null) {
            head.append("; filename=\"").append(filename).append('"');
        }
        head.append("\r\n");
        if (type != null && !type.isEmpty()) {
            head.append("Content-Type: ").append(type).append("\r\n");
        }
        head.append("\r\n");
        out.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
        out.writeBytes(content instanceof byte[] bytes ? bytes : String.valueOf(content).getBytes(StandardCharsets.UTF_8));
        out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
    }

    private void headers(Map<String, String> headers) {
        int choice = random.nextInt(100);
        if (choice < 5) {
            headers.put("Idempotency-Key", pick("", "k", "x".repeat(5000), "é", java.util.UUID.nameUUIDFromBytes(new byte[] { (byte) random.nextInt() }).toString()));
        } else if (choice < 8) {
            headers.put("Accept", pick("application/xml", "text/html", "*/*", "application/json;q=0", "image/png", "garbage"));
        } else if (choice < 10) {
            headers.put("If-None-Match", pick("*", "\"x\"", "W/\"" + "y".repeat(3000) + "\"", ""));
        } else if (choice < 12) {
            headers.put("X-Request-Id", pick("", "x".repeat(9000), "../../etc", "<script>", "é"));
        } else if (choice < 13) {
            headers.put("Content-Encoding", pick("gzip", "br", "identity", "bogus"));
        } else if (choice < 14) {
            headers.put("X-Forwarded-For", pick("10.0.0.1", "not-an-ip", "1.1.1.1, 2.2.2.2"));
        }
    }

    private static String forgedToken() {
        java.util.Base64.Encoder b64 = java.util.Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString("{\"sub\":\"1\",\"upn\":\"1\",\"groups\":[\"partner\",\"operator\"],\"iss\":\"https://auth.partnerb2b.local\",\"aud\":\"partnerb2b-api\",\"exp\":4102444800}"
                        .getBytes(StandardCharsets.UTF_8))
                + ".";
    }

    private byte[] randomBytes(int size) {
        byte[] bytes = new byte[size];
        random.nextBytes(bytes);
        return bytes;
    }

    private static byte[] bytes(JsonNode node) {
        return node.toString().getBytes(StandardCharsets.UTF_8);
    }

    @SafeVarargs
    private <T> T pick(T... choices) {
        return choices[random.nextInt(choices.length)];
    }
}
