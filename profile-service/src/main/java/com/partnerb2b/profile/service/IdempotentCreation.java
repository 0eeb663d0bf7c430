package com.partnerb2b.profile.service;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.partnerb2b.platform.crypto.Digests;
import com.partnerb2b.platform.crypto.FieldCipher;
import com.partnerb2b.platform.error.ApiException;
import com.partnerb2b.platform.error.FieldError;
import com.partnerb2b.platform.reactive.CallersEventLoop;
import com.partnerb2b.profile.repository.IdempotencyRecord;
import com.partnerb2b.profile.repository.IdempotencyRepository;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;

/**
 * {@code POST /profiles/} with an {@code Idempotency-Key}: within 24 h the same key and body replay
 * the first answer and create nothing; the same key with another body is refused (422). The record
 * is written in the creating transaction, so a retry after a crash either finds it or creates anew;
 * two requests with one new key at once: one creates, the other is answered 409 (retry replays).
 */
@ApplicationScoped
public class IdempotentCreation {

    static final Duration RETENTION = Duration.ofHours(24);

    /** The answer to send: status and JSON body. */
    public record Answer(int status, String body) {
    }

    private final ProfileService profiles;
    private final IdempotencyRepository records;
    private final ObjectMapper mapper;
    private final FieldCipher cipher;
    private final Pool pool;

    public IdempotentCreation(ProfileService profiles, IdempotencyRepository records, ObjectMapper mapper, FieldCipher cipher, Pool pool) {
        this.profiles = profiles;
        this.records = records;
        this.mapper = mapper;
        this.cipher = cipher;
        this.pool = pool;
    }

    /**
     * Without a key the profile is simply created (one statement). With one, the stored answer is looked up,
     * and the profile created and the answer stored, in one transaction of the reactive client; the
     * catalogue is read before it opens (no second connection taken while it holds one).
     */
    public Uni<Answer> create(UUID partnerId, String idempotencyKey, String rawBody, ProfileService.Changes request,
            Function<ProfileSnapshot, Object> view) {
        if (idempotencyKey == null) {
            return profiles.create(partnerId, request).map(snapshot -> new Answer(201, json(view.apply(snapshot))));
        }
        if (idempotencyKey.isBlank() || idempotencyKey.length() > 255) {
            return Uni.createFrom().failure(ApiException.invalidValue(List.of(new FieldError("Idempotency-Key", "1 to 255 characters"))));
        }
        byte[] hash = Digests.sha256(rawBody);
        return profiles.catalogueFor(request).chain(catalogue -> CallersEventLoop.answer(pool.withTransaction(transaction ->
                records.findForUpdate(transaction, partnerId, idempotencyKey).chain(existing -> {
                    if (existing != null && existing.createdAt.plus(RETENTION).isAfter(Instant.now())) {
                        return replay(existing, hash);
                    }
                    Uni<Void> cleared = existing == null ? Uni.createFrom().voidItem() : records.forget(transaction, partnerId, idempotencyKey);
                    return cleared.chain(() -> profiles.create(transaction, partnerId, request, catalogue))
                            .chain(snapshot -> remember(transaction, partnerId, idempotencyKey, hash, json(view.apply(snapshot)),
                                    snapshot.profile().id));
                }))));
    }

    /** The first answer again, if the request is the same one; 422 for another request under the same key. */
    private Uni<Answer> replay(IdempotencyRecord existing, byte[] hash) {
        if (!Digests.same(existing.requestHash, hash)) {
            return Uni.createFrom().failure(new ApiException(422, "idempotency_key_reused",
                    "Idempotency-Key already used with another request", List.of(new FieldError("Idempotency-Key", existing.idempotencyKey))));
        }
        return Uni.createFrom().item(new Answer(existing.responseStatus,
                cipher.openText(existing.responseCipher, existing.keyId, context(existing.partnerId, existing.idempotencyKey))));
    }

    /** Stores the answer (encrypted: it holds the profile's values) in the creating transaction. */
    private Uni<Answer> remember(SqlClient transaction, UUID partnerId, String key, byte[] hash, String body, long profileId) {
        IdempotencyRecord record = new IdempotencyRecord();
        record.partnerId = partnerId;
        record.idempotencyKey = key;
        record.requestHash = hash;
        record.responseStatus = 201;
        FieldCipher.Sealed sealed = cipher.seal(body, context(partnerId, key));
        record.responseCipher = sealed.ciphertext();
        record.keyId = sealed.keyId();
        record.profileId = profileId;
        record.createdAt = Instant.now();
        return records.remember(transaction, record).replaceWith(new Answer(record.responseStatus, body));
    }

    /** Stored answers are useless after the retention period: deleted every hour. */
    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @WithTransaction
    Uni<Void> purgeExpired() {
        return records.deleteOlderThan(Instant.now().minus(RETENTION)).replaceWithVoid();
    }

    private static String context(UUID partnerId, String key) {
        return "idempotency:" + partnerId + ":" + key;
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
