-- The audit log as a hash chain (SPEC §8): each entry, once committed, is sealed in order with the SHA-256 of the
-- previous seal and the entry's own content, so changing or removing an entry directly in the database breaks the chain
-- (GET /api/audit/verify). Sealing runs after commit, in the order entries become visible, so writers never wait for
-- one another; two nodes sealing at once cannot both take a sequence number (primary key).
create table audit_seal (
    seq        bigint       primary key,
    audit_id   bigint       not null unique references audit_log (id),
    hash       varchar(64)  not null,
    sealed_at  timestamp with time zone not null
);
