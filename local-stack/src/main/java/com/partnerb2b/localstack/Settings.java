package com.partnerb2b.localstack;

/** The launcher's settings: environment variables, with the local default when unset or blank. */
final class Settings {

    private Settings() {
    }

    static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
