package com.partnerb2b.webhook.repository;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.partnerb2b.platform.messaging.ProcessedEvents;
import com.partnerb2b.platform.sql.RowChange;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class DeliveryRepository implements PanacheRepositoryBase<Delivery, Long> {

    /** A filter on an endpoint's deliveries; null fields are not filtered on. */
    public record Filter(String status, Instant createdAfter, Instant createdBefore) {
    }

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

    public Uni<List<Delivery>> page(long endpointId, Filter filter, int page, int limit) {
        Query query = query(endpointId, filter);
        return find(query.hql(), Sort.descending("id"), query.parameters()).page(Page.of(page - 1, limit)).list();
    }

    public Uni<Long> count(long endpointId, Filter filter) {
        Query query = query(endpointId, filter);
        return count(query.hql(), query.parameters());
    }

    /** Puts the endpoint's failed deliveries created since then back in the queue, due now. */
    public Uni<Integer> recover(long endpointId, Instant since, Instant now) {
        return update("status = ?1, nextAttemptAt = ?2, leaseUntil = null where endpointId = ?3 and status = ?4 and createdAt >= ?5",
                Delivery.PENDING, now, endpointId, Delivery.FAILED, since);
    }

    private record Query(String hql, Parameters parameters) {
    }

    private static Query query(long endpointId, Filter filter) {
        StringBuilder hql = new StringBuilder("endpointId = :endpoint");
        Parameters parameters = Parameters.with("endpoint", endpointId);
        if (filter.status() != null) {
            hql.append(" and status = :status");
            parameters.and("status", filter.status());
        }
        if (filter.createdAfter() != null) {
            hql.append(" and createdAt >= :after");
            parameters.and("after", filter.createdAfter());
        }
        if (filter.createdBefore() != null) {
            hql.append(" and createdAt < :before");
            parameters.and("before", filter.createdBefore());
        }
        return new Query(hql.toString(), parameters);
    }
}
