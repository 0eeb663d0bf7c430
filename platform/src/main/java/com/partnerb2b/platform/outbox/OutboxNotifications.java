package com.partnerb2b.platform.outbox;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.pubsub.PgSubscriber;

/**
 * Wakes the relay when a transaction that appended events commits: {@link Outbox#append} issues
 * {@code NOTIFY} in the writer's transaction, which PostgreSQL delivers on commit only, to every
 * instance of the service. One connection of its own listens, reconnecting when lost; each
 * (re)subscription wakes the relay too, for what was committed meanwhile.
 */
@ApplicationScoped
@IfBuildProperty(name = "partnerb2b.outbox.enabled", stringValue = "true")
public class OutboxNotifications {

    /** Lower case: PostgreSQL folds unquoted channel names. */
    public static final String CHANNEL = "partnerb2b_outbox";

    private static final Logger LOG = Logger.getLogger(OutboxNotifications.class);

    private final Vertx vertx;
    private final OutboxWakeUp wakeUp;
    private final OutboxConfig config;
    private final PgConnectOptions options;
    private PgSubscriber subscriber;
    private volatile boolean stopped;

    public OutboxNotifications(Vertx vertx, OutboxWakeUp wakeUp, OutboxConfig config,
            @ConfigProperty(name = "quarkus.datasource.reactive.url") String url,
            @ConfigProperty(name = "quarkus.datasource.username") Optional<String> user,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.vertx = vertx;
        this.wakeUp = wakeUp;
        this.config = config;
        this.options = connectOptions(url, user, password);
    }

    void start(@Observes StartupEvent startup) {
        if (!config.listen()) {
            return;
        }
        subscriber = PgSubscriber.subscriber(vertx, options)
                .reconnectPolicy(attempt -> config.reconnectDelay().toMillis());
        subscriber.channel(CHANNEL)
                .subscribeHandler(ignored -> wakeUp.wake())
                .handler(ignored -> wakeUp.wake());
        subscriber.closeHandler(ignored -> {
            if (!stopped) {
                LOG.warn("Outbox notifications: listening connection lost for good; the fallback poll goes on");
            }
        });
        connect();
    }

    /** The subscriber reconnects a connection it lost, not a first connection that failed. */
    private void connect() {
        subscriber.connect().onFailure(failure -> {
            if (stopped) {
                return;
            }
            LOG.warnf("Outbox notifications: cannot listen yet (%s); retrying", failure.getMessage());
            vertx.setTimer(config.reconnectDelay().toMillis(), id -> connect());
        });
    }

    void stop(@Observes ShutdownEvent shutdown) {
        stopped = true;
        if (subscriber != null) {
            subscriber.close();
        }
    }

    private static PgConnectOptions connectOptions(String url, Optional<String> user, Optional<String> password) {
        String uri = url.startsWith("vertx-reactive:") ? url.substring("vertx-reactive:".length()) : url;
        // Quarkus accepts a list of hosts; the first is the primary
        PgConnectOptions options = PgConnectOptions.fromUri(uri.split(",")[0].trim());
        user.ifPresent(options::setUser);
        password.ifPresent(options::setPassword);
        // its own name in the client metrics, beside the pool's
        options.setMetricsName("outbox-notifications");
        return options;
    }
}
