package com.partnerb2b.platform.test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

/**
 * The event schemas of {@code docs/asyncapi.yaml}, as JSON Schema (2020-12): a component schema
 * becomes the root of one document whose {@code $defs} are all the component schemas, with
 * {@code #/components/schemas/X} references rewritten to {@code #/$defs/X}.
 */
public final class EventSchemas {

    private static final String COMPONENT_REF = "#/components/schemas/";
    private static final ObjectMapper JSON = new ObjectMapper();

    private EventSchemas() {
    }

    /** The document itself, read from the repository's docs folder. */
    public static JsonNode asyncApi() throws IOException {
        return new ObjectMapper(new YAMLFactory()).readTree(Files.readString(asyncApiFile()));
    }

    /** The validation errors of {@code json} against the component schema {@code name}; empty when it conforms. */
    public static List<String> problems(String name, String json) throws IOException {
        return schema(name).validate(json, InputFormat.JSON).stream().map(Error::toString).toList();
    }

    public static Schema schema(String name) throws IOException {
        JsonNode components = asyncApi().path("components").path("schemas");
        if (!components.has(name)) {
            throw new AssertionError("no schema " + name + " in docs/asyncapi.yaml");
        }
        ObjectNode document = JSON.createObjectNode();
        document.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        document.put("$ref", "#/$defs/" + name);
        document.set("$defs", withLocalRefs(components.deepCopy()));
        return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(document.toString(), InputFormat.JSON);
    }

    private static JsonNode withLocalRefs(JsonNode node) {
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            for (Map.Entry<String, JsonNode> field : object.properties()) {
                if ("$ref".equals(field.getKey())) {
                    String ref = field.getValue().asText();
                    if (!ref.startsWith(COMPONENT_REF)) {
                        throw new AssertionError("unexpected reference " + ref);
                    }
                    object.put("$ref", "#/$defs/" + ref.substring(COMPONENT_REF.length()));
                } else {
                    withLocalRefs(field.getValue());
                }
            }
        } else if (node.isArray()) {
            node.forEach(EventSchemas::withLocalRefs);
        }
        return node;
    }

    private static Path asyncApiFile() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("docs").resolve("asyncapi.yaml");
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new AssertionError("docs/asyncapi.yaml not found above " + Path.of("").toAbsolutePath());
    }
}
