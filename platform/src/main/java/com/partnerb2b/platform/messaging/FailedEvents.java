package com.partnerb2b.platform.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;

@ApplicationScoped
public class FailedEvents implements PanacheRepositoryBase<FailedEvent, Long> {
}
