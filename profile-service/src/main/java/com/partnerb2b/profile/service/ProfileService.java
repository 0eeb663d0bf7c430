package com.partnerb2b.profile.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.partnerb2b.platform.api.PageRequest;
import com.partnerb2b.platform.error.ApiException;
import com.partnerb2b.platform.error.FieldError;
import com.partnerb2b.platform.events.ProfileErased;
import com.partnerb2b.platform.events.ProfileSubmitted;
import com.partnerb2b.platform.reactive.CallersEventLoop;
import com.partnerb2b.platform.time.TimeSource;
import com.partnerb2b.platform.tracing.TraceParents;
import com.partnerb2b.profile.messaging.ProfileSubmittedPublisher;
import com.partnerb2b.profile.repository.Attribute;
import com.partnerb2b.profile.repository.Document;
import com.partnerb2b.profile.repository.Profile;
import com.partnerb2b.profile.repository.ProfileFilter;
import com.partnerb2b.profile.repository.ProfileReads;
import com.partnerb2b.profile.repository.ProfileReads.StoredDocument;
import com.partnerb2b.profile.repository.ProfileReads.StoredProfile;
import com.partnerb2b.profile.repository.ProfileReads.StoredValue;
import com.partnerb2b.profile.repository.ProfileRepository;
import com.partnerb2b.profile.repository.ProfileValue;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;

/**
 * Profiles of one partner: created and changed only with values the catalogue accepts, submitted
 * when complete (with the {@code profile-submitted} event in the same transaction), erased for real.
 */
@ApplicationScoped
public class ProfileService {

    public static final String COMPLETE_MESSAGE = "Ce profil est complet et prêt pour analyse.";

    public record ProfilePage(List<ProfileSnapshot> profiles, long total) {
    }

    public record Changes(JsonNode attributes, boolean referenceGiven, String externalReference) {
    }

    private final ProfileRepository profiles;
    private final ProfileReads reads;
    private final CatalogueService catalogues;
    private final ProfileValidator validator;
    private final ProfileValueCodec codec;
    private final ProfileSubmittedPublisher submitted;
    private final TimeSource time;
    private final Pool pool;

    public ProfileService(ProfileRepository profiles, ProfileReads reads,
            CatalogueService catalogues, ProfileValidator validator, ProfileValueCodec codec,
            ProfileSubmittedPublisher submitted, TimeSource time, Pool pool) {
        this.profiles = profiles;
        this.reads = reads;
        this.catalogues = catalogues;
        this.validator = validator;
        this.codec = codec;
        this.submitted = submitted;
        this.time = time;
        this.pool = pool;
    }

    /**
     * Creates a profile: the catalogue read first (cached), then the profile and its values written in
     * one statement of the reactive client (through entities it was a transaction of five round trips
     * and a Hibernate flush, bench/RESULTS.md, session 14).
     */
    public Uni<ProfileSnapshot> create(UUID partnerId, Changes request) {
        return catalogueFor(request).chain(catalogue -> CallersEventLoop.answer(create(pool, partnerId, request, catalogue)));
    }

    /** The catalogue a creation is checked against: the cached one, reloaded if it lacks a name the request gives. */
    public Uni<Catalogue> catalogueFor(Changes request) {
        return catalogues.covering(names(request.attributes()), List.of());
    }

    /** Creates a profile through {@code client}: the pool, or a transaction that also stores an idempotent answer. */
    public Uni<ProfileSnapshot> create(SqlClient client, UUID partnerId, Changes request, Catalogue catalogue) {
        List<FieldError> errors = new ArrayList<>();
        LinkedHashMap<Attribute, List<String>> values = withoutEmpty(validator.check(request.attributes(), catalogue, errors).byAttribute());
        requireComplete(values, catalogue, errors);
        if (!errors.isEmpty()) {
            return Uni.createFrom().failure(ProfileValidator.failure(errors));
        }
        Profile profile = new Profile();
        profile.partnerId = partnerId;
        profile.status = Profile.DRAFT;
        profile.externalReference = blankToNull(request.externalReference());
        profile.createdAt = time.now();
        profile.updatedAt = profile.createdAt;
        return profiles.nextId(client).chain(id -> {
            profile.id = id;
            return profiles.insertWithValues(client, profile, rows(profile, values));
        }).map(ignored -> new ProfileSnapshot(profile, values, List.of()));
    }

