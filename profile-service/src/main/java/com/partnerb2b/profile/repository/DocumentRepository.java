package com.partnerb2b.profile.repository;

import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

@ApplicationScoped
public class DocumentRepository implements PanacheRepositoryBase<Document, Long> {

    // The profile changed (draft again, needing a new submit: status and version as any change writes them),
    // which takes its row lock like every writer of a profile. No row: not the partner's profile.
    private static final String PROFILE_CHANGED = """
            UPDATE profiles SET status = $3, submission_id = NULL, updated_at = $4, version = version + 1
             WHERE id = $1 AND partner_id = $2 RETURNING id""";

    // A statement of its own, after the lock: its snapshot sees what an upload that held the lock before committed.
    private static final String DOCUMENT_GONE = "DELETE FROM documents WHERE profile_id = $1 AND attribute_id = $2";

    private static final String INSERT_WITH_CONTENT = """
            WITH document AS (
                INSERT INTO documents (profile_id, attribute_id, partner_id, filename, content_type, size, status, uploaded_at)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id)
            INSERT INTO document_contents (document_id, content_cipher, key_id)
            SELECT id, $9, $10 FROM document RETURNING document_id""";

    /**
     * Stores {@code document} (its id set) with its encrypted content as the profile's document for its
     * attribute, replacing the one there, and returns the profile to draft — in {@code transaction}, three
     * statements of the reactive client (through entities: the profile loaded with all its values, and
     * flushed, bench/RESULTS.md session 18). False, with nothing written, if the profile is not the
     * partner's.
     */
    public Uni<Boolean> replace(SqlClient transaction, Document document, byte[] contentCipher, String keyId) {
        return transaction.preparedQuery(PROFILE_CHANGED)
                .execute(Tuple.of(document.profileId, document.partnerId, Profile.DRAFT, document.uploadedAt.atOffset(ZoneOffset.UTC)))
                .chain(changed -> changed.size() == 0 ? Uni.createFrom().item(false)
                        : transaction.preparedQuery(DOCUMENT_GONE).execute(Tuple.of(document.profileId, document.attribute.id))
                                .chain(() -> transaction.preparedQuery(INSERT_WITH_CONTENT).execute(Tuple.from(List.of(document.profileId, document.attribute.id,
                                document.partnerId, document.filename, document.contentType, document.size, document.status,
                                document.uploadedAt.atOffset(ZoneOffset.UTC), Buffer.buffer(contentCipher), keyId)))
                                .map(rows -> {
                                    document.id = rows.iterator().next().getLong(0);
                                    return true;
                                })));
    }

    public Uni<Document> findOwned(Long id, UUID partnerId) {
        return find("id = ?1 and partnerId = ?2", id, partnerId).firstResult();
    }

    /** Removes the profile's document for this attribute, if any (its content goes with it: ON DELETE CASCADE). */
    public Uni<Long> deleteForAttribute(Long profileId, Long attributeId) {
        return delete("profileId = ?1 and attribute.id = ?2", profileId, attributeId);
    }
}
