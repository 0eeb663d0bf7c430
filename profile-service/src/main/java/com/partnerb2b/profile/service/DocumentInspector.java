package com.partnerb2b.profile.service;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.tika.Tika;
import org.apache.tika.mime.MimeType;
import org.apache.tika.mime.MimeTypeException;
import org.apache.tika.mime.MimeTypes;

import com.partnerb2b.platform.error.ApiException;
import com.partnerb2b.platform.error.FieldError;
import com.partnerb2b.profile.repository.Attribute;

/**
 * Checks an uploaded file against its attribute: size against {@code maxSize} (413), real type
 * detected from the bytes — never the name — against {@code acceptedFormat}, and a PDF must parse.
 * Blocking (file and parsing work): called on a worker thread.
 */
@ApplicationScoped
public class DocumentInspector {

    public static final long DEFAULT_MAX_SIZE = 10L * 1024 * 1024;
    private static final Map<String, Set<String>> FORMATS = Map.of(
            "pdf", Set.of("application/pdf"),
            "jpg", Set.of("image/jpeg"),
            "jpeg", Set.of("image/jpeg"),
            "png", Set.of("image/png"));

    public record Inspected(byte[] content, String contentType) {
    }

    private final Tika tika = new Tika();
    /** Tika's definitions of the accepted types, by name. */
    private final Map<String, MimeType> acceptable = acceptableTypes();

    public Inspected inspect(Attribute attribute, Path file, long size) {
        long maxSize = attribute.maxSize == null ? DEFAULT_MAX_SIZE : attribute.maxSize;
        if (size > maxSize) {
            throw new ApiException(413, "payload_too_large", "File too large",
                    List.of(new FieldError("file", "at most " + maxSize + " bytes")));
        }
        if (size == 0) {
            throw invalid("empty file");
        }
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the uploaded file", e);
        }
        List<String> accepted = attribute.acceptedFormat == null ? List.of("pdf")
                : Arrays.stream(attribute.acceptedFormat.split(",")).map(String::strip).map(String::toLowerCase).toList();
        String detected = detect(content, accepted);
        boolean allowed = accepted.stream().anyMatch(format -> FORMATS.getOrDefault(format, Set.of()).contains(detected));
        if (!allowed) {
            throw invalid("expected " + String.join(", ", accepted) + ", got " + detected);
        }
        if ("application/pdf".equals(detected)) {
            try (PDDocument pdf = Loader.loadPDF(content)) {
                if (pdf.getNumberOfPages() < 1) {
                    throw invalid("the PDF has no page");
                }
            } catch (IOException | RuntimeException | StackOverflowError e) {
                // PDFBox may fail in many ways on a crafted file: every one of them is a bad document
                if (e instanceof ApiException api) {
                    throw api;
                }
                throw invalid("the PDF cannot be read");
            }
        }
        return new Inspected(content, detected);
    }

    /**
     * The bytes' type: an accepted one if they bear its signature (Tika's magic for that type alone), else
     * what Tika detects among every type it knows, to tell the partner what was sent. Detecting among them
     * all for every upload was a quarter of an upload's CPU (bench/RESULTS.md, session 18).
     */
    private String detect(byte[] content, List<String> accepted) {
        for (String format : accepted) {
            for (String type : FORMATS.getOrDefault(format, Set.of())) {
                if (acceptable.get(type).matchesMagic(content)) {
                    return type;
                }
            }
        }
        return tika.detect(content);
    }

    private static Map<String, MimeType> acceptableTypes() {
        MimeTypes types = MimeTypes.getDefaultMimeTypes();
        Map<String, MimeType> byName = new HashMap<>();
        try {
            for (Set<String> names : FORMATS.values()) {
                for (String name : names) {
                    byName.put(name, types.forName(name));
                }
            }
        } catch (MimeTypeException e) {
            throw new IllegalStateException("Tika does not know an accepted type", e);
        }
        return Map.copyOf(byName);
    }

    private static ApiException invalid(String why) {
        return new ApiException(400, "invalid_file_format", "Invalid file format", List.of(new FieldError("file", why)));
    }
}
