package com.partnerb2b.profile.repository;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.partnerb2b.platform.api.PageRequest;
import com.partnerb2b.platform.reactive.CallersEventLoop;
import com.partnerb2b.platform.sql.Timestamps;

import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Profiles as their owner reads them, through the reactive PostgreSQL client: the profile and its
 * values in one query, rows mapped by hand. Loading them as entities through Hibernate Reactive took
 * most of a read's CPU (bench/RESULTS.md). The submit and changes read the same way, in their own transaction;
 * creation and changes write through the reactive client too ({@code ProfileRepository}); uploads and erasure
 * go through the entities.
 */
@ApplicationScoped
public class ProfileReads {

    /** A stored value, still encrypted when its attribute is sensitive. */
    public record StoredValue(long attributeId, String text, byte[] cipher, String keyId) {
    }

    /** A document's metadata; its attribute is set by the caller, who knows the catalogue. */
    public record StoredDocument(long attributeId, Document document) {
    }

    /** A profile row with its values in order, and its documents when they were asked for. */
    public record StoredProfile(Profile profile, List<StoredValue> values, List<StoredDocument> documents) {
    }

    // One row per profile, its values as arrays in their order: the client decodes 20 rows for a page
    // instead of 460 (a profile's columns repeated on each of its values), a third of a list's CPU.
    private static final String COLUMNS = """
            p.id, p.partner_id, p.status, p.external_reference, p.created_at, p.updated_at, p.submitted_at,
            p.submission_id, p.last_analysis, p.version, v.attribute_ids, v.texts, v.ciphers, v.key_ids""";

    private static final String VALUES = """
            LEFT JOIN LATERAL (SELECT array_agg(attribute_id ORDER BY position, id) AS attribute_ids,
                                      array_agg(value_text ORDER BY position, id) AS texts,
                                      array_agg(value_cipher ORDER BY position, id) AS ciphers,
                                      array_agg(key_id ORDER BY position, id) AS key_ids
                                 FROM profile_values WHERE profile_id = p.id) v ON true""";

    private static final String OWNED = "SELECT " + COLUMNS + ", EXISTS (SELECT 1 FROM documents d WHERE d.profile_id = p.id)"
            + " FROM profiles p " + VALUES + " WHERE p.id = $1 AND p.partner_id = $2";

    private static final String LOCK_OWNED = "SELECT id FROM profiles WHERE id = $1 AND partner_id = $2 FOR UPDATE";

    private static final String DOCUMENT_COLUMNS =
            "d.id, d.profile_id, d.attribute_id, d.partner_id, d.filename, d.content_type, d.size, d.status, d.uploaded_at";

    private static final String DOCUMENTS = "SELECT " + DOCUMENT_COLUMNS
            + " FROM documents d WHERE d.profile_id = $1 ORDER BY d.uploaded_at, d.id";

    // A row for an owned profile even without documents (its document columns null): none means not the partner's.
    private static final String OWNED_DOCUMENTS = "SELECT " + DOCUMENT_COLUMNS
            + " FROM profiles p LEFT JOIN documents d ON d.profile_id = p.id WHERE p.id = $1 AND p.partner_id = $2"
            + " ORDER BY d.uploaded_at, d.id";

    private static final String COUNTED = "SELECT COALESCE(sum(profiles), 0)::bigint FROM profile_counts WHERE partner_id = $1";

    private final Pool pool;

    public ProfileReads(Pool pool) {
        this.pool = pool;
    }

    /** The partner's profile with its values and documents; null if the partner has no such profile. */
    public Uni<StoredProfile> owned(long id, UUID partnerId) {
        return CallersEventLoop.answer(owned(pool, OWNED, id, partnerId));
    }

    /** The documents of the partner's profile, oldest first; null if the partner has no such profile. */
    public Uni<List<StoredDocument>> documentsOfOwned(long id, UUID partnerId) {
        return CallersEventLoop.answer(pool.preparedQuery(OWNED_DOCUMENTS).execute(Tuple.of(id, partnerId)).map(rows -> {
            if (rows.size() == 0) {
                return null;
            }
            List<StoredDocument> stored = new ArrayList<>();
            for (Row row : rows) {
                if (row.getLong("id") != null) {
                    stored.add(document(row));
                }
            }
            return stored;
        }));
    }

    /**
     * The same, read in {@code transaction} with the profile's row locked until it ends: a partner's
     * writes to one profile (changes, uploads, submit, erasure) take turns instead of failing each other. The lock first, then
     * the read in a statement of its own: a statement that waited for the lock still reads other rows (the
     * values) as they were when it began, so one read {@code FOR UPDATE} would miss what the writer it
     * waited for changed.
     */
    public Uni<StoredProfile> ownedForUpdate(SqlConnection transaction, long id, UUID partnerId) {
        return lockOwned(transaction, id, partnerId)
                .chain(found -> !found ? Uni.createFrom().nullItem() : owned(transaction, OWNED, id, partnerId));
    }

    /** Locks the partner's profile row until the transaction ends; false if the partner has no such profile. */
    public Uni<Boolean> lockOwned(SqlClient transaction, long id, UUID partnerId) {
        return transaction.preparedQuery(LOCK_OWNED).execute(Tuple.of(id, partnerId)).map(locked -> locked.size() > 0);
    }

