package com.partnerb2b.auth.repository;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.partnerb2b.platform.reactive.NativeStatements;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class RevokedRefreshTokenRepository implements PanacheRepositoryBase<RevokedRefreshToken, UUID> {

    public Uni<Boolean> isRevoked(UUID jti) {
        return count("jti", jti).map(n -> n > 0);
    }

    /** Records the revocation; revoking the same token twice, even at the same time, is not an error. */
    public Uni<Void> remember(UUID jti, String subject, Instant expiresAt, Instant now) {
        return NativeStatements.execute(
                "INSERT INTO revoked_refresh_tokens (jti, subject, expires_at, revoked_at) VALUES (?1, ?2, ?3, ?4) ON CONFLICT (jti) DO NOTHING",
                jti, subject, expiresAt, now).replaceWithVoid();
    }

    public Uni<Long> deleteExpired(Instant now) {
        return delete("expiresAt < ?1", now);
    }
}
