package com.partnerb2b.platform.openapi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.examples.Example;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * The error envelope and the standard error answers, as OpenAPI components. Names are public so that
 * a resource documenting an error of its own can point at the same schema
 * ({@code @Schema(ref = ErrorDocumentation.ERROR_SCHEMA)}).
 */
public final class ErrorDocumentation {

    public static final String ERROR_SCHEMA = "ErrorResponse";
    public static final String BAD_REQUEST = "BadRequest";
    public static final String UNAUTHORIZED = "Unauthorized";
    public static final String FORBIDDEN = "Forbidden";
    public static final String NOT_FOUND = "NotFound";
    public static final String CONFLICT = "Conflict";
    public static final String PAYLOAD_TOO_LARGE = "PayloadTooLarge";
    public static final String UNSUPPORTED_MEDIA_TYPE = "UnsupportedMediaType";
    public static final String IDEMPOTENCY_KEY_REUSED = "IdempotencyKeyReused";
    public static final String TOO_MANY_REQUESTS = "TooManyRequests";
    public static final String SERVICE_UNAVAILABLE = "ServiceUnavailable";

    /** The seed's meta, so that every example reads like a real answer. */
    static final String SEED_TIMESTAMP = "2025-05-20T12:08:18.338840";
    static final String SEED_REQUEST_ID = "84455385-e154-4908-94ff-05aa8560b5b8";

    private ErrorDocumentation() {
    }

    static Map<String, Schema> schemas() {
        Map<String, Schema> schemas = new LinkedHashMap<>();
        schemas.put("FieldError", object("One entry of `error.details`: which field is wrong and why.")
                .addProperty("field", string("The field, header or parameter (`body` for the request as a whole).", "status"))
                .addProperty("message", string("Why.", "one of draft, complete, analyzed"))
                .required(List.of("field", "message")));
        schemas.put("ResponseMeta", object("The `meta` object of every answer; lists add their pagination.")
                .addProperty("timestamp", string("When the answer was made, UTC, ISO-8601 without a zone suffix.", SEED_TIMESTAMP))
                .addProperty("request_id", string("The `X-Request-Id` of the request (the caller's when it sent a safe one).", SEED_REQUEST_ID))
                .addProperty("page", integer("Lists: the page (from 1)."))
                .addProperty("limit", integer("Lists: items per page (default 20, at most 100)."))
                .addProperty("total", integer("Lists: items in all pages."))
                .addProperty("total_pages", integer("Lists: number of pages."))
                .required(List.of("timestamp", "request_id")));
        schemas.put("ErrorBody", object("`details` is always a list (empty when there is nothing to add); a few errors add a named "
                + "figure beside it (`completion` of a submit, `limit` and `used` of a quota).")
                .addProperty("code", string("Stable, machine-readable (snake_case).", "invalid_value"))
                .addProperty("message", string("The message partners of the existing API already handle.", "Invalid value"))
                .addProperty("details", OASFactory.createSchema().type(List.of(Schema.SchemaType.ARRAY))
                        .items(ref("FieldError")))
                .required(List.of("code", "message", "details"))
                .additionalPropertiesBoolean(Boolean.TRUE));
        schemas.put(ERROR_SCHEMA, object("The error envelope of every failed request.")
                .addProperty("error", ref("ErrorBody"))
                .addProperty("meta", ref("ResponseMeta"))
                .required(List.of("error", "meta")));
        return schemas;
    }

