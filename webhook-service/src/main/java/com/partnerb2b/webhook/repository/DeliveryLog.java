package com.partnerb2b.webhook.repository;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.partnerb2b.platform.api.PageRequest;
import com.partnerb2b.platform.reactive.CallersEventLoop;
import com.partnerb2b.platform.sql.Timestamps;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * An endpoint's deliveries as its owner reads them, through the reactive PostgreSQL client: the
 * endpoint's ownership, the total and the page with each delivery's attempts in one statement, rows
 * mapped by hand. Through Hibernate Reactive it took four round trips, loaded every payload (never
 * shown) and half the service's CPU of a page (bench/RESULTS.md).
 */
@ApplicationScoped
public class DeliveryLog {

    /** A filter on an endpoint's deliveries; null fields are not filtered on. */
    public record Filter(String status, Instant createdAfter, Instant createdBefore) {
    }

    /** A delivery (without its payload) with its attempts, oldest first. */
    public record Logged(Delivery delivery, List<DeliveryAttempt> attempts) {
    }

    public record Page(List<Logged> deliveries, long total) {
    }

    // One row per attempt (a delivery without one: one row, its attempt columns null); an endpoint
    // the partner owns always gives a row, with its total, even when the page is empty.
    private static final String PAGE = """
            SELECT c.total, d.id, d.webhook_id, d.event_type, d.analysis_pk, d.profile_pk, d.status, d.attempts, d.created_at,
                   d.delivered_at, d.next_attempt_at, a.attempt, a.attempted_at, a.http_status, a.error, a.duration_ms,
                   a.response_excerpt
              FROM endpoints e
             CROSS JOIN LATERAL (SELECT count(*) AS total FROM deliveries d WHERE %1$s) c
              LEFT JOIN LATERAL (SELECT d.id, d.webhook_id, d.event_type, d.analysis_pk, d.profile_pk, d.status, d.attempts,
                                        d.created_at, d.delivered_at, d.next_attempt_at
                                   FROM deliveries d WHERE %1$s ORDER BY d.id DESC LIMIT $3 OFFSET $4) d ON true
              LEFT JOIN delivery_attempts a ON a.delivery_id = d.id
             WHERE e.id = $1 AND e.partner_id = $2
             ORDER BY d.id DESC, a.id""";

    private final Pool pool;

    public DeliveryLog(Pool pool) {
        this.pool = pool;
    }

    /** A page of the endpoint's deliveries, newest first; null if the partner has no such endpoint. */
    public Uni<Page> page(UUID partnerId, long endpointId, Filter filter, PageRequest request) {
        Tuple params = Tuple.of(endpointId, partnerId, request.limit(), request.offset());
        // Only the filters given: without them the count reads the endpoint's index alone.
        StringBuilder where = new StringBuilder("d.endpoint_id = e.id");
        if (filter.status() != null) {
            params.addValue(filter.status());
            where.append(" AND d.status = $").append(params.size());
        }
        if (filter.createdAfter() != null) {
            params.addValue(filter.createdAfter().atOffset(ZoneOffset.UTC));
            where.append(" AND d.created_at >= $").append(params.size());
        }
        if (filter.createdBefore() != null) {
            params.addValue(filter.createdBefore().atOffset(ZoneOffset.UTC));
            where.append(" AND d.created_at < $").append(params.size());
        }
        return CallersEventLoop.answer(pool.preparedQuery(PAGE.formatted(where)).execute(params).map(DeliveryLog::page));
    }

    private static Page page(RowSet<Row> rows) {
        if (rows.size() == 0) {
            return null;
        }
        long total = 0;
        List<Logged> deliveries = new ArrayList<>();
        Logged current = null;
        for (Row row : rows) {
            total = row.getLong(0);
            Long id = row.getLong(1);
            if (id == null) {
                break;
            }
            if (current == null || !id.equals(current.delivery().id)) {
                current = new Logged(delivery(row), new ArrayList<>());
                deliveries.add(current);
            }
            if (row.getValue(11) != null) {
                current.attempts().add(attempt(row, id));
            }
        }
        return new Page(deliveries, total);
    }

    private static Delivery delivery(Row row) {
        Delivery delivery = new Delivery();
        delivery.id = row.getLong(1);
        delivery.webhookId = row.getString(2);
        delivery.eventType = row.getString(3);
        delivery.analysisPk = row.getLong(4);
        delivery.profilePk = row.getLong(5);
        delivery.status = row.getString(6);
        delivery.attempts = row.getInteger(7);
        delivery.createdAt = Timestamps.instant(row.getOffsetDateTime("created_at"));
        delivery.deliveredAt = Timestamps.instant(row.getOffsetDateTime("delivered_at"));
        delivery.nextAttemptAt = Timestamps.instant(row.getOffsetDateTime("next_attempt_at"));
        return delivery;
    }

    private static DeliveryAttempt attempt(Row row, long deliveryId) {
        DeliveryAttempt attempt = new DeliveryAttempt();
        attempt.deliveryId = deliveryId;
        attempt.attempt = row.getInteger(11);
        attempt.attemptedAt = Timestamps.instant(row.getOffsetDateTime("attempted_at"));
        attempt.httpStatus = row.getInteger(13);
        attempt.error = row.getString(14);
        attempt.durationMs = row.getLong(15);
        attempt.responseExcerpt = row.getString(16);
        return attempt;
    }
}
