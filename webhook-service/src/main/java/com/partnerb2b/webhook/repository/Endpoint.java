package com.partnerb2b.webhook.repository;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A partner's webhook endpoint (one per partner) and its signing secrets, encrypted. */
@Entity
@Table(name = "endpoints")
public class Endpoint {

    public static final String ACTIVE = "active";
    public static final String DISABLED = "disabled";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "partner_id", nullable = false)
    public UUID partnerId;

    @Column(nullable = false)
    public String url;

    @Column(name = "secret_cipher", nullable = false)
    public byte[] secretCipher;

    @Column(name = "secret_key_id", nullable = false)
    public String secretKeyId;

    @Column(name = "previous_secret_cipher")
    public byte[] previousSecretCipher;

    @Column(name = "previous_secret_key_id")
    public String previousSecretKeyId;

    /** The previous secret (after a rotation) signs beside the new one until then. */
    @Column(name = "previous_secret_until")
    public Instant previousSecretUntil;

    @Column(nullable = false)
    public String status;

    @Column(name = "disabled_reason")
    public String disabledReason;

    @Column(name = "disabled_at")
    public Instant disabledAt;

    @Column(name = "last_success_at")
    public Instant lastSuccessAt;

    /** The first failed attempt since the last success; null while deliveries succeed. */
    @Column(name = "failing_since")
    public Instant failingSince;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
