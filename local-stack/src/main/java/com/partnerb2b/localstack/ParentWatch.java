package com.partnerb2b.localstack;

/**
 * A Java agent ({@code -javaagent:local-stack-parent-watch.jar=<pid>}) given to every JVM the local
 * stack starts: when the launcher's process ends, even killed with SIGKILL and so without running
 * its shutdown hook, the child exits normally (its own shutdown hooks run) instead of living on as
 * an orphan holding its port. Built into its own jar, with no class path of its own.
 */
public final class ParentWatch {

    private ParentWatch() {
    }

    public static void premain(String launcherPid) {
        long pid;
        try {
            pid = Long.parseLong(launcherPid == null ? "" : launcherPid.strip());
        } catch (NumberFormatException e) {
            System.err.println("[parent-watch] no launcher pid given: not watching");
            return;
        }
        java.util.Optional<ProcessHandle> launcher = ProcessHandle.of(pid);
        if (launcher.isEmpty() || !launcher.get().isAlive()) {
            System.err.println("[parent-watch] launcher " + pid + " is gone: exiting");
            System.exit(1);
        }
        launcher.get().onExit().thenRun(() -> {
            System.err.println("[parent-watch] launcher " + pid + " ended: exiting");
            System.exit(0);
        });
    }
}
