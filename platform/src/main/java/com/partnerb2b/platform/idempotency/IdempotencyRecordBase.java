package com.partnerb2b.platform.idempotency;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

/**
 * What every stored first answer to an {@code Idempotency-Key} request keeps: whose key it is, a
 * hash of what was asked (the same key with another request is refused), and when (for expiry).
 * Services add what their answer needs; entities use {@link PartnerIdempotencyKey} as id class.
 */
@MappedSuperclass
public abstract class IdempotencyRecordBase {

    @Id
    @Column(name = "partner_id")
    public UUID partnerId;

    @Id
    @Column(name = "idempotency_key")
    public String idempotencyKey;

    @Column(name = "request_hash", nullable = false)
    public byte[] requestHash;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
