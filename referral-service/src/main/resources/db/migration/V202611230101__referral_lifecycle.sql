-- The full referral (issue 4, items 1, 2, 4, 7, 8): clinical details, the answer, protected patient
-- identity, the alliance it runs in, the answer-deadline flag and the audit trail of transitions.

alter table referral
    add column his_business_id       text,
    add column from_clinician        text,
    add column details               jsonb       not null default '{}'::jsonb,
    add column closes_referral       uuid references referral (id),
    add column rereferral_of         uuid references referral (id),
    add column answer                jsonb       not null default '{}'::jsonb,
    -- AES-256-GCM: 12-byte nonce followed by the ciphertext of the identity as JSON.
    add column patient_identity      bytea,
    add column patient_key_id        text,
    add column alliance              text        not null default 'UNKNOWN',
    add column alliances             text[]      not null default '{}',
    add column suspected_duplicate_of uuid[]     not null default '{}',
    add column deadline_passed       boolean     not null default false,
    add column updated_at            timestamptz not null default now();

create index referral_duplicate_key on referral (patient_key, to_hospital, submitted_at);
create index referral_submitted_at on referral (submitted_at, id);
create index referral_alliances on referral using gin (alliances);
create index referral_unanswered on referral (answer_deadline) where status = 'SUBMITTED';
create index referral_his_business_id on referral (from_hospital, his_business_id);

-- One row per status change, written in the transaction of the change. tx_id is the writing
-- transaction: the changes feed reads only rows of transactions older than every one still in
-- flight and orders by (tx_id, seq), so a late commit can never fall behind a reader's cursor.
create table referral_transition (
    seq            bigserial   primary key,
    tx_id          xid8        not null default pg_current_xact_id(),
    referral_id    uuid        not null references referral (id),
    actor          text        not null,
    actor_hospital text,
    at             timestamptz not null,
    from_status    text,
    to_status      text        not null,
    reason_code    text,
    comment        text,
    version        integer     not null
);

create index referral_transition_referral on referral_transition (referral_id, seq);
create index referral_transition_feed on referral_transition (tx_id, seq);
