package com.partnerb2b.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;

/** The chart through the Helm library (helm-java): template and lint, with values files and --set. */
final class ChartRenderer {

    static final String RELEASE = "partnerb2b";
    /** The oldest Kubernetes the chart supports (Chart.yaml kubeVersion): its APIs are the ones rendered. */
    static final String KUBERNETES_VERSION = "v1.25.0";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final List<Path> valuesFiles = new ArrayList<>();
    private final Map<String, Object> sets = new LinkedHashMap<>();

    ChartRenderer() {
    }

    static ChartRenderer defaults() {
        return new ChartRenderer();
    }

    static ChartRenderer production() {
        return new ChartRenderer().values(ProjectFiles.PRODUCTION_VALUES);
    }

    ChartRenderer values(Path file) {
        valuesFiles.add(file);
        return this;
    }

    ChartRenderer set(String key, Object value) {
        sets.put(key, value);
        return this;
    }

    /** helm template; throws IllegalStateException with Helm's message when the chart refuses the values. */
    String renderText() {
        TemplateCommand template = new Helm(ProjectFiles.CHART).template().withName(RELEASE).withNamespace("partnerb2b")
                .withKubeVersion(KUBERNETES_VERSION);
        valuesFiles.forEach(template::withValuesFile);
        sets.forEach(template::set);
        return template.call();
    }

    RenderedManifests render() {
        return RenderedManifests.parse(renderText());
    }

    /**
     * helm lint --strict. The library's lint takes no values file, so the chart is copied with the
     * values files merged into its values.yaml (maps merged key by key, anything else replaced: as Helm does).
     */
    LintResult lintStrict() {
        if (valuesFiles.isEmpty() && sets.isEmpty()) {
            return new Helm(ProjectFiles.CHART).lint().strict().call();
        }
        if (!sets.isEmpty()) {
            throw new IllegalStateException("lint takes values files only");
        }
        try {
            Path copy = Files.createTempDirectory("partnerb2b-chart").resolve("partnerb2b");
            copyTree(ProjectFiles.CHART, copy);
            JsonNode merged = YAML.readTree(ProjectFiles.CHART.resolve("values.yaml").toFile());
            for (Path file : valuesFiles) {
                merge((ObjectNode) merged, YAML.readTree(file.toFile()));
            }
            YAML.writeValue(copy.resolve("values.yaml").toFile(), merged);
            return new Helm(copy).lint().strict().call();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void merge(ObjectNode target, JsonNode overrides) {
        for (Iterator<Map.Entry<String, JsonNode>> it = overrides.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode existing = target.get(field.getKey());
            if (existing instanceof ObjectNode existingObject && field.getValue().isObject()) {
                merge(existingObject, field.getValue());
            } else {
                target.set(field.getKey(), field.getValue());
            }
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
    }
}
