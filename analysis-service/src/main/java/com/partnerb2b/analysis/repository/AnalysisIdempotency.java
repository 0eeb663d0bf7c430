package com.partnerb2b.analysis.repository;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import com.partnerb2b.platform.idempotency.PartnerIdempotencyKey;

/** The analysis a request sent with an {@code Idempotency-Key} created. */
@Entity
@Table(name = "idempotency_keys")
@IdClass(PartnerIdempotencyKey.class)
public class AnalysisIdempotency {

    @Id
    @Column(name = "partner_id")
    public UUID partnerId;

    @Id
    @Column(name = "idempotency_key")
    public String idempotencyKey;

    /** SHA-256 of what was asked (the profile pk): the same key for another profile is refused. */
    @Column(name = "request_hash", nullable = false)
    public byte[] requestHash;

    @Column(name = "analysis_id", nullable = false)
    public Long analysisId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
