package com.partnerb2b.platform.error;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import org.hibernate.HibernateException;
import org.hibernate.JDBCException;
import org.hibernate.StaleStateException;

import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.pgclient.PgException;

/**
 * Writes every failure of a REST endpoint in the error envelope, with the statuses and messages
 * partners of the existing API already handle. Nothing internal (class names, stack traces) leaves.
 */
public class ErrorMappers {

    private static final Logger LOG = Logger.getLogger(ErrorMappers.class);

    /**
     * lock_not_available, query_canceled (statement_timeout), idle_in_transaction_session_timeout,
     * deadlock_detected, serialization_failure: the same request, retried, succeeds.
     */
    private static final Set<String> BUSY_STATES = Set.of("55P03", "57014", "25P03", "40P01", "40001");

    public static Response toResponse(int status, String code, String message, List<FieldError> details) {
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(ApiError.of(code, message, details))
                .build();
    }

    @ServerExceptionMapper
    public Response apiException(ApiException e) {
        Response.ResponseBuilder builder = Response.status(e.status())
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(ApiError.of(e.code(), e.getMessage(), e.details(), e.extra()));
        if (e.status() == 401) {
            builder.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        if (e.status() == 503) {
            builder.header("Retry-After", "1");
        }
        return builder.build();
    }

    @ServerExceptionMapper
    public Response parseError(JsonParseException e) {
        return parseError((Throwable) e);
    }

    private static Response parseError(Throwable e) {
        String where = e instanceof JsonProcessingException json && json.getLocation() != null
                ? "line " + json.getLocation().getLineNr() + ", column " + json.getLocation().getColumnNr()
                : null;
        return toResponse(400, "parse_error", "Parse Error", List.of(new FieldError("body", where == null ? "malformed JSON" : "malformed JSON at " + where)));
    }

    @ServerExceptionMapper
    public Response typeError(MismatchedInputException e) {
        String field = fieldPath(e);
        List<FieldError> details = List.of(new FieldError(field.isEmpty() ? "body" : field,
                "expected " + (e.getTargetType() == null ? "another type" : describe(e.getTargetType()))));
        return toResponse(400, "type_error", "Type Error", details);
    }

    @ServerExceptionMapper
    public Response mappingError(JsonMappingException e) {
        return parseError(e);
    }

    @ServerExceptionMapper
    public Response processingError(JsonProcessingException e) {
        return parseError(e);
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e) {
        List<FieldError> details = new ArrayList<>();
        for (ConstraintViolation<?> violation : e.getConstraintViolations()) {
            details.add(new FieldError(leafName(violation.getPropertyPath()), violation.getMessage()));
        }
        details.sort((a, b) -> a.field().compareTo(b.field()));
        return toResponse(400, "invalid_value", "Invalid value", details);
    }

    @ServerExceptionMapper({ AuthenticationFailedException.class, UnauthorizedException.class,
            AuthenticationCompletionException.class })
    public Response unauthenticated(RuntimeException e) {
        return apiException(ApiException.authentication());
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return apiException(ApiException.notAllowed());
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            LOG.error("Request failed", e);
            return toResponse(500, "internal_error", "Internal Error", null);
        }
        if (status == 400 && e.getCause() instanceof JsonProcessingException) {
            return parseError(e.getCause());
        }
        return switch (status) {
            case 400 -> toResponse(400, "bad_request", "Bad Request", null);
            case 401 -> apiException(ApiException.authentication());
            case 403 -> apiException(ApiException.notAllowed());
            case 404 -> toResponse(404, "not_found", "Not Found", null);
            case 405 -> toResponse(405, "method_not_allowed", "Method Not Allowed", null);
            case 406 -> toResponse(406, "not_acceptable", "Not Acceptable", null);
            case 413 -> toResponse(413, "payload_too_large", "Payload Too Large", null);
            case 415 -> toResponse(415, "unsupported_media_type", "Unsupported Media Type", null);
            default -> toResponse(status, "http_" + status, reason(status), null);
        };
    }

    /**
     * Database refusals that concurrent or unusual requests cause: a unique row written twice at once
     * (409), a row changed since it was read (409), a value PostgreSQL cannot store (400), a lock or
     * statement that waited past the connection's timeouts (503: the request is answered instead of
     * hanging; see {@code statement_timeout} and {@code lock_timeout} in the shared configuration).
     */
    @ServerExceptionMapper({ PgException.class, HibernateException.class, PersistenceException.class })
    public Response database(RuntimeException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof StaleStateException || cause instanceof OptimisticLockException) {
                return toResponse(409, "conflict", "Conflict", List.of(new FieldError("request", "changed by another request at the same time: retry")));
            }
            String state = cause instanceof PgException pg ? pg.getSqlState()
                    : cause instanceof JDBCException jdbc ? jdbc.getSQLState() : null;
            if ("23505".equals(state)) {
                return toResponse(409, "conflict", "Conflict", List.of(new FieldError("request", "sent twice at the same time: retry")));
            }
            if (state != null && state.startsWith("22")) {
                LOG.warnf("Value refused by the database (SQLSTATE %s): %s", state, cause.getMessage());
                return toResponse(400, "invalid_value", "Invalid value", List.of(new FieldError("body", "a value cannot be stored")));
            }
            if (BUSY_STATES.contains(state)) {
                LOG.warnf("Database busy (SQLSTATE %s): %s", state, cause.getMessage());
                return busy();
            }
        }
        return unexpected(e);
    }

    private static Response busy() {
        return retryLater("the resource is busy with another request: retry", 1);
    }

    private static Response retryLater(String why, int seconds) {
        return Response.fromResponse(toResponse(503, "service_unavailable", "Service Unavailable",
                List.of(new FieldError("request", why)))).header("Retry-After", String.valueOf(seconds)).build();
    }

    /**
     * RESTEasy Reactive's multipart parser fails with a plain IOException on a body that breaks its
     * own boundary (another boundary, no closing delimiter, a truncated part) — before any resource
     * runs, so only a global mapper sees it. That is the caller's mistake: 400. Any other
     * IOException stays an internal error.
     */
    @ServerExceptionMapper
    public Response io(java.io.IOException e) {
        StackTraceElement[] frames = e.getStackTrace();
        if (frames.length > 0 && frames[0].getClassName().startsWith(MULTIPART_PARSER)) {
            return toResponse(400, "bad_request", "Bad Request", List.of(new FieldError("body", "malformed multipart/form-data")));
        }
        return unexpected(e);
    }

    private static final String MULTIPART_PARSER = "org.jboss.resteasy.reactive.server.core.multipart.";

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        if (DatabaseOutage.causedBy(e)) {
            LOG.warnf("Database unavailable: %s", e.getMessage());
            return retryLater("the database is unavailable for a moment: retry", 5);
        }
        LOG.error("Unexpected failure", e);
        return toResponse(500, "internal_error", "Internal Error", null);
    }

    private static String reason(int status) {
        Response.Status known = Response.Status.fromStatusCode(status);
        return known == null ? "Error" : known.getReasonPhrase();
    }

    private static String fieldPath(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : String.valueOf(ref.getIndex()))
                .collect(Collectors.joining("."));
    }

    private static String describe(Class<?> type) {
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "a boolean";
        }
        if (type == String.class) {
            return "a string";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        return "an object";
    }

    private static String leafName(Path path) {
        String name = null;
        for (Path.Node node : path) {
            name = node.getName();
        }
        return name == null ? "body" : name;
    }
}
