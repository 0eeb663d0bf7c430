package com.partnerb2b.webhook.delivery;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * The operating system's resolver. Only ever given DNS names: {@link AddressGuard} parses every numeric or
 * bracketed host itself, because the C library behind {@code getAllByName} accepts forms such as
 * {@code 0x7f.1} or {@code 017700000001} with inet_aton rules the guard must see through first.
 */
public final class SystemHostResolver implements HostResolver {

    @Override
    public List<InetAddress> resolve(String host) throws UnknownHostException {
        return List.of(InetAddress.getAllByName(host));
    }
}
