package com.partnerb2b.webhook.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class EndpointRepository implements PanacheRepositoryBase<Endpoint, Long> {

    public Uni<Endpoint> ofPartner(UUID partnerId) {
        return find("partnerId", partnerId).firstResult();
    }

    /** The partner's endpoint, or null — also for another partner's. */
    public Uni<Endpoint> owned(UUID partnerId, long id) {
        return find("id = ?1 and partnerId = ?2", id, partnerId).firstResult();
    }

    public Uni<Endpoint> lockOwned(UUID partnerId, long id) {
        return find("id = ?1 and partnerId = ?2", id, partnerId).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }
}
