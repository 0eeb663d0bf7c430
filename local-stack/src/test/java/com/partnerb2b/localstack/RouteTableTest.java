package com.partnerb2b.localstack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class RouteTableTest {

    private final RouteTable routes = load();

    @Test
    void public_paths_go_to_the_owning_service() {
        assertEquals(Optional.of("auth-service"), routes.serviceFor("/api/v1/auth/token/"));
        assertEquals(Optional.of("auth-service"), routes.serviceFor("/api/v1/auth/token"));
        assertEquals(Optional.of("auth-service"), routes.serviceFor("/.well-known/jwks.json"));
        assertEquals(Optional.of("auth-service"), routes.serviceFor("/admin/v1/partners"));
        assertEquals(Optional.of("profile-service"), routes.serviceFor("/api/v1/metadata/"));
        assertEquals(Optional.of("profile-service"), routes.serviceFor("/api/v1/profiles/12/submit/"));
        assertEquals(Optional.of("profile-service"), routes.serviceFor("/api/v1/documents/7/content/"));
        assertEquals(Optional.of("analysis-service"), routes.serviceFor("/api/v1/profiles/12/analyses/"));
        assertEquals(Optional.of("analysis-service"), routes.serviceFor("/api/v1/profiles/12/analyses"));
        assertEquals(Optional.of("analysis-service"), routes.serviceFor("/api/v1/analyses/3/"));
        assertEquals(Optional.of("webhook-service"), routes.serviceFor("/api/v1/webhooks/configure/"));
    }

    @Test
    void a_prefix_does_not_match_a_longer_segment() {
        assertEquals(Optional.empty(), routes.serviceFor("/api/v1/authx/token/"));
        assertEquals(Optional.empty(), routes.serviceFor("/api/v1/"));
        assertEquals(Optional.empty(), routes.serviceFor("/"));
    }

    private static RouteTable load() {
        try {
            return RouteTable.load(Path.of("../deploy/routes.yaml"));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