    static Map<String, APIResponse> responses() {
        Map<String, APIResponse> responses = new LinkedHashMap<>();
        responses.put(BAD_REQUEST, error("The body or a parameter is malformed or invalid; `details` names each field.",
                example("parse_error", "Parse Error", "body", "malformed JSON at line 1, column 15"),
                example("type_error", "Type Error", "limit", "expected a whole number"),
                example("invalid_value", "Invalid value", "status", "one of draft, complete, analyzed")));
        responses.put(UNAUTHORIZED, error("No valid token (missing, malformed, expired, another audience), or a wrong API key "
                + "or refresh token. Sent before any other check, with `WWW-Authenticate: Bearer`.",
                example("authentication_error", "Authentication Error", null, null))
                .addHeader("WWW-Authenticate", header("`Bearer`", "string")));
        responses.put(FORBIDDEN, error("The caller may not do this: a partner not activated yet (or suspended), or a partner "
                + "token on an operator path.", example("not_allowed", "Not Allowed", null, null)));
        responses.put(NOT_FOUND, error("No such resource for this caller: unknown, malformed id, or another partner's "
                + "(never revealed). The message names the resource: `Profile Not Found`, `Document Not Found`, "
                + "`Analysis Not Found`, `Webhook Not Found`, `Delivery Not Found`, `Partner Not Found`…",
                example("not_found", "Profile Not Found", null, null)));
        responses.put(CONFLICT, error("Another request changed or created the same thing at the same moment: retry.",
                example("conflict", "Conflict", "request", "changed by another request at the same time: retry")));
        responses.put(PAYLOAD_TOO_LARGE, error("The body is larger than allowed (1 MB for JSON; a document's `maxSize`).",
                example("payload_too_large", "Payload Too Large", null, null)));
        responses.put(UNSUPPORTED_MEDIA_TYPE, error("The body is not of the media type the operation reads.",
                example("unsupported_media_type", "Unsupported Media Type", null, null)));
        responses.put(IDEMPOTENCY_KEY_REUSED, error("This `Idempotency-Key` was used within 24 h for a different request.",
                example("idempotency_key_reused", "Idempotency-Key already used with another request", "Idempotency-Key",
                        "3f0c8a4e-5d1b-4c8e-9f2a-7b6d5e4c3b2a")));
        responses.put(TOO_MANY_REQUESTS, error("Rate limit (default 100 requests a minute per partner) or token attempts "
                + "exceeded: wait `Retry-After` seconds.", example("rate_limited", "Too Many Requests", null, null))
                .addHeader("Retry-After", header("Seconds to wait.", "integer"))
                .addHeader("X-RateLimit-Limit", header("Requests allowed in the window.", "integer"))
                .addHeader("X-RateLimit-Remaining", header("Requests left in the window.", "integer"))
                .addHeader("X-RateLimit-Reset", header("When the window ends (epoch seconds).", "integer")));
        responses.put(SERVICE_UNAVAILABLE, error("Something this answer needs is busy or away (database lock or timeout, "
                + "request deadline, a service not running): retry after `Retry-After` seconds.",
                example("service_unavailable", "Service Unavailable", "request",
                        "the resource is busy with another request: retry"))
                .addHeader("Retry-After", header("Seconds to wait.", "integer")));
        return responses;
    }

    private static APIResponse error(String description, Example... examples) {
        org.eclipse.microprofile.openapi.models.media.MediaType json = OASFactory.createMediaType().schema(ref(ERROR_SCHEMA));
        for (Example example : examples) {
            json.addExample(String.valueOf(((Map<?, ?>) ((Map<?, ?>) example.getValue()).get("error")).get("code")), example);
        }
        Content content = OASFactory.createContent().addMediaType("application/json", json);
        return OASFactory.createAPIResponse().description(description).content(content);
    }

    /** An error envelope as the services write it (the seed's meta). */
    public static Example example(String code, String message, String field, String fieldMessage) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code);
        error.put("message", message);
        error.put("details", field == null ? List.of() : List.of(Map.of("field", field, "message", fieldMessage)));
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("timestamp", SEED_TIMESTAMP);
        meta.put("request_id", SEED_REQUEST_ID);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error);
        body.put("meta", meta);
        return OASFactory.createExample().summary(message).value(body);
    }

    private static Header header(String description, String type) {
        return OASFactory.createHeader().description(description)
                .schema(OASFactory.createSchema().type(List.of(Schema.SchemaType.valueOf(type.toUpperCase()))));
    }

    private static Schema object(String description) {
        return OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT)).description(description);
    }

    private static Schema string(String description, String example) {
        return OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)).description(description)
                .examples(List.of(example));
    }

    private static Schema integer(String description) {
        return OASFactory.createSchema().type(List.of(Schema.SchemaType.INTEGER)).description(description);
    }

    private static Schema ref(String schema) {
        return OASFactory.createSchema().ref(schema);
    }
}
