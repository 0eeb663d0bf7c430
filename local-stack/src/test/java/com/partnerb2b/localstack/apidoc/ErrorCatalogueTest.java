package com.partnerb2b.localstack.apidoc;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * docs/errors.md lists every error the sources can send: each status, code and message found in the main
 * sources of every module (platform, services, gateway) must be on one row of its table.
 */
class ErrorCatalogueTest {

    record Error(String status, String code, String message, String where) {
    }

    private static final Pattern CONSTANT = Pattern.compile("static final String ([A-Z_]+)\\s*=\\s*\"([^\"]*)\";");
    /** new ApiException(400, "code", "message" | SOME.CONSTANT, …) */
    private static final Pattern API_EXCEPTION = Pattern.compile(
            "new ApiException\\(\\s*(\\d{3}),\\s*\"([a-z0-9_]+)\",\\s*(?:\"([^\"]*)\"|(?:[A-Za-z]+\\.)?([A-Z_]+)\\b)");
    /** ErrorMappers.toResponse, HttpEnvelopeRoutes.write and the gateway's error: (status, "code", "message"). */
    private static final Pattern WRITTEN = Pattern.compile(
            "(?:toResponse|write|error)\\(\\s*(?:rc,\\s*|vertx,\\s*request,\\s*)?(\\d{3}),\\s*\"([a-z0-9_]+)\",\\s*\"([^\"]*)\"");
    private static final Pattern NOT_FOUND = Pattern.compile(
            "(?:ApiException\\.notFound\\(|PathIds\\.(?:number|uuid)\\([^,()]+,\\s*)\"(\\w+)\"\\)");
    private static final Pattern CONFLICT = Pattern.compile("ApiException\\.conflict\\(\"([^\"]+)\"\\)");
    /** ProfileValidator's message → code switch, and the gateway's status → code switch. */
    private static final Pattern CODE_CASE = Pattern.compile("case ([A-Z_]+|\\d{3}) -> \"([a-z_]+)\"");
    /** The address guard's reasons, sent as invalid_webhook. */
    private static final Pattern WEBHOOK_REFUSED = Pattern.compile("new TargetRefused\\(TargetRefused\\.([A-Z_]+)|refused\\(\"([^\"]+)\"");

    @Test
    void every_error_the_sources_can_send_is_in_docs_errors_md() throws IOException {
        Path root = ApiDocumentTest.ROOT;
        Map<Path, String> sources = new HashMap<>();
        try (Stream<Path> modules = Files.list(root)) {
            for (Path module : modules.filter(m -> Files.isDirectory(m.resolve("src/main/java"))).toList()) {
                try (Stream<Path> files = Files.walk(module.resolve("src/main/java"))) {
                    for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                        sources.put(root.relativize(file), Files.readString(file));
                    }
                }
            }
        }
        Map<String, String> constants = new HashMap<>();
        sources.values().forEach(source -> each(CONSTANT, source, m -> constants.putIfAbsent(m.group(1), m.group(2))));
        Set<Error> errors = new LinkedHashSet<>();
        sources.forEach((file, source) -> {
            String where = file.toString();
            each(API_EXCEPTION, source, m -> errors.add(new Error(m.group(1), m.group(2),
                    m.group(3) != null ? m.group(3) : constants.get(m.group(4)), where)));
            each(WRITTEN, source, m -> errors.add(new Error(m.group(1), m.group(2), m.group(3), where)));
            each(NOT_FOUND, source, m -> errors.add(new Error("404", "not_found", m.group(1) + " Not Found", where)));
            each(CONFLICT, source, m -> errors.add(new Error("409", "conflict", m.group(1), where)));
            each(CODE_CASE, source, m -> errors.add(m.group(1).matches("\\d{3}")
                    ? new Error(m.group(1), m.group(2), null, where)
                    : new Error("400", m.group(2), constants.get(m.group(1)), where)));
            each(WEBHOOK_REFUSED, source, m -> errors.add(new Error("400", "invalid_webhook",
                    m.group(2) != null ? m.group(2) : constants.get(m.group(1)), where)));
        });
        assertTrue(errors.size() > 40, "the scan found only " + errors.size() + " errors: has the code changed shape?");

        List<String> rows = Files.readAllLines(root.resolve("docs/errors.md")).stream().filter(l -> l.startsWith("| ")).toList();
        List<String> missing = new ArrayList<>();
        for (Error error : errors) {
            boolean listed = rows.stream().anyMatch(row -> row.startsWith("| " + error.status() + " |")
                    && row.contains("`" + error.code() + "`") && (error.message() == null || row.contains(error.message())));
            if (!listed) {
                missing.add(error.status() + " " + error.code() + " \"" + error.message() + "\" (" + error.where() + ")");
            }
        }
        assertTrue(missing.isEmpty(), "Missing from docs/errors.md:\n  " + String.join("\n  ", missing));
    }

    private static void each(Pattern pattern, String source, java.util.function.Consumer<Matcher> action) {
        Matcher matcher = pattern.matcher(source);
        while (matcher.find()) {
            action.accept(matcher);
        }
    }
}
