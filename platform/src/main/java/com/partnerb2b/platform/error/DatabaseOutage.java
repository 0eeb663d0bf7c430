package com.partnerb2b.platform.error;

import java.net.ConnectException;
import java.util.Set;

import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;

/**
 * Whether a failure means the database is away (stopped, restarting, unreachable) rather than that
 * the work itself was refused: the same work succeeds once it is back. Requests answer such a
 * failure with 503 and consumers keep the event until then instead of setting it aside.
 */
public final class DatabaseOutage {

    /**
     * admin_shutdown, crash_shutdown, cannot_connect_now (starting up or shutting down); class 08
     * (connection exceptions) is matched by its prefix.
     */
    private static final Set<String> AWAY_STATES = Set.of("57P01", "57P02", "57P03");

    private DatabaseOutage() {
    }

    public static boolean causedBy(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException || cause instanceof ClosedConnectionException) {
                return true;
            }
            if (cause instanceof PgException pg && pg.getSqlState() != null
                    && (pg.getSqlState().startsWith("08") || AWAY_STATES.contains(pg.getSqlState()))) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }
}
