package com.partnerb2b.deploy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.partnerb2b.localstack.RouteTable;

import io.fabric8.kubernetes.api.model.networking.v1.Ingress;

/**
 * The Ingress sends every public path to the service the local gateway (./partnerb2b start) sends
 * it to: deploy/routes.yaml through local-stack's own RouteTable (first match) against the
 * rendered Ingress through ingress-nginx's rules (longest regex first).
 */
class IngressRoutingTest {

    private static final String HOST = "api.partnerb2b.example";

    @Test
    void theChartCarriesTheRouteTableByteForByte() throws IOException {
        assertArrayEquals(Files.readAllBytes(ProjectFiles.ROUTE_TABLE), Files.readAllBytes(ProjectFiles.CHART_ROUTE_TABLE),
                "deploy/helm/partnerb2b/files/routes.yaml must be a copy of deploy/routes.yaml: cp deploy/routes.yaml "
                        + "deploy/helm/partnerb2b/files/routes.yaml");
    }

    @Test
    void everySamplePathReachesTheSameServiceThroughTheGatewayAndTheIngress() throws IOException {
        RouteTable gateway = RouteTable.load(ProjectFiles.ROUTE_TABLE);
        Ingress ingress = ChartRenderer.defaults().render().all(Ingress.class).get(0);
        IngressNginxRouting nginx = new IngressNginxRouting(ingress, HOST);

        List<String> mismatches = new ArrayList<>();
        for (String path : samplePaths(gateway)) {
            Optional<String> expected = gateway.serviceFor(path).map(RenderedManifests::objectName);
            Optional<String> actual = nginx.serviceFor(path);
            if (!expected.equals(actual)) {
                mismatches.add(path + ": gateway " + expected.orElse("none") + ", ingress " + actual.orElse("none"));
            }
        }
        assertEquals(List.of(), mismatches);
    }

    @Test
    void everyServiceOfTheRouteTableIsReachedAndNearMissesAreNot() throws IOException {
        RouteTable gateway = RouteTable.load(ProjectFiles.ROUTE_TABLE);
        IngressNginxRouting nginx = new IngressNginxRouting(ChartRenderer.defaults().render().all(Ingress.class).get(0), HOST);
        for (String service : gateway.servicePorts().keySet()) {
            assertTrue(samplePaths(gateway).stream().anyMatch(p -> nginx.serviceFor(p).equals(Optional.of(RenderedManifests.objectName(service)))),
                    service + " is reached by no sample path");
        }
        assertEquals(Optional.of(RenderedManifests.objectName("analysis-service")), nginx.serviceFor("/api/v1/profiles/42/analyses/"));
        assertEquals(Optional.of(RenderedManifests.objectName("profile-service")), nginx.serviceFor("/api/v1/profiles/42/analysesX"));
        assertEquals(Optional.empty(), nginx.serviceFor("/api/v1/profilesX"));
        assertEquals(Optional.empty(), nginx.serviceFor("/admin/v1/partnersX"));
    }

    @Test
    void theIngressRoutesEveryHostItIsGivenAndUsesTheIngressNginxClass() {
        Ingress ingress = ChartRenderer.defaults().set("ingress.hosts[0]", "a.example").set("ingress.hosts[1]", "b.example")
                .render().all(Ingress.class).get(0);
        assertEquals("nginx", ingress.getSpec().getIngressClassName());
        assertEquals(List.of("a.example", "b.example"), ingress.getSpec().getRules().stream().map(r -> r.getHost()).toList());
        assertEquals(ingress.getSpec().getRules().get(0).getHttp(), ingress.getSpec().getRules().get(1).getHttp());
    }

    /** Each route's own path with and without the trailing slash, nested ids, and near misses. */
    private static Set<String> samplePaths(RouteTable gateway) {
        Set<String> paths = new LinkedHashSet<>();
        for (RouteTable.Route route : gateway.routes()) {
            if (route.prefix() != null) {
                String bare = route.prefix().endsWith("/") ? route.prefix().substring(0, route.prefix().length() - 1) : route.prefix();
                paths.add(bare);
                paths.add(bare + "/");
                paths.add(bare + "/7");
                paths.add(bare + "/7/");
                paths.add(bare + "/7/content/");
                paths.add(bare + "X");
                paths.add(bare + "-old/");
                paths.add(bare.substring(0, bare.lastIndexOf('/') + 1));
            }
        }
        paths.addAll(List.of(
                "/api/v1/profiles/1/analyses", "/api/v1/profiles/1/analyses/", "/api/v1/profiles/1/analyses/2",
                "/api/v1/profiles/abc-def/analyses/", "/api/v1/profiles/1/analysesX", "/api/v1/profiles/1/analyses-x/",
                "/api/v1/profiles//analyses/", "/api/v1/profiles/1/2/analyses/", "/api/v1/profiles/1/submit/",
                "/api/v1/profiles/1/documents/", "/api/v1/profiles/analyses/", "/api/v1/profilesX", "/api/v1/profiles",
                "/api/v1/documents/1/content/", "/api/v1/auth/token/", "/api/v1/auth/token/refresh/", "/api/v1/auth/jwks.json",
                "/.well-known/jwks.json", "/.well-known/jwksXjson", "/admin/v1/partners", "/admin/v1/partners/5/api-keys/",
                "/admin/v1/analysis-quotas/5/", "/admin/v1/scorecards/active/", "/admin/v1/webhooks/deliveries/",
                "/", "", "/api", "/api/v1", "/api/v1/", "/admin/v1/", "/q/health/ready", "/q/metrics", "/api/v2/profiles/"));
        paths.remove("");
        return paths;
    }
}