    public Uni<ProfileSnapshot> get(UUID partnerId, Long id) {
        return reads.owned(id, partnerId).onItem().ifNull().failWith(() -> ApiException.notFound("Profile"))
                .chain(stored -> catalogues.covering(List.of(), attributeIds(List.of(stored)))
                        .map(catalogue -> snapshot(stored, catalogue)));
    }

    public Uni<ProfilePage> list(UUID partnerId, ProfileFilter filter, PageRequest page) {
        return reads.count(partnerId, filter).chain(total -> reads.page(partnerId, filter, page)
                .chain(found -> catalogues.covering(List.of(), attributeIds(found))
                        .map(catalogue -> new ProfilePage(found.stream().map(p -> snapshot(p, catalogue)).toList(), total))));
    }

    /** A profile read without entities: its values decrypted, its attributes and documents' attributes from the catalogue. */
    private ProfileSnapshot snapshot(StoredProfile stored, Catalogue catalogue) {
        LinkedHashMap<Attribute, List<String>> values = new LinkedHashMap<>();
        for (StoredValue value : stored.values()) {
            Attribute attribute = catalogue.byId(value.attributeId());
            values.computeIfAbsent(attribute, a -> new ArrayList<>())
                    .add(codec.decode(stored.profile(), attribute, value.text(), value.cipher(), value.keyId()));
        }
        List<Document> docs = new ArrayList<>();
        for (StoredDocument document : stored.documents()) {
            document.document().attribute = catalogue.byId(document.attributeId());
            docs.add(document.document());
        }
        return new ProfileSnapshot(stored.profile(), values, docs);
    }

    private static Set<Long> attributeIds(List<StoredProfile> stored) {
        Set<Long> ids = new HashSet<>();
        for (StoredProfile profile : stored) {
            profile.values().forEach(value -> ids.add(value.attributeId()));
            profile.documents().forEach(document -> ids.add(document.attributeId()));
        }
        return ids;
    }

    /**
     * PATCH ({@code replaceAll=false}): the given attributes replace their values, null removes one.
     * PUT ({@code replaceAll=true}): the given attributes are all the profile has. Either way a
     * submitted profile returns to draft. One transaction of the reactive client holding the
     * profile's row lock: read, checked, and written in one statement that replaces only the values
     * of the attributes that changed (through entities, every change deleted and inserted all 23
     * values in nine round trips and a flush: bench/RESULTS.md, session 18). An attribute keeps its
     * place among the profile's values; one it did not have comes after them, in request order.
     */
    public Uni<ProfileSnapshot> update(UUID partnerId, Long id, Changes changes, boolean replaceAll) {
        return withLockedProfile(partnerId, id, names(changes.attributes()),
                (transaction, stored, catalogue) -> update(transaction, stored, catalogue, changes, replaceAll));
    }

    private Uni<ProfileSnapshot> update(SqlClient transaction, StoredProfile stored, Catalogue catalogue, Changes changes,
            boolean replaceAll) {
        List<FieldError> errors = new ArrayList<>();
        LinkedHashMap<Attribute, List<String>> given = validator.check(changes.attributes(), catalogue, errors).byAttribute();
        ProfileSnapshot before = snapshot(stored, catalogue);
        LinkedHashMap<Attribute, List<String>> held = before.values();
        LinkedHashMap<Attribute, List<String>> changed = new LinkedHashMap<>();
        held.forEach((attribute, values) -> {
            if (!replaceAll || given.containsKey(attribute)) {
                changed.put(attribute, given.getOrDefault(attribute, values));
            }
        });
        given.forEach(changed::putIfAbsent);
        LinkedHashMap<Attribute, List<String>> merged = withoutEmpty(changed);
        requireComplete(merged, catalogue, errors);
        if (!errors.isEmpty()) {
            return Uni.createFrom().failure(ProfileValidator.failure(errors));
        }
        Profile profile = stored.profile();
        if (changes.referenceGiven() || replaceAll) {
            profile.externalReference = blankToNull(changes.externalReference());
        }
        markChanged(profile);
        Set<Long> replaced = new HashSet<>();
        List<ProfileValue> rows = new ArrayList<>();
        for (Attribute attribute : union(held.keySet(), merged.keySet())) {
            List<String> now = merged.getOrDefault(attribute, List.of());
            if (!now.equals(held.getOrDefault(attribute, List.of()))) {
                replaced.add(attribute.id);
                now.forEach(text -> rows.add(codec.encode(profile, attribute, 0, text)));
            }
        }
        return profiles.change(transaction, profile, replaced, held.keySet().stream().map(a -> a.id).collect(Collectors.toSet()), rows)
                .map(ignored -> new ProfileSnapshot(profile, merged, before.documents()));
    }

