package com.partnerb2b.auth.service;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

import com.partnerb2b.auth.config.OperatorSettings;
import com.partnerb2b.auth.repository.ApiKeyReads;
import com.partnerb2b.auth.repository.PartnerStatus;
import com.partnerb2b.auth.repository.RevokedRefreshTokenRepository;
import com.partnerb2b.platform.error.ApiException;
import com.partnerb2b.platform.ratelimit.TokenAttemptLimiter;
import com.partnerb2b.platform.security.Roles;
import com.partnerb2b.platform.time.TimeSource;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * API key → token pair, refresh → access token, and revocation. Every refusal is the same 401 so
 * that nobody learns whether a partner or key exists; a suspended partner gets 403.
 */
@ApplicationScoped
public class TokenService {

    private static final Logger LOG = Logger.getLogger(TokenService.class);
    static final String OPERATOR_SUBJECT = "operator";
    static final String OPERATOR_KEY_ID = "operator";

    private final ApiKeyReads keys;
    private final RevokedRefreshTokenRepository revokedTokens;
    private final ApiKeySecrets secrets;
    private final TokenMinter minter;
    private final RefreshTokenReader refreshTokens;
    private final OperatorSettings operator;
    private final TimeSource time;
    private final TokenAttemptLimiter attempts;

    public TokenService(ApiKeyReads keys, RevokedRefreshTokenRepository revokedTokens, ApiKeySecrets secrets,
            TokenMinter minter, RefreshTokenReader refreshTokens, OperatorSettings operator, TimeSource time,
            TokenAttemptLimiter attempts) {
        this.keys = keys;
        this.revokedTokens = revokedTokens;
        this.secrets = secrets;
        this.minter = minter;
        this.refreshTokens = refreshTokens;
        this.operator = operator;
        this.time = time;
        this.attempts = attempts;
    }

    public Uni<IssuedTokens> issue(String apiKey) {
        if (isOperatorKey(apiKey)) {
            return Uni.createFrom().item(() -> minter.pair(OPERATOR_SUBJECT, Roles.OPERATOR, operatorKeyId()));
        }
        Optional<ApiKeySecrets.PresentedKey> presented = secrets.parse(apiKey);
        if (presented.isEmpty()) {
            return Uni.createFrom().failure(ApiException.authentication());
        }
        ApiKeySecrets.PresentedKey key = presented.get();
        attempts.admitKey(key.keyId());
        return keys.withPartner(key.keyId()).map(stored -> {
            if (stored == null || !secrets.matches(key, stored.secretHash()) || !stored.active()) {
                LOG.infof("Token refused for key %s", key.logLabel());
                throw ApiException.authentication();
            }
            return minter.pair(stored.partnerId().toString(), groupOf(stored.partnerStatus()), stored.keyId());
        });
    }

    public Uni<TokenMinter.Access> refresh(String refreshToken) {
        refreshTokens.claimedKeyId(refreshToken).ifPresent(attempts::admitKey);
        Optional<JsonWebToken> verified = refreshTokens.read(refreshToken);
        if (verified.isEmpty()) {
            return Uni.createFrom().failure(ApiException.authentication());
        }
        JsonWebToken jwt = verified.get();
        String keyId = jwt.getClaim(RefreshTokenReader.API_KEY_ID);
        if (OPERATOR_SUBJECT.equals(jwt.getSubject())) {
            // bound to the operator key it came from: rotating that key ends its refresh tokens
            if (operator.apiKey().isEmpty() || !operatorKeyId().equals(keyId)) {
                return Uni.createFrom().failure(ApiException.authentication());
            }
            return revoked(UUID.fromString(jwt.getTokenID())).map(revoked -> {
                if (revoked) {
                    throw ApiException.authentication();
                }
                return minter.access(OPERATOR_SUBJECT, Roles.OPERATOR);
            });
        }
        return revoked(UUID.fromString(jwt.getTokenID()))
                .chain(revoked -> revoked ? Uni.createFrom().<ApiKeyReads.StoredKey>nullItem() : keys.withPartner(keyId))
                .map(stored -> {
                    if (stored == null || !stored.active() || !stored.partnerId().toString().equals(jwt.getSubject())) {
                        throw ApiException.authentication();
                    }
                    return minter.access(jwt.getSubject(), groupOf(stored.partnerStatus()));
                });
    }

    /**
     * In a session of its own, closed before the key is read through the pool: one request never
     * holds two of the pool's connections at once.
     */
    private Uni<Boolean> revoked(UUID jti) {
        return Panache.withSession(() -> revokedTokens.isRevoked(jti));
    }

    /** RFC 7009: succeeds whether or not the token was known; only the caller's own tokens are revoked. */
    @WithTransaction
    public Uni<Void> revoke(String token, String callerSubject) {
        Optional<JsonWebToken> jwt = refreshTokens.read(token);
        if (jwt.isEmpty() || !jwt.get().getSubject().equals(callerSubject)) {
            return Uni.createFrom().voidItem();
        }
        UUID jti = UUID.fromString(jwt.get().getTokenID());
        Instant now = time.now();
        return revokedTokens.deleteExpired(now)
                .chain(() -> revokedTokens.remember(jti, callerSubject, Instant.ofEpochSecond(jwt.get().getExpirationTime()), now));
    }

    /** "operator:" and the first 16 hex digits of the operator key's SHA-256. */
    private String operatorKeyId() {
        return OPERATOR_KEY_ID + ":" + java.util.HexFormat.of()
                .formatHex(com.partnerb2b.platform.crypto.Digests.sha256(operator.apiKey().orElse(""))).substring(0, 16);
    }

    private boolean isOperatorKey(String apiKey) {
        return apiKey != null && operator.apiKey().filter(k -> !k.isBlank())
                .map(expected -> secrets.sameSecret(apiKey, expected)).orElse(false);
    }

    private static String groupOf(PartnerStatus status) {
        if (status == PartnerStatus.SUSPENDED) {
            throw ApiException.notAllowed();
        }
        return status == PartnerStatus.ACTIVE ? Roles.PARTNER : Roles.PARTNER_PENDING;
    }
}
