package com.partnerb2b.profile.repository;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class AttributeRepository implements PanacheRepositoryBase<Attribute, Long> {

    /** Every attribute with its choices, in catalogue order, in one query. */
    public Uni<List<Attribute>> catalogue() {
        return list("select distinct a from Attribute a left join fetch a.choices order by a.position, a.id");
    }

    /**
     * The catalogue's version, which the database bumps on every change to it. A query on an entity,
     * not a native one: Hibernate keeps a new plan for every native select it runs (their result
     * mappings never compare equal), which filled its plan cache with copies (bench/RESULTS.md).
     */
    public Uni<Long> catalogueVersion() {
        return Panache.getSession().chain(session -> session
                .createSelectionQuery("select c.version from CatalogueVersion c where c.id = 1", Long.class).getSingleResult());
    }

    public Uni<Attribute> named(String name) {
        return find("name", name).firstResult();
    }
}
