package com.partnerb2b.platform.messaging;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

@ApplicationScoped
public class FailedEvents implements PanacheRepositoryBase<FailedEvent, Long> {

    private final Pool pool;

    public FailedEvents(Pool pool) {
        this.pool = pool;
    }

    /**
     * Deletes the messages of {@code topic} set aside whose text holds every one of {@code fragments}
     * (erasure: a set-aside message keeps what it carried, and a replay would bring it back). Matched
     * as text, since a message set aside may not even be JSON; how many were deleted.
     */
    public Uni<Integer> deleteHolding(String topic, List<String> fragments) {
        StringBuilder sql = new StringBuilder("DELETE FROM failed_events WHERE topic = $1");
        List<Object> arguments = new ArrayList<>(List.of(topic));
        for (String fragment : fragments) {
            arguments.add("%" + fragment.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
            sql.append(" AND payload LIKE $").append(arguments.size());
        }
        return pool.preparedQuery(sql.toString()).execute(Tuple.from(arguments)).map(deleted -> deleted.rowCount());
    }
}
