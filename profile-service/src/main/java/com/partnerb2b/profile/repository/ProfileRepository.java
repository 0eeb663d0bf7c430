package com.partnerb2b.profile.repository;

import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;


import com.partnerb2b.platform.messaging.ProcessedEvents;
import com.partnerb2b.platform.sql.RowChange;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

@ApplicationScoped
public class ProfileRepository implements PanacheRepositoryBase<Profile, Long> {

    // One statement, so atomic without a transaction of its own: the profile, then its values from arrays.
    private static final String INSERT_WITH_VALUES = """
            WITH profile AS (
                INSERT INTO profiles (id, partner_id, status, external_reference, created_at, updated_at)
                VALUES ($1, $2, $3, $4, $5, $5) RETURNING id)
            INSERT INTO profile_values (profile_id, attribute_id, position, value_text, value_cipher, key_id)
            SELECT profile.id, v.attribute_id, v.position, v.value_text, v.value_cipher, v.key_id
              FROM profile, unnest($6::bigint[], $7::integer[], $8::text[], $9::bytea[], $10::text[])
                            AS v(attribute_id, position, value_text, value_cipher, key_id)""";

    /**
     * The id of a profile about to be created, taken before its row is written: the encryption of its
     * sensitive values is bound to it. An id taken and never used leaves a gap, nothing else.
     */
    public Uni<Long> nextId(SqlClient client) {
        return client.preparedQuery("SELECT nextval(pg_get_serial_sequence('profiles', 'id'))").execute()
                .map(rows -> rows.iterator().next().getLong(0));
    }

    /**
     * Writes a new profile (its id from {@link #nextId}) with its values in one statement — one round trip
     * where the entities took a transaction of five (bench/RESULTS.md, session 14).
     */
    public Uni<Void> insertWithValues(SqlClient client, Profile profile, List<ProfileValue> values) {
        ValueColumns columns = ValueColumns.of(values);
        Integer[] positions = values.stream().map(value -> value.position).toArray(Integer[]::new);
        return client.preparedQuery(INSERT_WITH_VALUES)
                .execute(Tuple.from(Arrays.asList(profile.id, profile.partnerId, profile.status, profile.externalReference,
                        profile.createdAt.atOffset(ZoneOffset.UTC), columns.attributes(), positions, columns.texts(), columns.ciphers(),
                        columns.keyIds())))
                .replaceWithVoid();
    }

    /** Values as the array parameters a statement unnests, one array per column. */
    private record ValueColumns(Long[] attributes, String[] texts, Buffer[] ciphers, String[] keyIds) {
        static ValueColumns of(List<ProfileValue> values) {
            int count = values.size();
            ValueColumns columns = new ValueColumns(new Long[count], new String[count], new Buffer[count], new String[count]);
            for (int i = 0; i < count; i++) {
                ProfileValue value = values.get(i);
                columns.attributes[i] = value.attribute.id;
                columns.texts[i] = value.valueText;
                columns.ciphers[i] = value.valueCipher == null ? null : Buffer.buffer(value.valueCipher);
                columns.keyIds[i] = value.keyId;
            }
            return columns;
        }
    }

