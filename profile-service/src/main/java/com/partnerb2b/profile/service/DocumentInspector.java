package com.partnerb2b.profile.service;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.tika.Tika;

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
        String detected = tika.detect(content);
        List<String> accepted = attribute.acceptedFormat == null ? List.of("pdf")
                : Arrays.stream(attribute.acceptedFormat.split(",")).map(String::strip).map(String::toLowerCase).toList();
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

    private static ApiException invalid(String why) {
        return new ApiException(400, "invalid_file_format", "Invalid file format", List.of(new FieldError("file", why)));
    }
}
