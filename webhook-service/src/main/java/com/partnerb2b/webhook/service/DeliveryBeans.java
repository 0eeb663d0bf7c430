package com.partnerb2b.webhook.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import com.partnerb2b.webhook.delivery.AddressGuard;
import com.partnerb2b.webhook.delivery.ConnectPolicy;
import com.partnerb2b.webhook.delivery.HostResolver;
import com.partnerb2b.webhook.delivery.RetrySchedule;
import com.partnerb2b.webhook.delivery.SystemHostResolver;
import com.partnerb2b.webhook.delivery.WebhookSender;

import io.quarkus.arc.DefaultBean;
import io.smallrye.common.annotation.Identifier;
import io.vertx.core.Vertx;

/**
 * The delivery core as beans. Tests replace the resolver (names they control) and the connect
 * policy (loopback only, checked before any socket is opened) with beans of their own; a whole
 * system under test gets the same refusal with {@code partnerb2b.webhooks.connect=loopback-only}.
 */
public class DeliveryBeans {

    @Produces
    @DefaultBean
    @ApplicationScoped
    HostResolver resolver() {
        return new SystemHostResolver();
    }

    @Produces
    @ApplicationScoped
    AddressGuard guard(HostResolver resolver, WebhookConfig config) {
        return new AddressGuard(resolver, config.allowLoopback());
    }

    @Produces
    @DefaultBean
    @ApplicationScoped
    ConnectPolicy connectPolicy(AddressGuard guard, WebhookConfig config) {
        return connectPolicy(guard, config.connect());
    }

    static ConnectPolicy connectPolicy(AddressGuard guard, WebhookConfig.ConnectMode mode) {
        ConnectPolicy guarded = ConnectPolicy.guardedBy(guard);
        if (mode == WebhookConfig.ConnectMode.LOOPBACK_ONLY) {
            ConnectPolicy loopback = ConnectPolicy.loopbackOnly();
            return address -> loopback.mayConnect(address) && guarded.mayConnect(address);
        }
        return guarded;
    }

    /** Test events a partner asks for: their own connections. */
    public static final String TEST_EVENTS = "test-events";
    /** Connections per target for test events, across partners: they never take the deliveries' connections. */
    static final int TEST_CONNECTIONS_PER_TARGET = 8;

    /** Deliveries: as many connections per target as the instance runs attempts at once. */
    @Produces
    @ApplicationScoped
    WebhookSender sender(Vertx vertx, ConnectPolicy policy, WebhookConfig config) {
        return new WebhookSender(vertx, policy, config.connectTimeout(), config.requestTimeout(), config.userAgent(), null,
                config.maxInFlight());
    }

    /**
     * Test events, which partners send when they like: a partner testing a hanging receiver on a host others
     * share holds these connections, never the deliveries'.
     */
    @Produces
    @ApplicationScoped
    @Identifier(TEST_EVENTS)
    WebhookSender testSender(Vertx vertx, ConnectPolicy policy, WebhookConfig config) {
        return new WebhookSender(vertx, policy, config.connectTimeout(), config.requestTimeout(), config.userAgent(), null,
                TEST_CONNECTIONS_PER_TARGET);
    }

    @Produces
    @ApplicationScoped
    RetrySchedule schedule(WebhookConfig config) {
        return RetrySchedule.parse(config.schedule(), config.jitter());
    }
}
