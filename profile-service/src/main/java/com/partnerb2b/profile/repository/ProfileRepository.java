package com.partnerb2b.profile.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

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
     * (document uploads, erasure) take turns; false if the partner has no such profile (another
     * partner's row is never locked). A query on the entity rather than a native one: Hibernate
     * keeps a new plan for every native select it runs (their result mappings never compare equal),
     * which filled its plan cache with copies of this one (bench/RESULTS.md).
     */
    public Uni<Boolean> lockOwned(Long id, UUID partnerId) {
        return find("id = ?1 and partnerId = ?2", id, partnerId).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult()
                .map(profile -> profile != null);
    }
}
