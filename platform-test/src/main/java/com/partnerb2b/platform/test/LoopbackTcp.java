package com.partnerb2b.platform.test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The kernel's view of one loopback TCP connection of this JVM (Linux, {@code /proc/net/tcp*}): whether the
 * server's side of it is still open. A server that read the caller's FIN leaves CLOSE_WAIT as soon as it
 * closes its side; which is exactly "the server has seen the caller go", with nothing else counted.
 */
public final class LoopbackTcp {

    /** ESTABLISHED and CLOSE_WAIT: the server has not closed its side yet. */
    private static final Set<String> OPEN_STATES = Set.of("01", "08");

    private LoopbackTcp() {
    }

    /** Whether the server's end (local port {@code serverPort}, peer port {@code callerPort}) is still open. */
    public static boolean open(int serverPort, int callerPort) throws IOException {
        Path ipv4 = Path.of("/proc/net/tcp");
        if (!Files.isReadable(ipv4)) {
            throw new IllegalStateException("this test reads the kernel's TCP table from /proc/net/tcp (Linux)");
        }
        try (Stream<String> lines = Stream.concat(Files.lines(ipv4), Files.lines(Path.of("/proc/net/tcp6")))) {
            return lines.map(String::trim).map(line -> line.split("\\s+"))
                    .filter(fields -> fields.length > 3 && fields[1].contains(":") && fields[2].contains(":"))
                    .anyMatch(fields -> port(fields[1]) == serverPort && port(fields[2]) == callerPort
                            && OPEN_STATES.contains(fields[3]));
        }
    }

    private static int port(String hexAddress) {
        return Integer.parseInt(hexAddress.substring(hexAddress.lastIndexOf(':') + 1), 16);
    }
}
