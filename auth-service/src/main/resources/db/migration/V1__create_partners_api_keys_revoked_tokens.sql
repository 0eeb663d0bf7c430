CREATE TABLE partners (
    id          uuid PRIMARY KEY,
    name        varchar(200) NOT NULL,
    status      varchar(16)  NOT NULL CHECK (status IN ('pending', 'active', 'suspended')),
    created_at  timestamptz  NOT NULL,
    updated_at  timestamptz  NOT NULL
);
CREATE INDEX partners_created_at_idx ON partners (created_at);

-- Only a SHA-256 hash of the secret part of a key is stored; key_id is the public part.
CREATE TABLE api_keys (
    key_id      varchar(32) PRIMARY KEY,
    partner_id  uuid        NOT NULL REFERENCES partners (id),
    secret_hash bytea       NOT NULL,
    created_at  timestamptz NOT NULL,
    revoked_at  timestamptz
);
CREATE INDEX api_keys_partner_idx ON api_keys (partner_id);

-- Refresh tokens are signed JWTs; a token revoked before it expires is remembered here until then.
CREATE TABLE revoked_refresh_tokens (
    jti         uuid PRIMARY KEY,
    subject     varchar(64) NOT NULL,
    expires_at  timestamptz NOT NULL,
    revoked_at  timestamptz NOT NULL
);
CREATE INDEX revoked_refresh_tokens_expires_idx ON revoked_refresh_tokens (expires_at);
