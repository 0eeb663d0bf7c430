package com.partnerb2b.webhook.repository;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One event to deliver to one endpoint, through as many attempts as it takes. */
@Entity
@Table(name = "deliveries")
public class Delivery {

    public static final String PENDING = "pending";
    public static final String DELIVERED = "delivered";
    public static final String FAILED = "failed";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** {@code webhook-id}: the same on every attempt, the receiver's deduplication key. */
    @Column(name = "webhook_id", nullable = false)
    public String webhookId;

    @Column(name = "endpoint_id", nullable = false)
    public Long endpointId;

    @Column(name = "partner_id", nullable = false)
    public UUID partnerId;

    @Column(name = "event_type", nullable = false)
    public String eventType;

    @Column(name = "analysis_pk")
    public Long analysisPk;

    @Column(name = "profile_pk")
    public Long profilePk;

    /** The JSON body sent, the same on every attempt. */
    @Column(nullable = false)
    public String payload;

    @Column(nullable = false)
    public String status;

    /** Attempts made (or under way); also the fencing token of the current lease. */
    @Column(nullable = false)
    public int attempts;

    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    @Column(name = "lease_until")
    public Instant leaseUntil;

    @Column(name = "claimed_by")
    public String claimedBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "delivered_at")
    public Instant deliveredAt;

    /** The trace of the analysis-completed event (W3C traceparent): attempts continue it. */
    @Column(name = "trace_parent")
    public String traceParent;
}