    private static Uni<StoredProfile> owned(SqlClient client, String sql, long id, UUID partnerId) {
        return client.preparedQuery(sql).execute(Tuple.of(id, partnerId)).chain(rows -> {
            if (rows.size() == 0) {
                return Uni.createFrom().nullItem();
            }
            io.vertx.sqlclient.Row row = rows.iterator().next().getDelegate();
            StoredProfile profile = profile(row);
            if (!row.getBoolean(14)) {
                return Uni.createFrom().item(profile);
            }
            return client.preparedQuery(DOCUMENTS).execute(Tuple.of(id)).map(documents -> {
                List<StoredDocument> stored = new ArrayList<>();
                documents.forEach(document -> stored.add(document(document)));
                return new StoredProfile(profile.profile(), profile.values(), stored);
            });
        });
    }

    public Uni<Long> count(UUID partnerId, ProfileFilter filter) {
        String sql;
        Tuple params;
        if (filter.atMostStatus()) {
            sql = filter.status() == null ? COUNTED : COUNTED + " AND status = $2";
            params = filter.status() == null ? Tuple.of(partnerId) : Tuple.of(partnerId, filter.status());
        } else {
            Where where = where(partnerId, filter);
            sql = "SELECT count(*) FROM profiles p WHERE " + where.clause;
            params = where.params;
        }
        return CallersEventLoop.answer(pool.preparedQuery(sql).execute(params).map(rows -> rows.iterator().next().getLong(0)));
    }

    /** One page of the partner's profiles, newest first, with their values (no documents). */
    public Uni<List<StoredProfile>> page(UUID partnerId, ProfileFilter filter, PageRequest page) {
        Where where = where(partnerId, filter);
        int limit = where.params.size() + 1;
        where.params.addValue(page.limit()).addValue(page.offset());
        String sql = "SELECT " + COLUMNS + " FROM (SELECT * FROM profiles p WHERE " + where.clause
                + " ORDER BY p.created_at DESC, p.id DESC LIMIT $" + limit + " OFFSET $" + (limit + 1) + ") p " + VALUES
                + " ORDER BY p.created_at DESC, p.id DESC";
        return CallersEventLoop.answer(pool.preparedQuery(sql).execute(where.params).map(ProfileReads::profiles));
    }

    private static List<StoredProfile> profiles(RowSet<Row> rows) {
        List<StoredProfile> found = new ArrayList<>(rows.size());
        for (Row row : rows) {
            found.add(profile(row.getDelegate()));
        }
        return found;
    }

    /** A row of {@link #COLUMNS}, by position. */
    private static StoredProfile profile(io.vertx.sqlclient.Row row) {
        Profile profile = new Profile();
        profile.id = row.getLong(0);
        profile.partnerId = row.getUUID(1);
        profile.status = row.getString(2);
        profile.externalReference = row.getString(3);
        profile.createdAt = Timestamps.instant(row.getOffsetDateTime(4));
        profile.updatedAt = Timestamps.instant(row.getOffsetDateTime(5));
        profile.submittedAt = Timestamps.instant(row.getOffsetDateTime(6));
        profile.submissionId = row.getUUID(7);
        profile.lastAnalysis = row.getString(8);
        profile.version = row.getLong(9);
        Long[] attributeIds = row.getArrayOfLongs(10);
        List<StoredValue> values = new ArrayList<>(attributeIds == null ? 0 : attributeIds.length);
        if (attributeIds != null) {
            String[] texts = row.getArrayOfStrings(11);
            Buffer[] ciphers = row.getArrayOfBuffers(12);
            String[] keyIds = row.getArrayOfStrings(13);
            for (int i = 0; i < attributeIds.length; i++) {
                values.add(new StoredValue(attributeIds[i], texts[i], ciphers[i] == null ? null : ciphers[i].getBytes(), keyIds[i]));
            }
        }
        return new StoredProfile(profile, values, List.of());
    }

    private static StoredDocument document(Row row) {
        Document document = new Document();
        document.id = row.getLong("id");
        document.profileId = row.getLong("profile_id");
        document.partnerId = row.getUUID("partner_id");
        document.filename = row.getString("filename");
        document.contentType = row.getString("content_type");
        document.size = row.getLong("size");
        document.status = row.getString("status");
        document.uploadedAt = Timestamps.instant(row.getOffsetDateTime("uploaded_at"));
        return new StoredDocument(row.getLong("attribute_id"), document);
    }

    private record Where(String clause, Tuple params) {
    }

    private static Where where(UUID partnerId, ProfileFilter filter) {
        List<String> conditions = new ArrayList<>();
        Tuple params = Tuple.tuple();
        conditions.add("p.partner_id = $1");
        params.addValue(partnerId);
        if (filter.status() != null) {
            params.addValue(filter.status());
            conditions.add("p.status = $" + params.size());
        }
        if (filter.externalReference() != null) {
            params.addValue(filter.externalReference());
            conditions.add("p.external_reference = $" + params.size());
        }
        if (filter.createdAfter() != null) {
            params.addValue(OffsetDateTime.ofInstant(filter.createdAfter(), ZoneOffset.UTC));
            conditions.add("p.created_at >= $" + params.size());
        }
        if (filter.createdBefore() != null) {
            params.addValue(OffsetDateTime.ofInstant(filter.createdBefore(), ZoneOffset.UTC));
            conditions.add("p.created_at < $" + params.size());
        }
        return new Where(String.join(" AND ", conditions), params);
    }
}
