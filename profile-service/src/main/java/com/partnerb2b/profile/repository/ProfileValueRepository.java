package com.partnerb2b.profile.repository;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class ProfileValueRepository implements PanacheRepositoryBase<ProfileValue, Long> {

    /** The profile's values become exactly these (old rows deleted in bulk, new ones inserted). */
    public Uni<Void> replace(Profile profile, List<ProfileValue> values) {
        Uni<Long> cleared = profile.id == null ? Uni.createFrom().item(0L) : delete("profile.id = ?1", profile.id);
        return cleared.chain(() -> persist(values));
    }
}
