package com.partnerb2b.webhook.rest;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.Cancellable;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.databind.JsonNode;
import com.partnerb2b.platform.api.ApiResponse;
import com.partnerb2b.platform.api.ResponseMeta;
import com.partnerb2b.platform.api.PageRequest;
import com.partnerb2b.platform.api.PathIds;
import com.partnerb2b.platform.error.ApiException;
import com.partnerb2b.platform.error.ErrorMappers;
import com.partnerb2b.platform.error.FieldError;
import com.partnerb2b.platform.openapi.ErrorDocumentation;
import com.partnerb2b.platform.security.Partners;
import com.partnerb2b.platform.security.Roles;
import com.partnerb2b.platform.sql.Timestamps;
import com.partnerb2b.webhook.repository.Delivery;
import com.partnerb2b.webhook.repository.DeliveryLog;
import com.partnerb2b.webhook.service.DeliveryService;
import com.partnerb2b.webhook.service.DeliveryWorker;
import com.partnerb2b.webhook.service.EndpointService;
import com.partnerb2b.webhook.service.SigningSecrets;

import io.smallrye.mutiny.Uni;

@Cancellable(false)
@Path("/api/v1/webhooks")
@RolesAllowed(Roles.PARTNER)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.WILDCARD)
@Tag(name = "Webhooks")
public class WebhookResource {

    private static final Logger LOG = Logger.getLogger(WebhookResource.class);
    private static final Set<String> STATUSES = Set.of(Delivery.PENDING, Delivery.DELIVERED, Delivery.FAILED);

    private final EndpointService endpoints;
    private final DeliveryService deliveries;
    private final SigningSecrets secrets;
    private final DeliveryWorker worker;
    private final JsonWebToken token;

    static final String CONFIGURED_EXAMPLE = """
            {"data": {"message": "Votre url a bien été configurée.", "pk": 1, "url": "https://partner.example/hooks/partnerb2b",
              "secret": "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "createdAt": "2025-05-20T21:40:02.118356Z"},
             "meta": {"timestamp": "2025-05-20T21:40:02.412093", "request_id": "0b8e2c55-3f0a-4b7e-9a61-2f4c8d9e1a77"}}""";
    static final String REFUSED_EXAMPLE = """
            {"error": {"code": "invalid_webhook", "message": "Address not allowed",
              "details": [{"field": "url", "message": "hooks.partner.example resolves to an address that is not public"}]},
             "meta": {"timestamp": "2025-05-20T21:40:02.412093", "request_id": "0b8e2c55-3f0a-4b7e-9a61-2f4c8d9e1a77"}}""";

    public WebhookResource(EndpointService endpoints, DeliveryService deliveries, SigningSecrets secrets, DeliveryWorker worker,
            JsonWebToken token) {
        this.endpoints = endpoints;
        this.deliveries = deliveries;
        this.secrets = secrets;
        this.worker = worker;
        this.token = token;
    }

