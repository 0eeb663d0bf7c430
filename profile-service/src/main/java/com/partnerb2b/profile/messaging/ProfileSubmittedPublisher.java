package com.partnerb2b.profile.messaging;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.partnerb2b.platform.messaging.EventEnvelope;
import com.partnerb2b.platform.outbox.Outbox;
import com.partnerb2b.platform.outbox.OutboxRepository;
import com.partnerb2b.profile.repository.Attribute;
import com.partnerb2b.profile.repository.AttributeType;
import com.partnerb2b.profile.repository.Profile;

import io.smallrye.mutiny.Uni;

/**
 * The {@code profile-submitted} event (type {@code com.partnerb2b.profile.submitted.v1}, key: the
 * profile pk): who submitted which profile when, and the values scoring needs — never documents nor
 * values of sensitive attributes. Written to the outbox in the submit transaction.
 */
@ApplicationScoped
public class ProfileSubmittedPublisher {

    public static final String TOPIC = "profile-submitted";
    public static final String TYPE = "com.partnerb2b.profile.submitted.v1";
    public static final String SOURCE = "/partnerb2b/profile-service";

    private final Outbox outbox;
    private final OutboxRepository outboxEvents;
    private final ObjectMapper mapper;

    public ProfileSubmittedPublisher(Outbox outbox, OutboxRepository outboxEvents, ObjectMapper mapper) {
        this.outbox = outbox;
        this.outboxEvents = outboxEvents;
        this.mapper = mapper;
    }

    public Uni<EventEnvelope> append(Profile profile, Map<Attribute, List<String>> values) {
        ObjectNode data = mapper.createObjectNode()
                .put("partnerId", profile.partnerId.toString())
                .put("profilePk", profile.id)
                .put("externalReference", profile.externalReference)
                .put("submittedAt", profile.submittedAt.toString());
        ObjectNode attributes = data.putObject("attributes");
        values.forEach((attribute, list) -> {
            if (attribute.sensitiveData || attribute.isFile()) {
                return;
            }
            if (attribute.allowsSeveralValues()) {
                list.forEach(attributes.putArray(attribute.name)::add);
            } else if (AttributeType.JSON.equals(attribute.type)) {
                attributes.putRawValue(attribute.name, new com.fasterxml.jackson.databind.util.RawValue(list.get(0)));
            } else {
                attributes.put(attribute.name, list.get(0));
            }
        });
        return outbox.append(TOPIC, profile.id.toString(), SOURCE, TYPE, profile.submittedAt, data);
    }

    /** Erasure: the profile's events still waiting in the outbox, or already published, are deleted. */
    public Uni<Integer> forget(Long profileId) {
        return outboxEvents.deleteKey(TOPIC, profileId.toString());
    }
}
