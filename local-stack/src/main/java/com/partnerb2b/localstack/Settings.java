package com.partnerb2b.localstack;

import java.util.List;

/** The launcher's settings: environment variables, with the local default when unset or blank. */
final class Settings {

    private Settings() {
    }

    /** {@code fallback} (may be null) when the variable is unset or blank. */
    static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    /** Space-separated options, such as a JVM's. */
    static List<String> options(String name, String fallback) {
        return List.of(env(name, fallback).strip().split("\\s+"));
    }
}