    @POST
    @Path("/configure/")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Register the partner's endpoint (one per partner; again: replaces the URL, keeps the secret). "
            + "The URL must pass the address guard and answer a signed webhook.test event with a 2xx")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "seed", value = "{\"url\": \"https://partner.example/hooks/partnerb2b\"}")))
    @APIResponse(responseCode = "201", description = "Configured; the signing secret is shown in full only here and on rotation",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(properties = { @SchemaProperty(name = "data", implementation = WebhookViews.Configured.class),
                    @SchemaProperty(name = "meta", implementation = ResponseMeta.class) }),
                    examples = @ExampleObject(name = "configured", value = CONFIGURED_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "Not a JSON object with only `url` (`Invalid value`), or the URL is refused: "
            + "`Invalid URL`, `Address not allowed` (private, loopback, link-local… after DNS resolution), `Connection Error` "
            + "(the test event got no 2xx)", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(ref = ErrorDocumentation.ERROR_SCHEMA), examples = @ExampleObject(name = "refused", value = REFUSED_EXAMPLE)))
    public Uni<Response> configure(JsonNode body) {
        String url = url(body);
        return endpoints.configure(Partners.of(token), url).map(shown -> Response.status(201).entity(ApiResponse.of(
                new WebhookViews.Configured("Votre url a bien été configurée.", shown.endpoint().id, shown.endpoint().url,
                        shown.secret(), shown.endpoint().createdAt))).build());
    }

    @GET
    @Path("/")
    @Operation(summary = "The partner's endpoint (a list of at most one)")
    public Uni<ApiResponse<List<WebhookViews.EndpointView>>> list() {
        return endpoints.list(Partners.of(token)).map(list -> ApiResponse.of(list.stream()
                .map(e -> WebhookViews.endpoint(e, secrets.shown(e))).toList()));
    }

    @GET
    @Path("/{pk}/")
    @Operation(summary = "The endpoint: URL, status (active | disabled) and why, secret masked")
    public Uni<ApiResponse<WebhookViews.EndpointView>> get(@RestPath String pk) {
        return endpoints.get(Partners.of(token), PathIds.number(pk, "Webhook"))
                .map(e -> ApiResponse.of(WebhookViews.endpoint(e, secrets.shown(e))));
    }

    @PATCH
    @Path("/{pk}/")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change the URL (checked and tested as on configuration)")
    public Uni<ApiResponse<WebhookViews.Message>> patch(@RestPath String pk, JsonNode body) {
        String url = url(body);
        return endpoints.changeUrl(Partners.of(token), PathIds.number(pk, "Webhook"), url)
                .map(e -> ApiResponse.of(new WebhookViews.Message("Votre url a bien été modifiée.")));
    }

    @DELETE
    @Path("/{pk}/")
    @Operation(summary = "Delete the endpoint and its deliveries")
    public Uni<ApiResponse<WebhookViews.Message>> delete(@RestPath String pk) {
        return endpoints.delete(Partners.of(token), PathIds.number(pk, "Webhook"))
                .map(ignored -> ApiResponse.of(new WebhookViews.Message("Votre webhook a bien été supprimé.")));
    }

    @POST
    @Path("/{pk}/rotate-secret/")
    @Operation(summary = "A new signing secret (shown once); the old one keeps signing beside it for 24 h")
    public Uni<ApiResponse<WebhookViews.Configured>> rotate(@RestPath String pk) {
        return endpoints.rotateSecret(Partners.of(token), PathIds.number(pk, "Webhook")).map(shown -> ApiResponse.of(
                new WebhookViews.Configured("Votre secret a bien été renouvelé.", shown.endpoint().id, shown.endpoint().url,
                        shown.secret(), shown.endpoint().createdAt)));
    }

    @POST
    @Path("/{pk}/test/")
    @Operation(summary = "Send a signed webhook.test event now and show what the endpoint answered")
    @APIResponse(responseCode = "409", description = "The endpoint's signing secret cannot be opened here any more "
            + "(`secret_unreadable`, also on a URL change or a configuration again): rotate it")
    public Uni<ApiResponse<WebhookViews.TestView>> test(@RestPath String pk) {
        return endpoints.test(Partners.of(token), PathIds.number(pk, "Webhook")).map(r -> ApiResponse.of(WebhookViews.test(r)));
    }

    @POST
    @Path("/{pk}/enable/")
    @Operation(summary = "Enable a disabled endpoint: its pending deliveries leave again")
    public Uni<ApiResponse<WebhookViews.EndpointView>> enable(@RestPath String pk) {
        return endpoints.enable(Partners.of(token), PathIds.number(pk, "Webhook")).invoke(worker::wake)
                .map(e -> ApiResponse.of(WebhookViews.endpoint(e, secrets.shown(e))));
    }

    @GET
    @Path("/{pk}/deliveries/")
    @Operation(summary = "The endpoint's deliveries, newest first, with every attempt; filters status, createdAfter, createdBefore")
    public Uni<ApiResponse<List<WebhookViews.DeliveryView>>> deliveries(@RestPath String pk, @RestQuery String page,
            @RestQuery String limit, @RestQuery String status, @RestQuery String createdAfter, @RestQuery String createdBefore) {
        PageRequest request = PageRequest.parse(page, limit);
        if (status != null && !STATUSES.contains(status)) {
            throw ApiException.invalidValue(List.of(new FieldError("status", "one of pending, delivered, failed")));
        }
        DeliveryLog.Filter filter = new DeliveryLog.Filter(status, instant("createdAfter", createdAfter),
                instant("createdBefore", createdBefore));
        return deliveries.page(Partners.of(token), PathIds.number(pk, "Webhook"), filter, request).map(found -> ApiResponse.page(
                found.deliveries().stream().map(WebhookViews::delivery).toList(), request, found.total()));
    }

    @POST
    @Path("/deliveries/{id}/retry/")
    @Operation(summary = "Send a delivery again now")
    public Uni<ApiResponse<WebhookViews.Message>> retry(@RestPath String id) {
        return deliveries.retry(Partners.of(token), PathIds.number(id, "Delivery")).invoke(worker::wake)
                .map(d -> ApiResponse.of(new WebhookViews.Message("La livraison va être renvoyée.")));
    }

    public record Recovered(String message, int deliveries) {
    }

    @POST
    @Path("/{pk}/recover/")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Send again every failed delivery since a time: {\"since\": \"2026-11-20T00:00:00Z\"}")
    public Uni<ApiResponse<Recovered>> recover(@RestPath String pk, JsonNode body) {
        JsonNode since = body == null || !body.isObject() ? null : body.get("since");
        Instant from = since == null || !since.isTextual() ? null : instant("since", since.asText());
        if (from == null) {
            throw ApiException.invalidValue(List.of(new FieldError("since", "an ISO-8601 instant, e.g. 2026-11-20T00:00:00Z")));
        }
        return deliveries.recover(Partners.of(token), PathIds.number(pk, "Webhook"), from).invoke(worker::wake)
                .map(n -> ApiResponse.of(new Recovered("Les livraisons échouées vont être renvoyées.", n)));
    }

    /** The body's url; any other field, or none, is a 400. */
    private static String url(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw ApiException.invalidValue(List.of(new FieldError("url", "a JSON object {\"url\": …}")));
        }
        List<FieldError> errors = new java.util.ArrayList<>();
        body.fieldNames().forEachRemaining(name -> {
            if (!"url".equals(name)) {
                errors.add(new FieldError(name, "unknown field"));
            }
        });
        JsonNode url = body.get("url");
        if (url == null || !url.isTextual()) {
            errors.add(0, new FieldError("url", "required, a text"));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalidValue(errors);
        }
        return url.asText();
    }

    private static Instant instant(String field, String value) {
        if (value == null) {
            return null;
        }
        try {
            Instant instant = Instant.parse(value);
            if (instant.isBefore(Instant.EPOCH) || !Timestamps.comparable(instant)) {
                throw new DateTimeParseException("out of range", value, 0);
            }
            return instant;
        } catch (DateTimeParseException e) {
            throw ApiException.invalidValue(List.of(new FieldError(field, "an ISO-8601 instant, e.g. 2026-11-20T00:00:00Z")));
        }
    }

    /**
     * The endpoint's secret was sealed under an encryption key this deployment no longer has: the
     * partner cannot be shown it nor have anything signed with it until a rotation makes a new one.
     */
    @ServerExceptionMapper
    public Response unreadableSecret(SigningSecrets.Unreadable e) {
        LOG.warnf("A webhook signing secret cannot be opened (check partnerb2b.encryption.keys): %s", e.getMessage());
        return ErrorMappers.toResponse(409, "secret_unreadable", "Webhook secret unreadable", List.of(new FieldError("secret",
                "PartnerB2B can no longer open this endpoint's signing secret: rotate it (POST /api/v1/webhooks/{pk}/rotate-secret/)")));
    }
}
