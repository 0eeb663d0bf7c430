package com.partnerb2b.deploy;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The parser the chart's tests rely on refuses a field Kubernetes does not know. */
class StrictParsingTest {

    @Test
    void aMisplacedFieldFailsTheParse() {
        String deployment = """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: misplaced
                spec:
                  replicas: 1
                  template:
                    spec:
                      containers:
                        - name: app
                          image: app:1
                          livenessProbe:
                            path: /q/health/live
                """;
        AssertionError refused = assertThrows(AssertionError.class, () -> RenderedManifests.parse(deployment));
        assertTrue(refused.getMessage().contains("path"), refused.getMessage());
    }

    @Test
    void anUnexpectedKindFailsToo() {
        assertThrows(AssertionError.class, () -> RenderedManifests.parse("apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n"));
    }
}
