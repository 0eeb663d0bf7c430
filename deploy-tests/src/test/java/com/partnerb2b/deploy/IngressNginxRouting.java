package com.partnerb2b.deploy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;

/**
 * How ingress-nginx routes a request path through a rendered Ingress with
 * {@code nginx.ingress.kubernetes.io/use-regex: "true"}: every path of the host becomes a
 * case-insensitive regex location {@code ~* "^<path>"}, the locations are written longest path
 * first, and nginx takes the first regex location that matches (a search from the start of the
 * URI, not a whole-string match). Paths of equal length that both match a request would leave
 * the outcome to the controller's sort: that is reported as an error, not guessed.
 */
final class IngressNginxRouting {

    private record Location(String path, Pattern regex, String serviceName) {
    }

    private final List<Location> locations = new ArrayList<>();

    IngressNginxRouting(Ingress ingress, String host) {
        if (!"true".equals(ingress.getMetadata().getAnnotations().get("nginx.ingress.kubernetes.io/use-regex"))) {
            throw new AssertionError("The Ingress does not turn on use-regex: its paths would not be regular expressions");
        }
        for (IngressRule rule : ingress.getSpec().getRules()) {
            if (rule.getHost() != null && !rule.getHost().equals(host)) {
                continue;
            }
            for (HTTPIngressPath path : rule.getHttp().getPaths()) {
                if (!"ImplementationSpecific".equals(path.getPathType())) {
                    throw new AssertionError("Regex path " + path.getPath() + " must be ImplementationSpecific, not " + path.getPathType());
                }
                locations.add(new Location(path.getPath(), Pattern.compile("^" + path.getPath(), Pattern.CASE_INSENSITIVE),
                        path.getBackend().getService().getName()));
            }
        }
        locations.sort(Comparator.comparingInt((Location l) -> l.path().length()).reversed());
    }

    /** The backend Service name that answers this path, if any location matches. */
    Optional<String> serviceFor(String requestPath) {
        for (int i = 0; i < locations.size(); i++) {
            Location location = locations.get(i);
            if (!location.regex().matcher(requestPath).find()) {
                continue;
            }
            for (int j = i + 1; j < locations.size() && locations.get(j).path().length() == location.path().length(); j++) {
                Location tie = locations.get(j);
                if (tie.regex().matcher(requestPath).find() && !tie.serviceName().equals(location.serviceName())) {
                    throw new AssertionError(requestPath + " matches " + location.path() + " and " + tie.path()
                            + ", of the same length: the controller's order would decide");
                }
            }
            return Optional.of(location.serviceName());
        }
        return Optional.empty();
    }
}
