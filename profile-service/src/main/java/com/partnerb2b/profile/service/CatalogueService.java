package com.partnerb2b.profile.service;

import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import com.partnerb2b.profile.repository.AttributeRepository;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/**
 * The catalogue, read from the database at most every few seconds: every profile write validates
 * against it, and operators change it rarely (a change here is visible at once, on other replicas
 * within {@link #MAX_AGE}).
 */
@ApplicationScoped
public class CatalogueService {

    static final Duration MAX_AGE = Duration.ofSeconds(10);

    private final AttributeRepository attributes;
    private volatile Catalogue cached;
    private volatile Instant loadedAt = Instant.EPOCH;

    public CatalogueService(AttributeRepository attributes) {
        this.attributes = attributes;
    }

    @WithSession
    public Uni<Catalogue> current() {
        Catalogue catalogue = cached;
        if (catalogue != null && loadedAt.plus(MAX_AGE).isAfter(Instant.now())) {
            return Uni.createFrom().item(catalogue);
        }
        return reload();
    }

    /**
     * The catalogue, reloaded first if it lacks an attribute the request names or the profile
     * holds: one added by an operator through another replica since this one cached it.
     */
    @WithSession
    public Uni<Catalogue> covering(Iterable<String> names, Iterable<Long> ids) {
        return current().chain(catalogue -> catalogue.knowsAll(names, ids) ? Uni.createFrom().item(catalogue) : reload());
    }

    private Uni<Catalogue> reload() {
        return attributes.catalogue().map(list -> {
            Catalogue loaded = new Catalogue(list);
            cached = loaded;
            loadedAt = Instant.now();
            return loaded;
        });
    }

    public void invalidate() {
        cached = null;
    }
}