    private static Set<Attribute> union(Set<Attribute> first, Set<Attribute> second) {
        Set<Attribute> all = new LinkedHashSet<>(first);
        all.addAll(second);
        return all;
    }

    /**
     * Erases the profile and every stored copy of its data: values, documents and their contents,
     * idempotency answers (all by the database's ON DELETE CASCADE) and its events still in the outbox;
     * its {@code profile.erased} event tells analysis-service to drop the submissions it keeps. One
     * transaction of the reactive client holding the profile's row lock, which waits for a submit under
     * way to commit, so that its event is found and erased too.
     */
    public Uni<Void> delete(UUID partnerId, Long id) {
        String traceparent = TraceParents.current();
        ProfileErased erased = new ProfileErased(partnerId, id, time.now());
        return CallersEventLoop.answer(pool.withTransaction(transaction -> reads.lockOwned(transaction, id, partnerId)
                .chain(found -> !found ? Uni.createFrom().failure(ApiException.notFound("Profile"))
                        : submitted.eraseWithEvent(transaction, ProfileRepository.deletion(id, partnerId), erased, traceparent))))
                .replaceWithVoid();
    }

    /**
     * Submits a complete draft: its status and its profile-submitted event in one transaction of the
     * reactive client, the profile read without entities (its row locked, as {@code ProfileReads.ownedForUpdate}
     * does) — loading and flushing the profile with its values through Hibernate was most of a
     * submit's CPU, on every analysis's path (bench/RESULTS.md, session 13). A profile already
     * submitted answers its completeness again and publishes nothing.
     */
    public Uni<Completeness> submit(UUID partnerId, Long id) {
        String traceparent = TraceParents.current();
        return withLockedProfile(partnerId, id, List.of(), (transaction, stored, catalogue) -> submit(transaction, stored, catalogue, traceparent));
    }

    private Uni<Completeness> submit(SqlClient transaction, StoredProfile stored, Catalogue catalogue, String traceparent) {
        ProfileSnapshot snapshot = snapshot(stored, catalogue);
        Set<Long> documentAttributes = snapshot.documents().stream().map(d -> d.attribute.id).collect(Collectors.toSet());
        Completeness completeness = validator.completeness(snapshot.values(), documentAttributes, catalogue, true);
        if (!completeness.missing().isEmpty()) {
            List<FieldError> missing = completeness.missing().stream()
                    .map(name -> new FieldError(name, ProfileValidator.MISSING_REQUIRED)).toList();
            return Uni.createFrom().failure(new ApiException(400, "missing_required_attributes",
                    ProfileValidator.MISSING_REQUIRED, missing).with("completion", completeness.percentage()));
        }
        Profile profile = stored.profile();
        if (!Profile.DRAFT.equals(profile.status)) {
            return Uni.createFrom().item(completeness);
        }
        profile.status = Profile.COMPLETE;
        profile.submissionId = UUID.randomUUID();
        profile.submittedAt = time.now();
        profile.updatedAt = profile.submittedAt;
        return submitted.recordWithEvent(transaction, ProfileRepository.submission(profile),
                submission(profile, catalogue, snapshot.values()), traceparent).replaceWith(completeness);
    }

    /** What is done to a profile read with its row locked, in the transaction that holds the lock. */
    @FunctionalInterface
    private interface LockedWork<T> {
        Uni<T> run(SqlClient transaction, StoredProfile stored, Catalogue catalogue);
    }

    /** The work's outcome; or, when the catalogue lacks an attribute the profile holds (added since it was read), which ones. */
    private record LockedAttempt<T>(T outcome, Set<Long> unknownAttributes) {
    }

