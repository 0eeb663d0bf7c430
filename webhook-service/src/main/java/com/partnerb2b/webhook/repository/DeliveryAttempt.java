package com.partnerb2b.webhook.repository;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** What one attempt got: never the headers sent, never the secret. */
@Entity
@Table(name = "delivery_attempts")
public class DeliveryAttempt {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "delivery_id", nullable = false)
    public Long deliveryId;

    @Column(nullable = false)
    public int attempt;

    @Column(name = "attempted_at", nullable = false)
    public Instant attemptedAt;

    @Column(name = "http_status")
    public Integer httpStatus;

    public String error;

    @Column(name = "duration_ms", nullable = false)
    public long durationMs;

    /** The first 1 KB of the answer, as text, never parsed. */
    @Column(name = "response_excerpt")
    public String responseExcerpt;
}
