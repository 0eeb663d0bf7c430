package com.partnerb2b.profile.repository;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.partnerb2b.platform.api.PageRequest;
import com.partnerb2b.platform.reactive.CallersEventLoop;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Profiles as their owner reads them, through the reactive PostgreSQL client: the profile and its
 * values in one query, rows mapped by hand. Loading them as entities through Hibernate Reactive took
 * most of a read's CPU (bench/RESULTS.md); every write still goes through the entities, in a transaction.
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

    private static final String COLUMNS = """
            p.id, p.partner_id, p.status, p.external_reference, p.created_at, p.updated_at, p.submitted_at,
            p.submission_id, p.last_analysis, p.version, v.attribute_id, v.value_text, v.value_cipher, v.key_id""";

    private static final String OWNED = "SELECT " + COLUMNS + """
             FROM profiles p LEFT JOIN profile_values v ON v.profile_id = p.id
            WHERE p.id = $1 AND p.partner_id = $2 ORDER BY v.position""";

    private static final String DOCUMENTS = """
            SELECT id, profile_id, attribute_id, partner_id, filename, content_type, size, status, uploaded_at
              FROM documents WHERE profile_id = $1 ORDER BY uploaded_at, id""";

    private final Pool pool;

    public ProfileReads(Pool pool) {
        this.pool = pool;
    }

    /** The partner's profile with its values and documents; null if the partner has no such profile. */
    public Uni<StoredProfile> owned(long id, UUID partnerId) {
        return CallersEventLoop.answer(pool.preparedQuery(OWNED).execute(Tuple.of(id, partnerId)).chain(rows -> {
            List<StoredProfile> found = profiles(rows);
            if (found.isEmpty()) {
                return Uni.createFrom().nullItem();
            }
            return pool.preparedQuery(DOCUMENTS).execute(Tuple.of(id)).map(documents -> {
                List<StoredDocument> stored = new ArrayList<>();
                documents.forEach(row -> stored.add(document(row)));
                StoredProfile profile = found.get(0);
                return new StoredProfile(profile.profile(), profile.values(), stored);
            });
        }));
    }

    public Uni<Long> count(UUID partnerId, ProfileFilter filter) {
        Where where = where(partnerId, filter);
        return CallersEventLoop.answer(pool.preparedQuery("SELECT count(*) FROM profiles p WHERE " + where.clause).execute(where.params)
                .map(rows -> rows.iterator().next().getLong(0)));
    }

    /** One page of the partner's profiles, newest first, with their values (no documents). */
    public Uni<List<StoredProfile>> page(UUID partnerId, ProfileFilter filter, PageRequest page) {
        Where where = where(partnerId, filter);
        int limit = where.params.size() + 1;
        where.params.addValue(page.limit()).addValue((long) (page.page() - 1) * page.limit());
        String sql = "WITH page AS (SELECT * FROM profiles p WHERE " + where.clause
                + " ORDER BY p.created_at DESC, p.id DESC LIMIT $" + limit + " OFFSET $" + (limit + 1) + ") SELECT " + COLUMNS
                + " FROM page p LEFT JOIN profile_values v ON v.profile_id = p.id ORDER BY p.created_at DESC, p.id DESC, v.position";
        return CallersEventLoop.answer(pool.preparedQuery(sql).execute(where.params).map(ProfileReads::profiles));
    }

    private static List<StoredProfile> profiles(RowSet<Row> rows) {
        Map<Long, StoredProfile> found = new LinkedHashMap<>();
        for (Row row : rows) {
            StoredProfile profile = found.computeIfAbsent(row.getLong("id"),
                    id -> new StoredProfile(profile(row), new ArrayList<>(), List.of()));
            Long attributeId = row.getLong("attribute_id");
            if (attributeId != null) {
                Buffer cipher = row.getBuffer("value_cipher");
                profile.values().add(new StoredValue(attributeId, row.getString("value_text"),
                        cipher == null ? null : cipher.getBytes(), row.getString("key_id")));
            }
        }
        return new ArrayList<>(found.values());
    }

    private static Profile profile(Row row) {
        Profile profile = new Profile();
        profile.id = row.getLong("id");
        profile.partnerId = row.getUUID("partner_id");
        profile.status = row.getString("status");
        profile.externalReference = row.getString("external_reference");
        profile.createdAt = instant(row.getOffsetDateTime("created_at"));
        profile.updatedAt = instant(row.getOffsetDateTime("updated_at"));
        profile.submittedAt = instant(row.getOffsetDateTime("submitted_at"));
        profile.submissionId = row.getUUID("submission_id");
        profile.lastAnalysis = row.getString("last_analysis");
        profile.version = row.getLong("version");
        return profile;
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
        document.uploadedAt = instant(row.getOffsetDateTime("uploaded_at"));
        return new StoredDocument(row.getLong("attribute_id"), document);
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
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
