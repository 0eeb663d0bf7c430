package com.partnerb2b.platform.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * On {@code profile-submitted} (type {@value #TYPE}, key: the profile pk, so after every submission of
 * the profile): the partner deleted the profile, and every copy of its values elsewhere must go too.
 */
public record ProfileErased(UUID partnerId, Long profilePk, Instant erasedAt) implements EventData {

    public static final String TOPIC = ProfileSubmitted.TOPIC;
    public static final String TYPE = "com.partnerb2b.profile.erased.v1";

    @Override
    public List<String> problems() {
        return EventData.missing("partnerId", partnerId, "profilePk", profilePk, "erasedAt", erasedAt);
    }
}
