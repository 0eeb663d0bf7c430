package com.partnerb2b.localstack.apidoc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * Builds the one public OpenAPI document from the documents the services generate from their own code
 * ({@code <service>/target/openapi/openapi.json}, written by each service's Quarkus build). Run by
 * local-stack's build (the reactor's last module), so the document the gateway serves is remade from the
 * services every build and cannot drift from them.
 *
 * <p>Paths are taken as they are, with the trailing slash the partner contract writes; internal paths
 * ({@code /q/…}) are left out; a path two services claim, or a component two services define
 * differently, stops the build.
 */
public final class ApiDocumentMerge {

    /** Where the gateway finds the merged document on its classpath. */
    public static final String RESOURCE = "openapi/partnerb2b-api.json";
    public static final String DOCUMENT_PATH = "/api/v1/openapi.json";

    static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> COMPONENT_KINDS = List.of("schemas", "responses", "parameters", "examples",
            "requestBodies", "headers", "securitySchemes");
    private static final Map<String, String> TAG_DESCRIPTIONS = tagDescriptions();

    private ApiDocumentMerge() {
    }

    /** {@code <repository root> <output file> <version>}. */
    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            throw new IllegalArgumentException("usage: ApiDocumentMerge <repository root> <output file> <version>");
        }
        Path root = Path.of(args[0]).toAbsolutePath().normalize();
        ObjectNode merged = merge(serviceDocuments(root), args[2]);
        Path out = Path.of(args[1]);
        Files.createDirectories(out.getParent());
        JSON.writerWithDefaultPrettyPrinter().writeValue(out.toFile(), merged);
        System.out.printf("[openapi] %s: %d paths from %s%n", out, merged.path("paths").size(),
                String.join(", ", serviceNames(root)));
    }

    /** The services of {@code deploy/routes.yaml}, in its order. */
    public static List<String> serviceNames(Path root) throws IOException {
        JsonNode routes = new ObjectMapper(new YAMLFactory()).readTree(root.resolve("deploy/routes.yaml").toFile());
        List<String> names = new ArrayList<>();
        routes.path("services").fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** Each service's own generated document, by service name. */
    public static Map<String, JsonNode> serviceDocuments(Path root) throws IOException {
        Map<String, JsonNode> documents = new LinkedHashMap<>();
        for (String service : serviceNames(root)) {
            Path file = root.resolve(service).resolve("target/openapi/openapi.json");
            if (!Files.isRegularFile(file)) {
                throw new IllegalStateException(file + " is missing: build " + service + " first (its Quarkus build writes it; "
                        + "local-stack is the reactor's last module for this reason)");
            }
            documents.put(service, JSON.readTree(file.toFile()));
        }
        return documents;
    }

    /** The path as the partner contract writes it: with a trailing slash, unless it names a file. */
    public static String publicForm(String path) {
        String last = path.substring(path.lastIndexOf('/') + 1);
        return path.endsWith("/") || last.contains(".") ? path : path + "/";
    }

    public static boolean internal(String path) {
        return path.equals("/q") || path.startsWith("/q/");
    }

    public static ObjectNode merge(Map<String, JsonNode> documents, String version) {
        ObjectNode merged = JSON.createObjectNode();
        merged.put("openapi", "3.1.0");
        merged.set("info", info(version));
        merged.putArray("servers").addObject().put("url", "http://127.0.0.1:8080")
                .put("description", "The gateway of ./partnerb2b start (the same paths behind any PartnerB2B gateway)");
        ArrayNode tags = merged.putArray("tags");
        ObjectNode paths = merged.putObject("paths");
        ObjectNode components = merged.putObject("components");
        Map<String, String> pathOwners = new LinkedHashMap<>();
        Set<String> tagNames = new LinkedHashSet<>();
        Set<String> operationIds = new LinkedHashSet<>();
        documents.forEach((service, document) -> {
            document.path("paths").fields().forEachRemaining(entry -> {
                if (internal(entry.getKey())) {
                    return;
                }
                String path = publicForm(entry.getKey());
                String owner = pathOwners.putIfAbsent(path, service);
                if (owner != null) {
                    throw new IllegalStateException(path + " is in the documents of both " + owner + " and " + service);
                }
                paths.set(path, entry.getValue().deepCopy());
                entry.getValue().fields().forEachRemaining(operation -> {
                    operation.getValue().path("tags").forEach(tag -> tagNames.add(tag.asText()));
                    String id = operation.getValue().path("operationId").asText(null);
                    if (id != null && !operationIds.add(id)) {
                        throw new IllegalStateException("operationId " + id + " is used twice (" + service + ")");
                    }
                });
            });
            for (String kind : COMPONENT_KINDS) {
                Iterator<Map.Entry<String, JsonNode>> entries = document.path("components").path(kind).fields();
                while (entries.hasNext()) {
                    Map.Entry<String, JsonNode> entry = entries.next();
                    ObjectNode target = components.has(kind) ? (ObjectNode) components.get(kind) : components.putObject(kind);
                    JsonNode existing = target.get(entry.getKey());
                    if (existing != null && !existing.equals(entry.getValue())) {
                        throw new IllegalStateException("components." + kind + "." + entry.getKey() + " differs between " + service
                                + " and a service before it: give one of them another name");
                    }
                    target.set(entry.getKey(), entry.getValue().deepCopy());
                }
            }
        });
        tagNames.add(DOCUMENTATION_TAG);
        paths.set(DOCUMENT_PATH, thisDocument());
        for (String name : tagNames) {
            ObjectNode tag = tags.addObject().put("name", name);
            String description = TAG_DESCRIPTIONS.get(name);
            if (description != null) {
                tag.put("description", description);
            }
        }
        return merged;
    }

    private static final String DOCUMENTATION_TAG = "Documentation";

    private static ObjectNode thisDocument() {
        ObjectNode item = JSON.createObjectNode();
        ObjectNode get = item.putObject("get");
        get.put("summary", "This document (OpenAPI 3.1); Swagger UI at /api/v1/docs/");
        get.put("operationId", "Gateway_openapi");
        get.putArray("tags").add(DOCUMENTATION_TAG);
        get.putArray("security");
        ObjectNode ok = get.putObject("responses").putObject("200");
        ok.put("description", "The merged OpenAPI document of every service");
        ok.putObject("content").putObject("application/json").putObject("schema").put("type", "object");
        return item;
    }

    private static ObjectNode info(String version) {
        ObjectNode info = JSON.createObjectNode();
        info.put("title", "PartnerB2B API");
        info.put("version", version);
        info.put("summary", "Credit trust API: profiles of a partner's customers, their analysis and score, signed webhooks");
        info.put("description", """
                The partner contract of PartnerB2B: same paths, field names and messages as the existing API.

                * **Envelope**: every success is `{"data": …, "meta": {"timestamp", "request_id"}}` (lists add `page`, `limit`, \
                `total`, `total_pages`); every error is `{"error": {"code", "message", "details"}, "meta": {…}}` \
                (`ErrorResponse`), `details` always a list of `{field, message}`. Error catalogue: docs/errors.md.
                * **Authentication**: POST /api/v1/auth/token/ with the API key gives an access token (1 h) and a refresh \
                token (1 week); send `Authorization: Bearer <access>`. Without a valid token every other /api/ and /admin/ path \
                answers 401 before anything else. Tokens are ES256 JWTs verifiable with /.well-known/jwks.json.
                * **Paths** work with or without their trailing slash. `X-Request-Id` is echoed (or made) on every answer.
                * **Rate limit**: 100 requests a minute per partner by default; `X-RateLimit-Limit`, `X-RateLimit-Remaining`, \
                `X-RateLimit-Reset` on every authenticated answer, 429 with `Retry-After` past it.
                * **Gateway**: 502 `bad_gateway`, 503 `service_unavailable`, 504 `gateway_timeout` when a service is away.
                * **Operator** paths (/admin/v1/…, tags `Operator: …`) need a token issued for the operator key.
                * Webhook signatures and samples: docs/webhooks.md; a walk-through: docs/quick-start.md.""");
        info.putObject("contact").put("name", "Alberture (PartnerB2B operator)").put("url", "https://partnerb2b.example");
        return info;
    }

    private static Map<String, String> tagDescriptions() {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("Authentification", "API key → access and refresh tokens; the public keys that verify them");
        tags.put("Liste des attributs", "The catalogue of attributes a profile is made of");
        tags.put("Profils", "Profiles of a partner's customers: create, modify, delete, submit");
        tags.put("Documents", "Documents of a profile (form-data upload, metadata, content)");
        tags.put("Analyses", "Analyses of submitted profiles: score, grade, decision, reasons, affordability");
        tags.put("Webhooks", "The partner's endpoint for signed analysis outcomes, and its deliveries");
        tags.put("Operator: partners", "Operator only: partners and their API keys");
        tags.put("Operator: catalogue", "Operator only: extend the attribute catalogue");
        tags.put("Operator: analyses", "Operator only: analysis quotas and the active scorecard");
        tags.put(DOCUMENTATION_TAG, "This document");
        return tags;
    }
}
