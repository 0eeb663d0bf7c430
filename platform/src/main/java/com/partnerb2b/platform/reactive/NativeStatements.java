package com.partnerb2b.platform.reactive;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * One SQL statement through the current Hibernate Reactive session, so it is part of the session's
 * transaction (an event's inbox transaction, a request's) — for writes where loading and flushing an
 * entity would cost more statements than the write itself. Parameters are positional: {@code ?1},
 * {@code ?2}, … in the order given.
 */
public final class NativeStatements {

    private NativeStatements() {
    }

    /** The number of rows the statement changed. */
    public static Uni<Integer> execute(String sql, Object... parameters) {
        return Panache.getSession().chain(session -> {
            var query = session.createNativeQuery(sql);
            for (int i = 0; i < parameters.length; i++) {
                query.setParameter(i + 1, parameters[i]);
            }
            return query.executeUpdate();
        });
    }
}