    /**
     * Runs {@code work} on the partner's profile in one transaction of the reactive client that holds
     * the profile's row lock (as {@code ProfileReads.ownedForUpdate} does: a partner's writes to one profile take
     * turns), with a catalogue knowing the attributes {@code names} and every one the profile holds: the
     * cached one, reloaded when the profile turns out to hold one added since. The catalogue is read
     * before the transaction opens, never while it holds a connection.
     */
    private <T> Uni<T> withLockedProfile(UUID partnerId, long id, List<String> names, LockedWork<T> work) {
        return catalogues.covering(names, List.of()).chain(catalogue -> withLockedProfile(partnerId, id, catalogue, work, false))
                .chain(attempt -> attempt.unknownAttributes() == null ? Uni.createFrom().item(attempt.outcome())
                        : catalogues.covering(names, attempt.unknownAttributes())
                                .chain(catalogue -> withLockedProfile(partnerId, id, catalogue, work, true))
                                .map(LockedAttempt::outcome));
    }

    private <T> Uni<LockedAttempt<T>> withLockedProfile(UUID partnerId, long id, Catalogue catalogue, LockedWork<T> work, boolean reloaded) {
        return CallersEventLoop.answer(pool.withTransaction(transaction -> reads.ownedForUpdate(transaction, id, partnerId).chain(stored -> {
            if (stored == null) {
                return Uni.createFrom().failure(ApiException.notFound("Profile"));
            }
            Set<Long> held = attributeIds(List.of(stored));
            if (!catalogue.knowsAll(List.of(), held)) {
                if (reloaded) {
                    return Uni.createFrom().failure(new IllegalStateException("Profile " + id + " holds attributes its catalogue lacks"));
                }
                return Uni.createFrom().item(new LockedAttempt<T>(null, held));
            }
            return work.run(transaction, stored, catalogue).map(outcome -> new LockedAttempt<T>(outcome, null));
        })));
    }

    /**
     * What profile-submitted tells of this submission: the values in their JSON types, never a
     * document nor a value of a sensitive attribute, and the catalogue version they were checked against.
     */
    private ProfileSubmitted submission(Profile profile, Catalogue catalogue, Map<Attribute, List<String>> values) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        values.forEach((attribute, texts) -> {
            if (!attribute.sensitiveData && !attribute.isFile()) {
                attributes.put(attribute.name, codec.typed(attribute, texts));
            }
        });
        return new ProfileSubmitted(profile.partnerId, profile.id, profile.submissionId, catalogue.version(),
                profile.externalReference, profile.submittedAt, attributes);
    }

    /** Marks an owned profile as changed: modified after submission, it needs a new submit. */
    public static void markChanged(Profile profile) {
        profile.status = Profile.DRAFT;
        profile.submissionId = null;
        profile.updatedAt = Instant.now();
    }

    private static List<String> names(JsonNode attributes) {
        List<String> names = new ArrayList<>();
        if (attributes != null && attributes.isObject()) {
            attributes.fieldNames().forEachRemaining(names::add);
        }
        return names;
    }

    private List<ProfileValue> rows(Profile profile, Map<Attribute, List<String>> values) {
        List<ProfileValue> rows = new ArrayList<>();
        int position = 0;
        for (Map.Entry<Attribute, List<String>> entry : values.entrySet()) {
            for (String text : entry.getValue()) {
                rows.add(codec.encode(profile, entry.getKey(), position++, text));
            }
        }
        return rows;
    }

    /** Adds a "missing" error for each required attribute without a value, unless its value was already refused. */
    private void requireComplete(Map<Attribute, List<String>> values, Catalogue catalogue, List<FieldError> errors) {
        Set<String> refused = errors.stream().map(FieldError::field).collect(Collectors.toSet());
        for (String missing : validator.completeness(values, Set.of(), catalogue, false).missing()) {
            if (!refused.contains(missing)) {
                errors.add(new FieldError(missing, ProfileValidator.MISSING_REQUIRED));
            }
        }
    }

    private static LinkedHashMap<Attribute, List<String>> withoutEmpty(Map<Attribute, List<String>> values) {
        LinkedHashMap<Attribute, List<String>> kept = new LinkedHashMap<>();
        values.forEach((attribute, list) -> {
            if (!list.isEmpty()) {
                kept.put(attribute, list);
            }
        });
        return kept;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
