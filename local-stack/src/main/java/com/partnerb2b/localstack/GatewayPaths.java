package com.partnerb2b.localstack;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * The one form of a request path that the gateway routes on and forwards, so that a service never
 * receives a path that another route owns once the service decodes it.
 *
 * <p>Percent-encoded unreserved characters are decoded (so {@code %2e} is a dot), duplicate slashes
 * are collapsed and dot segments removed (RFC 3986, 5.2.4). A path is refused when it could still be
 * read differently downstream: an encoded {@code /} or {@code \}, a raw {@code \}, a control
 * character (raw or encoded), a malformed escape, or a {@code ..} that would climb above the root.
 */
public final class GatewayPaths {

    private GatewayPaths() {
    }

    /** The normalised path, or empty when the path has to be refused. */
    public static Optional<String> normalise(String rawPath) {
        if (rawPath == null || !rawPath.startsWith("/")) {
            return Optional.empty();
        }
        StringBuilder decoded = new StringBuilder(rawPath.length());
        for (int i = 0; i < rawPath.length(); i++) {
            char c = rawPath.charAt(i);
            if (c == '%') {
                if (i + 2 >= rawPath.length()) {
                    return Optional.empty();
                }
                int high = Character.digit(rawPath.charAt(i + 1), 16);
                int low = Character.digit(rawPath.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    return Optional.empty();
                }
                char escaped = (char) (high * 16 + low);
                if (escaped == '/' || escaped == '\\' || isControl(escaped)) {
                    return Optional.empty();
                }
                if (isUnreserved(escaped)) {
                    decoded.append(escaped);
                } else {
                    // Other escapes keep their meaning for the service; upper-case hex is their one spelling.
                    decoded.append('%').append(Character.toUpperCase(rawPath.charAt(i + 1)))
                            .append(Character.toUpperCase(rawPath.charAt(i + 2)));
                }
                i += 2;
            } else if (c == '\\' || isControl(c)) {
                return Optional.empty();
            } else {
                decoded.append(c);
            }
        }
        return removeDotSegments(decoded.toString());
    }

    private static Optional<String> removeDotSegments(String path) {
        Deque<String> kept = new ArrayDeque<>();
        String[] segments = path.split("/", -1);
        boolean endsAsDirectory = false;
        for (int i = 1; i < segments.length; i++) {
            String segment = segments[i];
            boolean last = i == segments.length - 1;
            if (segment.isEmpty()) {
                endsAsDirectory = last;
            } else if (segment.equals(".")) {
                endsAsDirectory = true;
            } else if (segment.equals("..")) {
                if (kept.isEmpty()) {
                    return Optional.empty();
                }
                kept.removeLast();
                endsAsDirectory = true;
            } else {
                kept.addLast(segment);
                endsAsDirectory = false;
            }
        }
        if (kept.isEmpty()) {
            return Optional.of("/");
        }
        StringBuilder normalised = new StringBuilder(path.length());
        kept.forEach(segment -> normalised.append('/').append(segment));
        if (endsAsDirectory) {
            normalised.append('/');
        }
        return Optional.of(normalised.toString());
    }

    private static boolean isUnreserved(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                || c == '-' || c == '.' || c == '_' || c == '~';
    }

    private static boolean isControl(char c) {
        return c < 0x20 || c == 0x7f;
    }
}
