package com.partnerb2b.profile.messaging;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.partnerb2b.platform.messaging.ProcessedEvents;
import com.partnerb2b.profile.repository.Profile;
import com.partnerb2b.profile.repository.ProfileRepository;

import io.smallrye.mutiny.Uni;

/**
 * Shows each profile's latest analysis ({@code last_analyse}) and marks it {@code analyzed}, from
 * {@code analysis-completed} events; a redelivered event changes nothing.
 */
@ApplicationScoped
public class AnalysisCompletedConsumer {

    private static final Logger LOG = Logger.getLogger(AnalysisCompletedConsumer.class);

    private final ProcessedEvents processed;
    private final ProfileRepository profiles;
    private final ObjectMapper mapper;

    public AnalysisCompletedConsumer(ProcessedEvents processed, ProfileRepository profiles, ObjectMapper mapper) {
        this.processed = processed;
        this.profiles = profiles;
        this.mapper = mapper;
    }

    @Incoming("analysis-completed")
    public Uni<Void> consume(String payload) {
        JsonNode event;
        try {
            event = mapper.readTree(payload);
        } catch (Exception e) {
            LOG.warn("Ignoring an analysis-completed message that is not JSON");
            return Uni.createFrom().voidItem();
        }
        JsonNode id = event.path("id");
        String eventId = id.isTextual() ? id.asText() : null;
        JsonNode data = event.path("data");
        if (eventId == null || eventId.isBlank() || eventId.length() > 200 || eventId.indexOf('\u0000') >= 0
                || !data.path("profilePk").canConvertToLong()) {
            LOG.warnf("Ignoring analysis-completed event without id or profilePk: %s", eventId);
            return Uni.createFrom().voidItem();
        }
        long profileId = data.path("profilePk").asLong();
        ObjectNode lastAnalysis = mapper.createObjectNode();
        for (String field : new String[] { "score", "status", "details", "version" }) {
            JsonNode value = data.path(field);
            lastAnalysis.set(field, value.isMissingNode() ? NullNode.getInstance() : value);
        }
        // A failure here is the database's, not the event's: retry, then fail the channel (the
        // service turns unhealthy and restarts) rather than skip the event and lose it.
        return processed.once(eventId, () -> profiles.findById(profileId).chain(profile -> {
            if (profile == null) {
                return Uni.createFrom().voidItem();
            }
            profile.lastAnalysis = lastAnalysis.toString();
            if ("completed".equals(data.path("status").asText()) && Profile.COMPLETE.equals(profile.status)) {
                profile.status = Profile.ANALYZED;
            }
            return Uni.createFrom().voidItem();
        })).onFailure().retry().withBackOff(Duration.ofMillis(500), Duration.ofSeconds(30)).atMost(20).replaceWithVoid();
    }
}
