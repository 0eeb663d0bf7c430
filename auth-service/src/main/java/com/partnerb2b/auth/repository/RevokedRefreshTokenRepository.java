package com.partnerb2b.auth.repository;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class RevokedRefreshTokenRepository implements PanacheRepositoryBase<RevokedRefreshToken, UUID> {

    public Uni<Boolean> isRevoked(UUID jti) {
        return count("jti", jti).map(n -> n > 0);
    }

    public Uni<Long> deleteExpired(Instant now) {
        return delete("expiresAt < ?1", now);
    }
}
