-- Idempotency-Key of POST requests, per client (JWT subject): the first answer is replayed.
create table idempotency_key (
    client          text        not null,
    idempotency_key text        not null,
    request_hash    bytea       not null,
    status          integer,
    headers         jsonb,
    body            bytea,
    created_at      timestamptz not null default now(),
    completed_at    timestamptz,
    primary key (client, idempotency_key)
);

create index idempotency_key_created on idempotency_key (created_at);
