-- Platform tables every service has (shared migration from platform-support).

-- Transactional outbox: written in the transaction of the state change, relayed to Kafka after
-- commit, marked published only once the broker acknowledged the record.
create table outbox_event (
    id           bigint generated always as identity primary key,
    event_id     uuid        not null unique,
    topic        text        not null,
    record_key   text        not null,
    key_hash     integer     not null,
    event_type   text        not null,
    payload      bytea,
    headers      jsonb       not null,
    created_at   timestamptz not null default now(),
    published_at timestamptz,
    attempts     integer     not null default 0,
    last_error   text
);

create index outbox_event_unpublished on outbox_event (id) where published_at is null;
create index outbox_event_published_at on outbox_event (published_at) where published_at is not null;

-- Idempotent consumers: an event's effect and this receipt commit in one transaction.
create table processed_event (
    consumer     text        not null,
    event_id     uuid        not null,
    processed_at timestamptz not null default now(),
    primary key (consumer, event_id)
);
