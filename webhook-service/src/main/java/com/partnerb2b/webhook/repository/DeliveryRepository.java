package com.partnerb2b.webhook.repository;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.partnerb2b.platform.messaging.ProcessedEvents;
import com.partnerb2b.platform.sql.RowChange;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class DeliveryRepository implements PanacheRepositoryBase<Delivery, Long> {

    /**
     * Adds the delivery for its partner's endpoint, found by the insert itself (one statement, no
     * entity loaded), the first time its event is handled ({@link ProcessedEvents#FIRST_TIME}); no row
     * when the partner has no endpoint.
     */
    public static RowChange addForEndpointOfPartner(Delivery delivery) {
        return new RowChange("""
                INSERT INTO deliveries (webhook_id, endpoint_id, partner_id, event_type, analysis_pk, profile_pk, payload,
                                        status, attempts, next_attempt_at, created_at, trace_parent)
                SELECT $1, id, partner_id, $2, $3, $4, $5, $6, 0, $7, $8, $9 FROM endpoints WHERE partner_id = $10 AND\s"""
                + ProcessedEvents.FIRST_TIME,
                Arrays.asList(delivery.webhookId, delivery.eventType, delivery.analysisPk, delivery.profilePk, delivery.payload,
                        delivery.status, delivery.nextAttemptAt.atOffset(ZoneOffset.UTC), delivery.createdAt.atOffset(ZoneOffset.UTC),
                        delivery.traceParent, delivery.partnerId));
    }

    public Uni<Delivery> owned(UUID partnerId, long id) {
        return find("id = ?1 and partnerId = ?2", id, partnerId).firstResult();
    }

    /** The partner's delivery, locked: a claim in progress is waited for, or skips it. */
    public Uni<Delivery> lockOwned(UUID partnerId, long id) {
        return find("id = ?1 and partnerId = ?2", id, partnerId).withLock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
                .firstResult();
    }

    /** Puts the endpoint's failed deliveries created since then back in the queue, due now. */
    public Uni<Integer> recover(long endpointId, Instant since, Instant now) {
        return update("status = ?1, nextAttemptAt = ?2, leaseUntil = null where endpointId = ?3 and status = ?4 and createdAt >= ?5",
                Delivery.PENDING, now, endpointId, Delivery.FAILED, since);
    }
}
