package com.partnerb2b.webhook.repository;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;

@ApplicationScoped
public class DeliveryAttemptRepository implements PanacheRepositoryBase<DeliveryAttempt, Long> {
}
