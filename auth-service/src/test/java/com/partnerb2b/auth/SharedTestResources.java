package com.partnerb2b.auth;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;

import com.partnerb2b.platform.test.PostgresTestResource;

/** One real PostgreSQL database for every test class of this module (no restart between classes). */
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
public final class SharedTestResources {
    private SharedTestResources() {
    }
}
