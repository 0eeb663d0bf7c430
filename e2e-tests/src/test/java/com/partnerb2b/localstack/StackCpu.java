package com.partnerb2b.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * CPU time of each process of a running {@code ./partnerb2b start}, read from {@code /proc} (Linux), so a
 * bench can say what one unit of work costs the whole stack between two readings on the same machine.
 * PostgreSQL is the postmaster, its live backends and the children it has reaped. Empty where
 * {@code /proc} is not there, or a process of the stack is not found or found twice.
 */
final class StackCpu {

    /** Kernel clock ticks per second: {@code USER_HZ}, 100 on every Linux the stack runs on. */
    private static final double TICK_MS = 10.0;

    static final List<String> PROCESSES = List.of("auth", "profile", "analysis", "webhook", "gateway", "kafka", "postgres");

    private final Map<String, Long> pids = new LinkedHashMap<>();

    private StackCpu() {
    }

    static Optional<StackCpu> find() {
        if (!Files.isDirectory(Path.of("/proc/self"))) {
            return Optional.empty();
        }
        StackCpu cpu = new StackCpu();
        for (String service : List.of("auth", "profile", "analysis", "webhook")) {
            cpu.add(service, command -> command.contains(service + "-service/target/quarkus-app/quarkus-run.jar"));
        }
        cpu.add("gateway", command -> command.contains("local-stack/target/local-stack.jar"));
        cpu.add("kafka", command -> command.contains("kafka-server.properties"));
        // The local stack's own server: its data folder is <home>/postgres-data.
        cpu.add("postgres", command -> command.matches("(.*/)?postgres -D \\S*/postgres-data( .*)?"));
        return cpu.pids.size() == PROCESSES.size() ? Optional.of(cpu) : Optional.empty();
    }

    /** Only if exactly one process matches: with two stacks running, neither would be measured right. */
    private void add(String name, Predicate<String> command) {
        List<ProcessHandle> matching = ProcessHandle.allProcesses()
                .filter(process -> process.info().commandLine().filter(command).isPresent())
                .limit(2)
                .toList();
        if (matching.size() == 1) {
            pids.put(name, matching.get(0).pid());
        }
    }

    /**
     * The JIT compilers' threads of the stack's JVMs, summed, in {@link #reading()}: a lower bound, since
     * a JVM ends compiler threads it no longer needs and their CPU leaves the sum (not the process's).
     */
    static final String JIT = "of which JIT";

    /** Milliseconds of CPU each process has used so far, and {@link #JIT}. */
    Map<String, Double> reading() {
        Map<String, Double> used = new LinkedHashMap<>();
        pids.forEach((name, pid) -> used.put(name, TICK_MS * ("postgres".equals(name) ? postgresTicks(pid) : ticks(stat(pid), false))));
        used.put(JIT, pids.entrySet().stream().filter(process -> !"postgres".equals(process.getKey()))
                .mapToLong(process -> compilerTicks(process.getValue())).sum() * TICK_MS);
        return used;
    }

    /** The postmaster with the backends it has reaped, and its live backends. */
    private static long postgresTicks(long pid) {
        return ticks(stat(pid), true)
                + ProcessHandle.of(pid).stream().flatMap(ProcessHandle::children).mapToLong(child -> ticks(stat(child.pid()), false)).sum();
    }

    /** CPU of a JVM's "C1 CompilerThre…" and "C2 CompilerThre…" threads. */
    private static long compilerTicks(long pid) {
        try (var threads = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            return threads.filter(thread -> {
                try {
                    return Files.readString(thread.resolve("comm")).strip().matches("C\\d CompilerThre.*");
                } catch (IOException e) {
                    return false;
                }
            }).mapToLong(thread -> ticks(thread.resolve("stat"), false)).sum();
        } catch (IOException e) {
            return 0;
        }
    }

    private static Path stat(long pid) {
        return Path.of("/proc", Long.toString(pid), "stat");
    }

    /** utime + stime (+ cutime + cstime: reaped children) from a /proc stat file; 0 for a process that is gone. */
    private static long ticks(Path statFile, boolean withReapedChildren) {
        try {
            String stat = Files.readString(statFile);
            // Fields after the command name, which is in parentheses and may hold spaces: state is field 3.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            return withReapedChildren ? ticks + Long.parseLong(fields[13]) + Long.parseLong(fields[14]) : ticks;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
