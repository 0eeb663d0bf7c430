package com.partnerb2b.auth.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.partnerb2b.auth.repository.ApiKey;
import com.partnerb2b.auth.repository.ApiKeyReads;
import com.partnerb2b.auth.repository.ApiKeyRepository;
import com.partnerb2b.auth.repository.Partner;
import com.partnerb2b.auth.repository.PartnerRepository;
import com.partnerb2b.auth.repository.PartnerStatus;
import com.partnerb2b.platform.api.PageRequest;
import com.partnerb2b.platform.error.ApiException;
import com.partnerb2b.platform.time.TimeSource;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** What an operator does with partners and their API keys. */
@ApplicationScoped
public class PartnerService {

    private static final Logger LOG = Logger.getLogger(PartnerService.class);

    public record PartnerPage(List<Partner> partners, long total) {
    }

    /** A key just created: the only moment its clear value exists outside the partner's hands. */
    public record CreatedKey(ApiKey key, String apiKey) {
    }

    private final PartnerRepository partners;
    private final ApiKeyRepository apiKeys;
    private final ApiKeySecrets secrets;
    private final ApiKeyReads storedKeys;
    private final TimeSource time;

    public PartnerService(PartnerRepository partners, ApiKeyRepository apiKeys, ApiKeySecrets secrets, ApiKeyReads storedKeys,
            TimeSource time) {
        this.partners = partners;
        this.apiKeys = apiKeys;
        this.secrets = secrets;
        this.storedKeys = storedKeys;
        this.time = time;
    }

    @WithTransaction
    public Uni<Partner> create(String name) {
        Partner partner = new Partner();
        partner.id = UUID.randomUUID();
        partner.name = name.strip();
        partner.status = PartnerStatus.PENDING;
        partner.createdAt = time.now();
        partner.updatedAt = partner.createdAt;
        return partners.persist(partner);
    }

    @WithSession
    public Uni<PartnerPage> list(PartnerStatus status, PageRequest page) {
        return partners.countWithStatus(status)
                .chain(total -> partners.page(status, page).map(list -> new PartnerPage(list, total)));
    }

    @WithSession
    public Uni<Partner> get(UUID id) {
        return existing(id);
    }

    /** Committed before the token endpoint's remembered keys are forgotten, so none is read again stale. */
    public Uni<Partner> changeStatus(UUID id, PartnerStatus status) {
        return Panache.withTransaction(() -> existing(id).map(partner -> {
            if (partner.status != status) {
                partner.status = status;
                partner.updatedAt = time.now();
                LOG.infof("Partner %s is now %s", partner.id, status.value());
            }
            return partner;
        })).invoke(storedKeys::forget);
    }

    @WithTransaction
    public Uni<CreatedKey> createKey(UUID partnerId) {
        return existing(partnerId).chain(partner -> {
            ApiKeySecrets.NewKey generated = secrets.generate();
            ApiKey key = new ApiKey();
            key.keyId = generated.keyId();
            key.partner = partner;
            key.secretHash = generated.secretHash();
            key.createdAt = time.now();
            LOG.infof("API key %s%s issued to partner %s", ApiKeySecrets.PREFIX, key.keyId, partner.id);
            return apiKeys.persist(key).map(saved -> new CreatedKey(saved, generated.apiKey()));
        });
    }

    @WithSession
    public Uni<List<ApiKey>> keys(UUID partnerId) {
        return existing(partnerId).chain(partner -> apiKeys.ofPartner(partnerId));
    }

    /**
     * The key stops working at once; refresh tokens carry the id of the key they came from and are
     * refused once it is revoked. Committed before the token endpoint's remembered keys are forgotten.
     */
    public Uni<ApiKey> revokeKey(UUID partnerId, String keyId) {
        return Panache.withTransaction(() -> apiKeys.ofPartner(partnerId, keyId).map(key -> {
            if (key == null) {
                throw ApiException.notFound("API Key");
            }
            if (key.revokedAt == null) {
                key.revokedAt = time.now();
                LOG.infof("API key %s%s revoked", ApiKeySecrets.PREFIX, key.keyId);
            }
            return key;
        })).invoke(storedKeys::forget);
    }

    private Uni<Partner> existing(UUID id) {
        return partners.findById(id).onItem().ifNull().failWith(() -> ApiException.notFound("Partner"));
    }
}
