package com.partnerb2b.webhook.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.partnerb2b.webhook.delivery.AddressGuard;
import com.partnerb2b.webhook.delivery.ConnectPolicy;
import com.partnerb2b.webhook.delivery.WebhookSender;

import io.vertx.core.Vertx;

import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/** The production delivery beans as the configuration shapes them: the connect policy, the sender's connections. */
class ConnectModeTest {

    private static final AddressGuard LOCAL_GUARD = new AddressGuard(host -> {
        throw new UnknownHostException(host);
    }, true);

    @Test
    void loopback_only_refuses_a_public_address_at_the_socket_and_keeps_loopback() throws Exception {
        ConnectPolicy policy = new DeliveryBeans().connectPolicy(LOCAL_GUARD, config("loopback-only"));

        assertFalse(policy.mayConnect(address(93, 184, 216, 34)), "a public address");
        assertFalse(policy.mayConnect(InetAddress.getByName("2606:4700::1111")), "a public IPv6 address");
        assertFalse(policy.mayConnect(address(10, 0, 0, 1)), "a private address");
        assertTrue(policy.mayConnect(address(127, 0, 0, 1)));
        assertTrue(policy.mayConnect(InetAddress.getByName("::1")));
    }

    @Test
    void loopback_only_still_needs_the_guard_to_allow_loopback() throws Exception {
        AddressGuard production = new AddressGuard(host -> List.of(), false);
        ConnectPolicy policy = DeliveryBeans.connectPolicy(production, WebhookConfig.ConnectMode.LOOPBACK_ONLY);

        assertFalse(policy.mayConnect(address(127, 0, 0, 1)));
        assertFalse(policy.mayConnect(address(93, 184, 216, 34)));
    }

    @Test
    void guarded_by_default_lets_a_public_address_through() throws Exception {
        WebhookConfig config = new SmallRyeConfigBuilder().withMapping(WebhookConfig.class).build()
                .getConfigMapping(WebhookConfig.class);
        assertEquals(WebhookConfig.ConnectMode.GUARDED, config.connect());

        ConnectPolicy policy = new DeliveryBeans().connectPolicy(LOCAL_GUARD, config);
        assertTrue(policy.mayConnect(address(93, 184, 216, 34)));
        assertFalse(policy.mayConnect(address(169, 254, 169, 254)));
    }

    @Test
    void the_sender_keeps_a_connection_per_target_for_every_attempt_the_instance_runs_at_once() {
        WebhookConfig config = new SmallRyeConfigBuilder().withMapping(WebhookConfig.class)
                .withDefaultValue("partnerb2b.webhooks.max-in-flight", "20").build().getConfigMapping(WebhookConfig.class);
        Vertx vertx = Vertx.vertx();
        try {
            WebhookSender sender = new DeliveryBeans().sender(vertx, ConnectPolicy.loopbackOnly(), config);
            WebhookSender tests = new DeliveryBeans().testSender(vertx, ConnectPolicy.loopbackOnly(), config);
            assertEquals(20, sender.connectionsPerTarget());
            assertEquals(DeliveryBeans.TEST_CONNECTIONS_PER_TARGET, tests.connectionsPerTarget(), "test events have connections of their own");
            sender.close();
            tests.close();
        } finally {
            vertx.close();
        }
    }

    private static WebhookConfig config(String connect) {
        SmallRyeConfig config = new SmallRyeConfigBuilder().withMapping(WebhookConfig.class)
                .withDefaultValue("partnerb2b.webhooks.connect", connect).build();
        return config.getConfigMapping(WebhookConfig.class);
    }

    private static InetAddress address(int a, int b, int c, int d) throws UnknownHostException {
        return InetAddress.getByAddress(new byte[] { (byte) a, (byte) b, (byte) c, (byte) d });
    }
}
