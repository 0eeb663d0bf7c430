package com.partnerb2b.profile.service;

import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import com.partnerb2b.profile.repository.AttributeRepository;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/**
 * The catalogue, cached: every profile write validates against it and every partner reads it, while
 * operators change it rarely. The cached copy is compared with the database's catalogue version at
 * most every {@link #CHECK_EVERY} (one single-row read), so a change made through any replica shows
 * on every replica within that time.
 */
@ApplicationScoped
public class CatalogueService {

    static final Duration CHECK_EVERY = Duration.ofSeconds(1);

    private record Cached(Catalogue catalogue, long version, Instant checkedAt) {
    }

    private final AttributeRepository attributes;
    private volatile Cached cached;

    public CatalogueService(AttributeRepository attributes) {
        this.attributes = attributes;
    }

    public Uni<Catalogue> current() {
        Catalogue fresh = fresh();
        return fresh != null ? Uni.createFrom().item(fresh) : checked();
    }

    /**
     * The catalogue, reloaded first if it lacks an attribute the request names or the profile
     * holds (added since this replica last checked).
     */
    public Uni<Catalogue> covering(Iterable<String> names, Iterable<Long> ids) {
        Catalogue fresh = fresh();
        return fresh != null && fresh.knowsAll(names, ids) ? Uni.createFrom().item(fresh) : checkedCovering(names, ids);
    }

    /**
     * The cached copy if it was compared with the database within {@link #CHECK_EVERY}; null otherwise. Most
     * requests end here, without opening a Hibernate session (which cost a profile read an eighth of its CPU).
     */
    private Catalogue fresh() {
        Cached known = cached;
        return known != null && known.checkedAt().plus(CHECK_EVERY).isAfter(Instant.now()) ? known.catalogue() : null;
    }

    @WithSession
    Uni<Catalogue> checked() {
        Cached known = cached;
        Instant now = Instant.now();
        return attributes.catalogueVersion().chain(version -> {
            if (known != null && known.version() == version) {
                cached = new Cached(known.catalogue(), version, now);
                return Uni.createFrom().item(known.catalogue());
            }
            return load(version);
        });
    }

    @WithSession
    Uni<Catalogue> checkedCovering(Iterable<String> names, Iterable<Long> ids) {
        return current().chain(catalogue -> {
            if (catalogue.knowsAll(names, ids)) {
                return Uni.createFrom().item(catalogue);
            }
            // Reload only if the catalogue changed: a name that is simply unknown costs one small read.
            Cached known = cached;
            return attributes.catalogueVersion().chain(version -> known != null && known.version() == version
                    ? Uni.createFrom().item(known.catalogue())
                    : load(version));
        });
    }

    /** Read the version before the rows: a change between the two only causes one more reload. */
    private Uni<Catalogue> load(long version) {
        return attributes.catalogue().map(list -> {
            Catalogue loaded = new Catalogue(list, version);
            cached = new Cached(loaded, version, Instant.now());
            return loaded;
        });
    }

    /** Forgets the cached copy (this replica's own changes show at once). */
    public void invalidate() {
        cached = null;
    }
}
