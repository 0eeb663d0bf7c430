package com.partnerb2b.webhook.delivery;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A DNS the test controls: names it was not told about do not exist; every question is recorded. */
final class TestResolver implements HostResolver {

    private final Map<String, List<InetAddress>> records = new HashMap<>();
    final List<String> questions = new ArrayList<>();

    TestResolver with(String name, String... addresses) {
        List<InetAddress> list = new ArrayList<>();
        for (String a : addresses) {
            list.add(address(name, a));
        }
        records.put(name, list);
        return this;
    }

    @Override
    public synchronized List<InetAddress> resolve(String host) throws UnknownHostException {
        questions.add(host);
        List<InetAddress> found = records.get(host);
        if (found == null) {
            throw new UnknownHostException(host);
        }
        return found;
    }

    /** Builds an address from a numeric literal without any lookup (a literal with ':' or dotted decimal). */
    static InetAddress address(String name, String literal) {
        try {
            InetAddress parsed = InetAddress.getByName(literal.contains(":") ? "[" + literal + "]" : requireDotted(literal));
            return InetAddress.getByAddress(name, parsed.getAddress());
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(literal, e);
        }
    }

    private static String requireDotted(String literal) {
        if (!literal.matches("\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}")) {
            throw new IllegalArgumentException("test addresses must be dotted-decimal: " + literal);
        }
        return literal;
    }
}
