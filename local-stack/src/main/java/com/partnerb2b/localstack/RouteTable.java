package com.partnerb2b.localstack;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/** {@code deploy/routes.yaml}: public path → service, first match wins. */
public final class RouteTable {

    public record Route(String prefix, Pattern pattern, String service) {

        boolean matches(String path) {
            if (pattern != null) {
                return pattern.matcher(path).matches();
            }
            String bare = prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
            return path.equals(bare) || path.startsWith(bare + "/");
        }
    }

    private final List<Route> routes;
    private final Map<String, Integer> servicePorts;

    RouteTable(List<Route> routes, Map<String, Integer> servicePorts) {
        this.routes = List.copyOf(routes);
        this.servicePorts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(servicePorts));
    }

    public static RouteTable load(Path file) throws IOException {
        JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
        Map<String, Integer> ports = new LinkedHashMap<>();
        root.path("services").fields().forEachRemaining(e -> ports.put(e.getKey(), e.getValue().path("port").asInt()));
        List<Route> routes = new ArrayList<>();
        for (JsonNode node : root.path("routes")) {
            String service = node.path("service").asText();
            if (!ports.containsKey(service)) {
                throw new IOException("Route to unknown service " + service + " in " + file);
            }
            if (node.hasNonNull("pattern")) {
                routes.add(new Route(null, Pattern.compile(node.get("pattern").asText()), service));
            } else {
                routes.add(new Route(node.path("prefix").asText(), null, service));
            }
        }
        return new RouteTable(routes, ports);
    }

    /** The same routes, with the services listening on other ports (tests put stubs behind the real table). */
    public RouteTable withServicePorts(Map<String, Integer> ports) {
        Map<String, Integer> moved = new LinkedHashMap<>(servicePorts);
        moved.replaceAll((service, port) -> ports.getOrDefault(service, port));
        return new RouteTable(routes, moved);
    }

    public Optional<String> serviceFor(String path) {
        return routes.stream().filter(r -> r.matches(path)).map(Route::service).findFirst();
    }

    /** The routes, in the order they are tried. */
    public List<Route> routes() {
        return routes;
    }

    public Map<String, Integer> servicePorts() {
        return servicePorts;
    }
}
