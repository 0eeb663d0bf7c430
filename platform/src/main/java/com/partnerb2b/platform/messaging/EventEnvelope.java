package com.partnerb2b.platform.messaging;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
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
        JsonNode data,
        @JsonInclude(JsonInclude.Include.NON_NULL) String traceparent) {

    public static final String CONTENT_TYPE = "application/cloudevents+json";

    /** This event as handled in the span {@code traceparent} (which then continues its trace). */
    public EventEnvelope continuedBy(String traceparent) {
        return new EventEnvelope(specversion, id, source, type, subject, time, datacontenttype, data, traceparent);
    }

    /**
     * A new event; {@code traceparent} (the CloudEvents distributed-tracing attribute, may be null)
     * names the span that caused it, so that its consumers continue the same trace.
     */
    public static EventEnvelope of(String source, String type, String subject, Instant time, JsonNode data,
            String traceparent) {
        return new EventEnvelope("1.0", UUID.randomUUID().toString(), source, type, subject, time, "application/json", data,
                traceparent);
    }
}
