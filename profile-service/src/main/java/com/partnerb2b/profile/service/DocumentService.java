package com.partnerb2b.profile.service;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.partnerb2b.platform.crypto.FieldCipher;
import com.partnerb2b.platform.error.ApiException;
import com.partnerb2b.platform.error.FieldError;
import com.partnerb2b.platform.reactive.CallersEventLoop;
import com.partnerb2b.profile.repository.Attribute;
import com.partnerb2b.profile.repository.Document;
import com.partnerb2b.profile.repository.DocumentContent;
import com.partnerb2b.profile.repository.DocumentContentRepository;
import com.partnerb2b.profile.repository.DocumentRepository;
import com.partnerb2b.profile.repository.ProfileReads;
import com.partnerb2b.profile.repository.ProfileReads.StoredDocument;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;

/** Documents of a profile: one per file attribute, encrypted at rest, readable by their owner only. */
@ApplicationScoped
public class DocumentService {

    public record Download(Document document, byte[] content) {
    }

    private record Checked(DocumentInspector.Inspected inspected, FieldCipher.Sealed sealed) {
    }

    private final DocumentRepository documents;
    private final DocumentContentRepository contents;
    private final ProfileReads reads;
    private final CatalogueService catalogues;
    private final DocumentInspector inspector;
    private final FieldCipher cipher;
    private final Pool pool;

    public DocumentService(DocumentRepository documents, DocumentContentRepository contents, ProfileReads reads,
            CatalogueService catalogues, DocumentInspector inspector, FieldCipher cipher, Pool pool) {
        this.documents = documents;
        this.contents = contents;
        this.reads = reads;
        this.catalogues = catalogues;
        this.inspector = inspector;
        this.cipher = cipher;
        this.pool = pool;
    }

    /**
     * Checks the file on a worker thread, then stores it; a document already there for the same
     * attribute is replaced. The profile returns to draft.
     */
    public Uni<Document> upload(UUID partnerId, Long profileId, String attributeName, String filename, Path file, long size) {
        Context requestContext = Vertx.currentContext();
        return catalogues.current().chain(catalogue -> {
            Attribute attribute = catalogue.named(attributeName == null ? "" : attributeName.strip())
                    .orElseThrow(() -> new ApiException(404, "attribute_not_found", ProfileValidator.ATTRIBUTE_NOT_FOUND,
                            List.of(new FieldError("attribute", String.valueOf(attributeName)))));
            if (!attribute.isFile()) {
                throw new ApiException(400, "type_error", ProfileValidator.TYPE_ERROR,
                        List.of(new FieldError("attribute", attribute.name + " is not a document attribute")));
            }
            // Reading, type detection, PDF parsing and encryption of up to 10 MB: on a worker thread.
            return Uni.createFrom().item(() -> {
                DocumentInspector.Inspected inspected = inspector.inspect(attribute, file, size);
                return new Checked(inspected, cipher.seal(inspected.content(), context(partnerId, profileId, attribute.name)));
            })
                    .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                    .emitOn(command -> requestContext.runOnContext(ignored -> command.run()))
                    .chain(checked -> store(partnerId, profileId, attribute, safeName(filename), checked));
        });
    }

    /** Read without entities: through Hibernate Reactive the whole profile was loaded to check its owner. */
    public Uni<List<Document>> ofProfile(UUID partnerId, Long profileId) {
        return reads.documentsOfOwned(profileId, partnerId).onItem().ifNull().failWith(() -> ApiException.notFound("Profile"))
                .chain(stored -> catalogues.covering(List.of(), stored.stream().map(StoredDocument::attributeId).toList())
                        .map(catalogue -> stored.stream().map(document -> {
                            document.document().attribute = catalogue.byId(document.attributeId());
                            return document.document();
                        }).toList()));
    }

    @WithSession
    public Uni<Document> get(UUID partnerId, Long id) {
        return documents.findOwned(id, partnerId).onItem().ifNull().failWith(() -> ApiException.notFound("Document"));
    }

    /** Reads the row in a session, then decrypts (up to 10 MB) on a worker thread once the session is closed. */
    public Uni<Download> download(UUID partnerId, Long id) {
        return Panache.withSession(() -> documents.findOwned(id, partnerId)
                .onItem().ifNull().failWith(() -> ApiException.notFound("Document"))
                .chain(document -> contents.findById(document.id).map(content -> new Sealed(document, content))))
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .map(sealed -> new Download(sealed.document(), cipher.open(sealed.content().contentCipher, sealed.content().keyId,
                        context(sealed.document().partnerId, sealed.document().profileId, sealed.document().attribute.name))));
    }

    private record Sealed(Document document, DocumentContent content) {
    }

    private Uni<Document> store(UUID partnerId, Long profileId, Attribute attribute, String filename, Checked checked) {
        DocumentInspector.Inspected inspected = checked.inspected();
        Document document = new Document();
        document.profileId = profileId;
        document.attribute = attribute;
        document.partnerId = partnerId;
        document.filename = filename;
        document.contentType = inspected.contentType();
        document.size = inspected.content().length;
        document.status = Document.PENDING;
        document.uploadedAt = Instant.now().truncatedTo(ChronoUnit.MICROS); // as stored
        // Uploads to one profile take turns on its row lock: the last one replaces the others.
        return CallersEventLoop.answer(pool.withTransaction(transaction -> documents.replace(transaction, document,
                checked.sealed().ciphertext(), checked.sealed().keyId())))
                .map(stored -> {
                    if (!stored) {
                        throw ApiException.notFound("Profile");
                    }
                    return document;
                });
    }

    /** Binds a document's ciphertext to its partner, profile and attribute. */
    private static String context(UUID partnerId, Long profileId, String attributeName) {
        return "document:" + partnerId + ":" + profileId + ":" + attributeName;
    }

    /** The name as shown back and in downloads: no path, no control or quote characters. */
    static String safeName(String filename) {
        String name = filename == null ? "document" : filename.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\"]", "_").strip();
        if (name.isEmpty()) {
            name = "document";
        }
        return name.length() > 200 ? name.substring(name.length() - 200) : name;
    }
}