    /*
     * One statement, in the transaction holding the profile's row lock: the profile row, and the values of
     * the replaced attributes deleted and their new ones inserted. Every part reads the profile's values as
     * they were before the statement, so a replaced attribute's values take the place its previous values
     * had (its lowest position; in order among themselves by id), and an attribute new to the profile comes
     * after all it held, by its rank among the new ones.
     */
    private static final String CHANGE_WITH_VALUES = """
            WITH profile AS (
                UPDATE profiles SET status = $2, submission_id = NULL, external_reference = $3, updated_at = $4, version = version + 1
                 WHERE id = $1 RETURNING id),
            replaced AS (
                DELETE FROM profile_values WHERE profile_id = $1 AND attribute_id = ANY($5::bigint[])),
            held AS (
                SELECT attribute_id, min(position) AS position FROM profile_values WHERE profile_id = $1 GROUP BY attribute_id)
            INSERT INTO profile_values (profile_id, attribute_id, position, value_text, value_cipher, key_id)
            SELECT profile.id, v.attribute_id,
                   coalesce(held.position, (SELECT coalesce(max(position), -1) FROM profile_values WHERE profile_id = $1) + v.rank),
                   v.value_text, v.value_cipher, v.key_id
              FROM profile
             CROSS JOIN unnest($6::bigint[], $7::integer[], $8::text[], $9::bytea[], $10::text[])
                        WITH ORDINALITY AS v(attribute_id, rank, value_text, value_cipher, key_id, n)
              LEFT JOIN held ON held.attribute_id = v.attribute_id
             ORDER BY v.n""";

    /**
     * Writes a change of a profile read with its row locked in {@code transaction}: its status, submission,
     * reference and time from {@code profile}, its version bumped; the values of the {@code replaced}
     * attributes become {@code values} (in order; none removes the attribute), the others stay as they
     * are. {@code held}: the attributes the profile had, the others being placed after them.
     */
    public Uni<Void> change(SqlClient transaction, Profile profile, Set<Long> replaced, Set<Long> held, List<ProfileValue> values) {
        ValueColumns columns = ValueColumns.of(values);
        Map<Long, Integer> newRanks = new HashMap<>();
        Integer[] ranks = new Integer[values.size()];
        for (int i = 0; i < ranks.length; i++) {
            long attribute = columns.attributes()[i];
            ranks[i] = held.contains(attribute) ? 0 : newRanks.computeIfAbsent(attribute, a -> newRanks.size() + 1);
        }
        return transaction.preparedQuery(CHANGE_WITH_VALUES)
                .execute(Tuple.from(Arrays.asList(profile.id, profile.status, profile.externalReference,
                        profile.updatedAt.atOffset(ZoneOffset.UTC), replaced.toArray(Long[]::new), columns.attributes(), ranks,
                        columns.texts(), columns.ciphers(), columns.keyIds())))
                .replaceWithVoid();
    }

    /**
     * Shows an analysis on the profile the first time its event is handled ({@link ProcessedEvents#FIRST_TIME}),
     * only if it is the partner's profile still on that submission; a complete profile becomes analyzed
     * if the analysis completed. The version is bumped like any change.
     */
    public static RowChange showAnalysis(long id, UUID partnerId, UUID submissionId, String lastAnalysis, boolean completed) {
        return new RowChange("""
                UPDATE profiles SET last_analysis = $1, version = version + 1,
                       status = CASE WHEN status = $2 THEN $3 ELSE status END
                 WHERE id = $4 AND partner_id = $5 AND submission_id = $6 AND\s""" + ProcessedEvents.FIRST_TIME,
                List.of(lastAnalysis, Profile.COMPLETE, completed ? Profile.ANALYZED : Profile.COMPLETE, id, partnerId, submissionId));
    }

    /**
     * A submit's outcome (status, submission id and time) as one update, the version bumped like any
     * change; run in the transaction that holds the profile's row lock.
     */
    public static RowChange submission(Profile profile) {
        return new RowChange("""
                UPDATE profiles SET status = $2, submission_id = $3, submitted_at = $4, updated_at = $4, version = version + 1
                 WHERE id = $1""",
                List.of(profile.id, profile.status, profile.submissionId, profile.submittedAt.atOffset(ZoneOffset.UTC)));
    }

    /**
     * The partner's profile deleted, and with it (ON DELETE CASCADE) its values, documents and their
     * contents and its idempotency answers.
     */
    public static RowChange deletion(long id, UUID partnerId) {
        return new RowChange("DELETE FROM profiles WHERE id = $1 AND partner_id = $2", List.of(id, partnerId));
    }
}
