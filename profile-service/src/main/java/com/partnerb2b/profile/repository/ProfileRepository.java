package com.partnerb2b.profile.repository;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.partnerb2b.platform.api.PageRequest;

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

    public Uni<Long> count(UUID partnerId, ProfileFilter filter) {
        Query query = where(partnerId, filter);
        return count("from Profile p where " + query.clause, query.params);
    }

    /** One page, newest first; values fetched in a second query to keep pagination in SQL. */
    public Uni<List<Profile>> page(UUID partnerId, ProfileFilter filter, PageRequest page) {
        Query query = where(partnerId, filter);
        return find("from Profile p where " + query.clause + " order by p.createdAt desc, p.id desc", query.params)
                .page(page.page() - 1, page.limit())
                .list()
                .map(found -> found.stream().map(p -> p.id).toList())
                .chain(ids -> ids.isEmpty() ? Uni.createFrom().item(List.<Profile>of())
                        : list(WITH_VALUES + "where p.id in :ids order by p.createdAt desc, p.id desc", Parameters.with("ids", ids)));
    }

    private record Query(String clause, Map<String, Object> params) {
    }

    private static Query where(UUID partnerId, ProfileFilter filter) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        conditions.add("p.partnerId = :partner");
        params.put("partner", partnerId);
        if (filter.status() != null) {
            conditions.add("p.status = :status");
            params.put("status", filter.status());
        }
        if (filter.externalReference() != null) {
            conditions.add("p.externalReference = :reference");
            params.put("reference", filter.externalReference());
        }
        if (filter.createdAfter() != null) {
            conditions.add("p.createdAt >= :after");
            params.put("after", filter.createdAfter());
        }
        if (filter.createdBefore() != null) {
            conditions.add("p.createdAt < :before");
            params.put("before", filter.createdBefore());
        }
        return new Query(String.join(" and ", conditions), params);
    }
}
