package com.partnerb2b.localstack.apidoc;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import io.vertx.core.buffer.Buffer;

/**
 * What the gateway serves itself: the merged OpenAPI document ({@link ApiDocumentMerge#DOCUMENT_PATH}) and
 * Swagger UI under {@link #DOCS_PATH}, its files from the swagger-ui webjar and its start page from this
 * module. Everything is read from the classpath once; a file name outside the webjar's is simply not found.
 */
public final class ApiDocs {

    public static final String DOCS_PATH = "/api/v1/docs/";

    /** A file served from the docs folder: its bytes and content type. */
    public record File(Buffer content, String contentType) {
    }

    private static final String WEBJAR = "META-INF/resources/webjars/swagger-ui/";
    private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final Map<String, String> TYPES = Map.of("js", "text/javascript; charset=utf-8", "css",
            "text/css; charset=utf-8", "html", "text/html; charset=utf-8", "png", "image/png", "json",
            "application/json", "map", "application/json");

    private final ClassLoader loader;
    private final String webjarVersion;
    private final Buffer document;
    private final Map<String, File> files = new ConcurrentHashMap<>();

    public ApiDocs() {
        this(ApiDocs.class.getClassLoader());
    }

    ApiDocs(ClassLoader loader) {
        this.loader = loader;
        this.webjarVersion = webjarVersion(loader);
        byte[] merged = read(ApiDocumentMerge.RESOURCE);
        this.document = merged == null ? null : Buffer.buffer(merged);
        for (String name : new String[] { "index.html", "swagger-initializer.js", "swagger-ui.css", "index.css",
                "swagger-ui-bundle.js", "swagger-ui-standalone-preset.js", "favicon-32x32.png", "favicon-16x16.png" }) {
            file(name);
        }
    }

    /** The merged document, or null when this build has none (a gateway run from sources without its build). */
    public Buffer document() {
        return document;
    }

    /** A file of the docs folder by its name ("" is the start page), or null. */
    public File file(String name) {
        String file = name.isEmpty() ? "index.html" : name;
        if (!FILE_NAME.matcher(file).matches()) {
            return null;
        }
        return files.computeIfAbsent(file, this::load);
    }

    private File load(String name) {
        // The start page and its script are this module's (pointing at our document), the rest the webjar's.
        byte[] bytes = read("swagger-ui/" + name);
        if (bytes == null && webjarVersion != null) {
            bytes = read(WEBJAR + webjarVersion + "/" + name);
        }
        if (bytes == null) {
            return null;
        }
        String extension = name.substring(name.lastIndexOf('.') + 1);
        return new File(Buffer.buffer(bytes), TYPES.getOrDefault(extension, "application/octet-stream"));
    }

    private byte[] read(String resource) {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
    }

    private static String webjarVersion(ClassLoader loader) {
        try (InputStream in = loader.getResourceAsStream("META-INF/maven/org.webjars/swagger-ui/pom.properties")) {
            if (in == null) {
                return null;
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the swagger-ui webjar's version", e);
        }
    }
}
