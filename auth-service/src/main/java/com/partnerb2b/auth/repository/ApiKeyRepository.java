package com.partnerb2b.auth.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class ApiKeyRepository implements PanacheRepositoryBase<ApiKey, String> {

    public Uni<List<ApiKey>> ofPartner(UUID partnerId) {
        return list("partner.id = ?1 order by createdAt", partnerId);
    }

    public Uni<ApiKey> ofPartner(UUID partnerId, String keyId) {
        return find("partner.id = ?1 and keyId = ?2", partnerId, keyId).firstResult();
    }
}
