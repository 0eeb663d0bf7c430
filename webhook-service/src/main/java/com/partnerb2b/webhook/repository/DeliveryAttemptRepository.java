package com.partnerb2b.webhook.repository;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class DeliveryAttemptRepository implements PanacheRepositoryBase<DeliveryAttempt, Long> {

    public Uni<List<DeliveryAttempt>> ofDeliveries(List<Long> deliveryIds) {
        return deliveryIds.isEmpty() ? Uni.createFrom().item(List.of())
                : list("deliveryId in ?1", Sort.ascending("id"), deliveryIds);
    }
}
