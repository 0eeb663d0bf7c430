package com.partnerb2b.auth.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.partnerb2b.platform.api.PageRequest;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class PartnerRepository implements PanacheRepositoryBase<Partner, UUID> {

    public Uni<List<Partner>> page(PartnerStatus status, PageRequest page) {
        var query = status == null
                ? findAll(Sort.by("createdAt").and("id"))
                : find("status", Sort.by("createdAt").and("id"), status);
        return query.page(page.page() - 1, page.limit()).list();
    }

    public Uni<Long> countWithStatus(PartnerStatus status) {
        return status == null ? count() : count("status", status);
    }
}
