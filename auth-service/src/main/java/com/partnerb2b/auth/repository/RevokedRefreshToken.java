package com.partnerb2b.auth.repository;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A refresh token revoked by its partner before it expired. */
@Entity
@Table(name = "revoked_refresh_tokens")
public class RevokedRefreshToken {

    @Id
    public UUID jti;

    /** The partner id, or {@code operator}. */
    @Column(nullable = false, length = 64)
    public String subject;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    @Column(name = "revoked_at", nullable = false)
    public Instant revokedAt;
}
