package com.partnerb2b.localstack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class GatewayPathsTest {

    @Test
    void dot_segments_and_duplicate_slashes_are_resolved() {
        assertEquals(Optional.of("/api/v1/profiles/"), GatewayPaths.normalise("/api/v1/profiles/"));
        assertEquals(Optional.of("/api/v1/profiles"), GatewayPaths.normalise("/api/v1/profiles"));
        assertEquals(Optional.of("/admin/v1/partners/"), GatewayPaths.normalise("/api/v1/profiles/../../../admin/v1/partners/"));
        assertEquals(Optional.of("/api/admin/v1/partners/"), GatewayPaths.normalise("/api/v1/profiles/../../admin/v1/partners/"));
        assertEquals(Optional.of("/admin/v1/partners"), GatewayPaths.normalise("//admin//v1/partners"));
        assertEquals(Optional.of("/a/b/"), GatewayPaths.normalise("/a/b/."));
        assertEquals(Optional.of("/a/"), GatewayPaths.normalise("/a/b/.."));
        assertEquals(Optional.of("/a/c"), GatewayPaths.normalise("/a/./b/../c"));
        assertEquals(Optional.of("/"), GatewayPaths.normalise("/a/.."));
        assertEquals(Optional.of("/"), GatewayPaths.normalise("/"));
        assertEquals(Optional.of("/a/"), GatewayPaths.normalise("/a//"));
        assertEquals(Optional.of("/a/..b/c.."), GatewayPaths.normalise("/a/..b/c.."));
    }

    @Test
    void escaped_unreserved_characters_are_decoded_and_other_escapes_kept_in_one_spelling() {
        assertEquals(Optional.of("/admin/v1/partners/"), GatewayPaths.normalise("/api/v1/profiles/%2e%2e/%2E%2E/%2e%2e/admin/v1/partners/"));
        assertEquals(Optional.of("/api/v1/profiles/~x-1_a.b"), GatewayPaths.normalise("/api/v1/profiles/%7Ex%2D1%5Fa%2eb"));
        assertEquals(Optional.of("/api/v1/documents/a%20b%C3%A9"), GatewayPaths.normalise("/api/v1/documents/a%20b%c3%a9"));
        assertEquals(Optional.of("/api/v1/profiles/%252e%252e/"), GatewayPaths.normalise("/api/v1/profiles/%252e%252e/"));
    }

    @Test
    void what_could_be_read_otherwise_downstream_is_refused() {
        for (String path : new String[] {
                "/api/v1/profiles/1%2F..%2Fadmin", "/api/v1/profiles/1%2f..", "/api/v1/profiles/..%5Cadmin",
                "/api/v1/profiles/..\\admin", "/..", "/../admin/v1/partners/", "/a/../../b", "/%2e%2e/admin",
                "/a/%00", "/a/%0A", "/a/%7f", "/a/\u0001", "/a/%", "/a/%4", "/a/%zz", "", "relative/path"}) {
            assertEquals(Optional.empty(), GatewayPaths.normalise(path), path);
        }
        assertEquals(Optional.empty(), GatewayPaths.normalise(null));
    }
}
