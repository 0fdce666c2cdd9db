-- Bucket4j's token buckets for the per-address limits of public submissions, shared by every instance: one row per
-- bucket, named by a keyed hash of the address (never the address); the state is Bucket4j's, expires_at (epoch
-- milliseconds) when the bucket is full again, after which the row is purged.
create table rate_limit_bucket (
    id          varchar(100) not null primary key,
    state       bytea,
    expires_at  bigint
);
create index rate_limit_bucket_expires_idx on rate_limit_bucket (expires_at);

-- How many answers of a questionnaire came from each address, for the organiser's figure (how many addresses, the
-- largest share from one). The address is a keyed hash with the questionnaire in it, so it matches nothing in
-- another questionnaire or table without the installation's key; no time, and nothing in common with the answers
-- but the questionnaire. Spread over shards like the tallies, so that answers from one address do not queue on a row.
create table questionnaire_address (
    questionnaire_id  bigint       not null references questionnaire (id),
    address_hash      varchar(32)  not null,
    shard             integer      not null,
    answers           bigint       not null,
    primary key (questionnaire_id, address_hash, shard)
);
