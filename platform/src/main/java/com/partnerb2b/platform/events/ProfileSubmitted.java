package com.partnerb2b.platform.events;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@code profile-submitted} (type {@value #TYPE}, key: the profile pk): one submission of a
 * complete profile. {@code submissionId} names this submission; {@code attributes} carries typed
 * values by attribute name (numbers as JSON numbers, booleans, ISO dates as strings, a list for a
 * multiple choice, JSON values as they are) — never documents nor values of sensitive attributes.
 */
public record ProfileSubmitted(
        UUID partnerId,
        Long profilePk,
        UUID submissionId,
        Long catalogueVersion,
        String externalReference,
        Instant submittedAt,
        Map<String, Object> attributes) implements EventData {

    public static final String TOPIC = "profile-submitted";
    public static final String TYPE = "com.partnerb2b.profile.submitted.v2";

    @Override
    public List<String> problems() {
        return EventData.missing("partnerId", partnerId, "profilePk", profilePk, "submissionId", submissionId,
                "submittedAt", submittedAt, "attributes", attributes);
    }
}
