package com.partnerb2b.profile.rest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.partnerb2b.profile.repository.Attribute;
import com.partnerb2b.profile.repository.AttributeType;
import com.partnerb2b.profile.repository.Document;
import com.partnerb2b.profile.service.ProfileSnapshot;

/** Profiles and documents as the seed shows them. */
public final class ProfileViews {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ProfileViews() {
    }

    public record AttributeName(String name) {
    }

    public record ValueView(AttributeName attribute, Object value) {
    }

    /** Creation and list answers; {@code submissionId} names the current submission (null for a draft). */
    public record ProfileView(
            long pk,
            String status,
            @Schema(description = "The current submission (null for a draft)", type = SchemaType.STRING, format = "uuid",
                    nullable = true) UUID submissionId,
            Instant createdAt,
            Instant updatedAt,
            String externalReference,
            @JsonProperty("profileattribute_set") List<ValueView> values) {
    }

    /** The detail answer. */
    public record ProfileDetailView(
            long pk,
            String status,
            @Schema(description = "The current submission (null for a draft)", type = SchemaType.STRING, format = "uuid",
                    nullable = true) UUID submissionId,
            Instant createdAt,
            Instant updatedAt,
            String externalReference,
            @JsonProperty("profileattribute_set") List<ValueView> values,
            @JsonProperty("document_set") List<DocumentView> documents,
            @JsonProperty("last_analyse") JsonNode lastAnalyse) {
    }

    public record DocumentView(long pk, AttributeName attribute, String filename, long size, String contentType,
            String status, Instant uploadedAt, long profile) {
    }

    public static ProfileView summary(ProfileSnapshot snapshot) {
        var p = snapshot.profile();
        return new ProfileView(p.id, p.status, p.submissionId, p.createdAt, p.updatedAt, p.externalReference, values(snapshot.values()));
    }

    public static ProfileDetailView detail(ProfileSnapshot snapshot) {
        var p = snapshot.profile();
        JsonNode lastAnalyse = null;
        if (p.lastAnalysis != null) {
            try {
                lastAnalyse = JSON.readTree(p.lastAnalysis);
            } catch (Exception e) {
                lastAnalyse = null;
            }
        }
        return new ProfileDetailView(p.id, p.status, p.submissionId, p.createdAt, p.updatedAt, p.externalReference, values(snapshot.values()),
                snapshot.documents().stream().map(ProfileViews::document).toList(), lastAnalyse);
    }

    public static DocumentView document(Document d) {
        return new DocumentView(d.id, new AttributeName(d.attribute.name), d.filename, d.size, d.contentType, d.status,
                d.uploadedAt, d.profileId);
    }

    private static List<ValueView> values(Map<Attribute, List<String>> values) {
        List<ValueView> views = new ArrayList<>();
        values.forEach((attribute, list) -> list.forEach(text -> views.add(new ValueView(new AttributeName(attribute.name),
                AttributeType.JSON.equals(attribute.type) ? parse(text) : text))));
        return views;
    }

    private static Object parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            return json;
        }
    }
}
