package com.partnerb2b.platform.messaging;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A CloudEvents 1.0 event in structured JSON mode: what every PartnerB2B topic carries. The
 * {@code type} ends with the payload's version ({@code com.partnerb2b.profile.submitted.v1}).
 */
public record EventEnvelope(
        String specversion,
        String id,
        String source,
        String type,
        String subject,
        Instant time,
        String datacontenttype,
        JsonNode data) {

    public static final String CONTENT_TYPE = "application/cloudevents+json";

    public static EventEnvelope of(String source, String type, String subject, Instant time, JsonNode data) {
        return new EventEnvelope("1.0", UUID.randomUUID().toString(), source, type, subject, time, "application/json", data);
    }
}
