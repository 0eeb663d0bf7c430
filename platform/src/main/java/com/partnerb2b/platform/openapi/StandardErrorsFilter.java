package com.partnerb2b.platform.openapi;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * What every service's OpenAPI document shares, written once: the error envelope, the bearer JWT
 * scheme, and each operation's standard error answers. Runs at build time, so the document a service
 * stores ({@code target/openapi}) is the one it serves.
 *
 * <p>Which operations need a token is read from the configuration that enforces it
 * ({@code quarkus.http.auth.permission.apis.paths} minus {@code ….public.paths}), not declared a
 * second time. An answer an operation documents itself with a body (a resource's {@code @APIResponse}) is kept.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class StandardErrorsFilter implements OASFilter {

    static final String BEARER = "bearer";
    private static final Set<PathItem.HttpMethod> WRITES = Set.of(PathItem.HttpMethod.POST, PathItem.HttpMethod.PUT,
            PathItem.HttpMethod.PATCH, PathItem.HttpMethod.DELETE);

    private final List<String> guardedPrefixes;
    private final Set<String> publicPaths;

    public StandardErrorsFilter() {
        this(ConfigProvider.getConfig());
    }

    StandardErrorsFilter(Config config) {
        this.guardedPrefixes = config.getOptionalValue("quarkus.http.auth.permission.apis.paths", String.class)
                .map(StandardErrorsFilter::split).orElse(List.of()).stream()
                .map(path -> path.endsWith("*") ? path.substring(0, path.length() - 1) : path).toList();
        this.publicPaths = Set.copyOf(config.getOptionalValue("quarkus.http.auth.permission.public.paths", String.class)
                .map(StandardErrorsFilter::split).orElse(List.of()).stream().map(StandardErrorsFilter::bare).toList());
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        Components components = openAPI.getComponents();
        ErrorDocumentation.schemas().forEach(components::addSchema);
        ErrorDocumentation.responses().forEach(components::addResponse);
        components.addSecurityScheme(BEARER, OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                .description("The access token from POST /api/v1/auth/token/ (ES256, 1 hour): "
                        + "`Authorization: Bearer <access>`."));
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations()
                .forEach((method, operation) -> document(path, method, operation)));
    }

    private void document(String path, PathItem.HttpMethod method, Operation operation) {
        boolean guarded = guarded(path);
        boolean hasBody = operation.getRequestBody() != null;
        List<Parameter> parameters = operation.getParameters() == null ? List.of() : operation.getParameters();
        boolean hasQuery = parameters.stream().anyMatch(p -> p.getIn() == Parameter.In.QUERY);
        boolean idempotent = parameters.stream().anyMatch(p -> p.getIn() == Parameter.In.HEADER
                && "Idempotency-Key".equalsIgnoreCase(p.getName()));
        Map<String, String> answers = new LinkedHashMap<>();
        if (hasBody || hasQuery) {
            answers.put("400", ErrorDocumentation.BAD_REQUEST);
        }
        if (guarded) {
            SecurityRequirement bearer = OASFactory.createSecurityRequirement().addScheme(BEARER);
            operation.setSecurity(new ArrayList<>(List.of(bearer)));
            answers.put("401", ErrorDocumentation.UNAUTHORIZED);
            answers.put("403", ErrorDocumentation.FORBIDDEN);
        } else {
            operation.setSecurity(new ArrayList<>());
        }
        if (path.contains("{")) {
            answers.put("404", ErrorDocumentation.NOT_FOUND);
        }
        if (guarded && WRITES.contains(method)) {
            answers.put("409", ErrorDocumentation.CONFLICT);
        }
        if (hasBody) {
            answers.put("413", ErrorDocumentation.PAYLOAD_TOO_LARGE);
            answers.put("415", ErrorDocumentation.UNSUPPORTED_MEDIA_TYPE);
        }
        if (idempotent) {
            answers.put("422", ErrorDocumentation.IDEMPOTENCY_KEY_REUSED);
        }
        if (guarded) {
            answers.put("429", ErrorDocumentation.TOO_MANY_REQUESTS);
        }
        answers.put("503", ErrorDocumentation.SERVICE_UNAVAILABLE);
        APIResponses responses = operation.getResponses() == null ? OASFactory.createAPIResponses() : operation.getResponses();
        answers.forEach((status, name) -> {
            // Kept: an answer the resource documents with a body; replaced: a bare description (Quarkus's own 401/403).
            org.eclipse.microprofile.openapi.models.responses.APIResponse own = responses.getAPIResponse(status);
            if (own == null || own.getRef() == null && own.getContent() == null) {
                responses.addAPIResponse(status, OASFactory.createAPIResponse().ref(name));
            }
        });
        operation.setResponses(responses);
    }

    private boolean guarded(String path) {
        return guardedPrefixes.stream().anyMatch(path::startsWith) && !publicPaths.contains(bare(path));
    }

    private static List<String> split(String paths) {
        return Arrays.stream(paths.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static String bare(String path) {
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
