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

    /** Removes the profile's document for this attribute, if any (its content goes with it: ON DELETE CASCADE). */
    public Uni<Long> deleteForAttribute(Long profileId, Long attributeId) {
        return delete("profileId = ?1 and attribute.id = ?2", profileId, attributeId);
    }
}
