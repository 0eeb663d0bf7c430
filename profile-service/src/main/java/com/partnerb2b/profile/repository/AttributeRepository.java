package com.partnerb2b.profile.repository;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.partnerb2b.platform.reactive.CallersEventLoop;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

@ApplicationScoped
public class AttributeRepository implements PanacheRepositoryBase<Attribute, Long> {

    private final Pool pool;

    public AttributeRepository(Pool pool) {
        this.pool = pool;
    }

    /** Every attribute with its choices, in catalogue order, in one query. */
    public Uni<List<Attribute>> catalogue() {
        return list("select distinct a from Attribute a left join fetch a.choices order by a.position, a.id");
    }

    /**
     * The catalogue's version, which the database bumps on every change to it. Read through the
     * reactive client: a native query through Hibernate would leave a new plan in its plan cache each time.
     */
    public Uni<Long> catalogueVersion() {
        return CallersEventLoop.answer(pool.query("SELECT version FROM catalogue_version WHERE id = 1").execute()
                .map(rows -> rows.iterator().next().getLong(0)));
    }

    public Uni<Attribute> named(String name) {
        return find("name", name).firstResult();
    }
}
