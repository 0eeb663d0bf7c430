package com.partnerb2b.profile.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class ProfileRepository implements PanacheRepositoryBase<Profile, Long> {

    private static final String WITH_VALUES = "select distinct p from Profile p left join fetch p.values v left join fetch v.attribute ";

    /** The profile if it belongs to this partner; another partner's profile is simply not found. */
    public Uni<Profile> findOwned(Long id, UUID partnerId) {
        // list(), not firstResult(): a row limit with a collection fetch would be applied in memory
        return list(WITH_VALUES + "where p.id = :id and p.partnerId = :partner",
                Parameters.with("id", id).and("partner", partnerId)).map(found -> found.isEmpty() ? null : found.get(0));
    }

    /**
     * Locks the partner's profile row until the transaction ends, so that writers of one profile
     * (document uploads, erasure) take turns; false if the partner has no such profile.
     */
    public Uni<Boolean> lockOwned(Long id, UUID partnerId) {
        return Panache.getSession().chain(session -> session
                .createNativeQuery("SELECT id FROM profiles WHERE id = :id AND partner_id = :partner FOR UPDATE", Long.class)
                .setParameter("id", id).setParameter("partner", partnerId)
                .getResultList())
                .map(rows -> !rows.isEmpty());
    }
}
