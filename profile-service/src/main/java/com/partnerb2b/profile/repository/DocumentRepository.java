package com.partnerb2b.profile.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class DocumentRepository implements PanacheRepositoryBase<Document, Long> {

    public Uni<List<Document>> ofProfile(Long profileId) {
        return list("profileId = ?1 order by uploadedAt, id", profileId);
    }

    public Uni<Document> findOwned(Long id, UUID partnerId) {
        return find("id = ?1 and partnerId = ?2", id, partnerId).firstResult();
    }

    public Uni<Document> forAttribute(Long profileId, Long attributeId) {
        return find("profileId = ?1 and attribute.id = ?2", profileId, attributeId).firstResult();
    }
}
