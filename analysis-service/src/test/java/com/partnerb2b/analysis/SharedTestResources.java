package com.partnerb2b.analysis;

import com.partnerb2b.platform.test.KafkaTestResource;
import com.partnerb2b.platform.test.PostgresTestResource;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;

/** One real PostgreSQL database, one real Kafka broker and the stand-in profile-service for every test class. */
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = ProfileServiceStandIn.class, scope = TestResourceScope.GLOBAL)
public final class SharedTestResources {
    private SharedTestResources() {
    }
}
