package com.partnerb2b.webhook;

import com.partnerb2b.platform.test.KafkaTestResource;
import com.partnerb2b.platform.test.PostgresTestResource;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;

/** One real PostgreSQL database and one real Kafka broker for every test class of this module. */
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
public final class SharedTestResources {
    private SharedTestResources() {
    }
}
