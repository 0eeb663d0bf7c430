package com.partnerb2b.profile.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.partnerb2b.platform.error.ApiException;
import com.partnerb2b.platform.error.FieldError;
import com.partnerb2b.platform.sql.Timestamps;
import com.partnerb2b.profile.repository.Profile;
import com.partnerb2b.profile.repository.ProfileFilter;
import com.partnerb2b.profile.service.ProfileService;

/** Reads profile request bodies and list filters into what the service takes, or a 400 naming the field. */
final class ProfileRequests {

    private static final Set<String> STATUSES = Set.of(Profile.DRAFT, Profile.COMPLETE, Profile.ANALYZED);

    private ProfileRequests() {
    }

    /** The body's shape, for the OpenAPI document (the body is read by hand, to name each bad field). */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "ProfileRequest",
            description = "`attributes` is required on creation (POST) and replacement (PUT)")
    record Body(
            @org.eclipse.microprofile.openapi.annotations.media.Schema(description = "Attribute name → value, as the "
                    + "catalogue (GET /api/v1/metadata/) describes it; a list for a multiple choice, null removes (PATCH)")
            java.util.Map<String, Object> attributes,
            @org.eclipse.microprofile.openapi.annotations.media.Schema(description = "The partner's own reference, at most "
                    + "200 characters")
            String externalReference) {
    }

    static ProfileService.Changes changes(ObjectMapper mapper, String body, boolean attributesRequired)
            throws JsonProcessingException {
        if (body == null || body.isBlank()) {
            throw ApiException.invalidValue(List.of(new FieldError("body", "a JSON object is required")));
        }
        JsonNode root = mapper.readTree(body);
        if (!root.isObject()) {
            throw typeError("body");
        }
        JsonNode attributes = root.get("attributes");
        if (attributesRequired && (attributes == null || attributes.isNull())) {
            throw ApiException.invalidValue(List.of(new FieldError("attributes", "required")));
        }
        if (attributes != null && !attributes.isNull() && !attributes.isObject()) {
            throw typeError("attributes");
        }
        JsonNode reference = root.get("externalReference");
        if (reference != null && !reference.isNull() && !reference.isTextual()) {
            throw typeError("externalReference");
        }
        String text = reference == null || reference.isNull() ? null : reference.asText();
        if (text != null && com.partnerb2b.profile.service.ProfileValidator.hasControlCharacters(text)) {
            throw ApiException.invalidValue(List.of(new FieldError("externalReference", "no control characters")));
        }
        if (text != null && text.length() > 200) {
            throw new ApiException(400, "invalid_length", "Invalid length", List.of(new FieldError("externalReference", "at most 200 characters")));
        }
        return new ProfileService.Changes(attributes, root.has("externalReference"), text);
    }

    static ProfileFilter filter(String status, String externalReference, String createdAfter, String createdBefore) {
        if (status != null && !STATUSES.contains(status)) {
            throw ApiException.invalidValue(List.of(new FieldError("status", "one of draft, complete, analyzed")));
        }
        if (externalReference != null && (externalReference.length() > 200
                || com.partnerb2b.profile.service.ProfileValidator.hasControlCharacters(externalReference))) {
            throw ApiException.invalidValue(List.of(new FieldError("externalReference", "at most 200 characters, no control characters")));
        }
        return new ProfileFilter(status, externalReference, instant("createdAfter", createdAfter),
                instant("createdBefore", createdBefore));
    }

    private static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            Instant instant = value.length() == 10 ? LocalDate.parse(value).atStartOfDay().toInstant(ZoneOffset.UTC) : Instant.parse(value);
            if (!Timestamps.comparable(instant)) {
                throw new DateTimeParseException("out of range", value, 0);
            }
            return instant;
        } catch (DateTimeParseException e) {
            throw new ApiException(400, "type_error", "Type Error",
                    List.of(new FieldError(name, "a date (YYYY-MM-DD) or an ISO-8601 instant")));
        }
    }

    private static ApiException typeError(String field) {
        return new ApiException(400, "type_error", "Type Error", List.of(new FieldError(field, "wrong JSON type")));
    }
}
