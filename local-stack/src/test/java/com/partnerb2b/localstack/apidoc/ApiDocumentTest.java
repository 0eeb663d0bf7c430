package com.partnerb2b.localstack.apidoc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.partnerb2b.localstack.RouteTable;

import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;

/**
 * The public OpenAPI document the gateway serves is the services' own documents, merged: nothing of a
 * service's document is missing from it, every public route of {@code deploy/routes.yaml} is in it and each
 * of its paths is routed to the service that documents it, and it is a valid OpenAPI 3.1 document.
 */
class ApiDocumentTest {

    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Set<String> ERROR_STATUSES_EVERY_OPERATION_HAS = Set.of("503");
    /** Routes that send a prefix to a service which has no operation there yet (answered 401/404 by the service). */
    private static final Set<String> ROUTES_WITHOUT_OPERATIONS = Set.of("/admin/v1/webhooks/");

    static JsonNode served;
    static Map<String, JsonNode> services;

    @BeforeAll
    static void load() throws Exception {
        try (InputStream in = ApiDocumentTest.class.getClassLoader().getResourceAsStream(ApiDocumentMerge.RESOURCE)) {
            assertNotNull(in, ApiDocumentMerge.RESOURCE + " is not on the classpath: local-stack's build merges it");
            served = ApiDocumentMerge.JSON.readTree(in);
        }
        services = ApiDocumentMerge.serviceDocuments(ROOT);
    }

    @Test
    void the_served_document_is_the_merge_of_the_services_documents_as_they_are_now() {
        assertEquals(ApiDocumentMerge.merge(services, served.path("info").path("version").asText()), served,
                "The document in local-stack's classes is not the merge of the services' current documents: rebuild");
        assertEquals("3.1.0", served.path("openapi").asText());
    }

    @Test
    void every_operation_of_every_service_is_in_it_unchanged_and_nothing_internal() {
        int operations = 0;
        for (Map.Entry<String, JsonNode> service : services.entrySet()) {
            var paths = service.getValue().path("paths").fields();
            while (paths.hasNext()) {
                var path = paths.next();
                if (ApiDocumentMerge.internal(path.getKey())) {
                    continue;
                }
                JsonNode merged = served.path("paths").path(ApiDocumentMerge.publicForm(path.getKey()));
                var methods = path.getValue().fields();
                while (methods.hasNext()) {
                    var method = methods.next();
                    assertEquals(method.getValue(), merged.path(method.getKey()), service.getKey() + " " + method.getKey()
                            + " " + path.getKey() + " is not in the merged document as the service documents it");
                    operations++;
                }
            }
        }
        assertTrue(operations >= 40, "only " + operations + " operations found in the services' documents");
        served.path("paths").fieldNames().forEachRemaining(path -> assertTrue(!ApiDocumentMerge.internal(path), path));
    }

    @Test
    void every_route_is_documented_and_every_path_routes_to_the_service_that_documents_it() throws Exception {
        RouteTable routes = RouteTable.load(ROOT.resolve("deploy/routes.yaml"));
        List<String> samples = new ArrayList<>();
        served.path("paths").fieldNames().forEachRemaining(path -> samples.add(path.replaceAll("\\{[^}/]+}", "1")));
        for (RouteTable.Route route : routes.routes()) {
            boolean covered = samples.stream().anyMatch(path -> routes.serviceFor(path).equals(Optional.of(route.service()))
                    && (route.pattern() != null ? route.pattern().matcher(path).matches() : path.startsWith(route.prefix())));
            String name = route.pattern() != null ? route.pattern().pattern() : route.prefix();
            if (ROUTES_WITHOUT_OPERATIONS.contains(name)) {
                assertTrue(!covered, name + " is documented now: take it out of ROUTES_WITHOUT_OPERATIONS");
            } else {
                assertTrue(covered, "No documented path for the route " + name);
            }
        }
        for (Map.Entry<String, JsonNode> service : services.entrySet()) {
            service.getValue().path("paths").fieldNames().forEachRemaining(path -> {
                if (!ApiDocumentMerge.internal(path)) {
                    String sample = ApiDocumentMerge.publicForm(path).replaceAll("\\{[^}/]+}", "1");
                    assertEquals(Optional.of(service.getKey()), routes.serviceFor(sample),
                            path + " is documented by " + service.getKey() + " but the gateway routes it elsewhere");
                }
            });
        }
    }

    @Test
    void every_error_answer_is_the_error_envelope_and_guarded_operations_say_401() {
        List<String> problems = new ArrayList<>();
        served.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(method -> {
            String where = method.getKey().toUpperCase() + " " + path.getKey();
            JsonNode operation = method.getValue();
            JsonNode responses = operation.path("responses");
            boolean guarded = !operation.path("security").isEmpty();
            if (guarded && !responses.has("401")) {
                problems.add(where + ": needs a token but documents no 401");
            }
            if (!operation.has("security")) {
                problems.add(where + ": says nothing of security");
            }
            if (!path.getKey().equals(ApiDocumentMerge.DOCUMENT_PATH)) {
                ERROR_STATUSES_EVERY_OPERATION_HAS.stream().filter(s -> !responses.has(s)).forEach(s -> problems.add(where + ": no " + s));
            }
            if (path.getKey().contains("{") && !responses.has("404")) {
                problems.add(where + ": has a path parameter but no 404");
            }
            responses.fields().forEachRemaining(response -> {
                if (response.getKey().startsWith("4") || response.getKey().startsWith("5")) {
                    JsonNode resolved = resolve(response.getValue());
                    String schema = resolved.path("content").path("application/json").path("schema").path("$ref").asText();
                    if (!schema.equals("#/components/schemas/ErrorResponse")) {
                        problems.add(where + " " + response.getKey() + ": not the error envelope");
                    }
                    if (resolved.path("content").path("application/json").path("examples").isEmpty()) {
                        problems.add(where + " " + response.getKey() + ": no example");
                    }
                }
            });
        }));
        if (!problems.isEmpty()) {
            fail(String.join("\n", problems));
        }
    }

    @Test
    void every_reference_resolves() {
        List<String> missing = new ArrayList<>();
        served.findValues("$ref").forEach(ref -> {
            if (resolvePointer(ref.asText()).isMissingNode()) {
                missing.add(ref.asText());
            }
        });
        assertTrue(missing.isEmpty(), "Unresolved: " + missing);
    }

    @Test
    void it_is_a_valid_openapi_3_1_document_for_swagger_parser() throws Exception {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIParser().readContents(ApiDocumentMerge.JSON.writeValueAsString(served), null, options);
        assertNotNull(result.getOpenAPI(), String.valueOf(result.getMessages()));
        assertEquals("3.1.0", result.getOpenAPI().getOpenapi());
        assertTrue(result.getMessages() == null || result.getMessages().isEmpty(), String.join("\n", result.getMessages()));
        assertEquals(served.path("paths").size(), result.getOpenAPI().getPaths().size());
    }

    private static JsonNode resolve(JsonNode node) {
        return node.has("$ref") ? resolvePointer(node.get("$ref").asText()) : node;
    }

    private static JsonNode resolvePointer(String ref) {
        return ref.startsWith("#") ? served.at(ref.substring(1)) : com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }
}
