-- Projection of the referral and consultation topics. Every row can be rebuilt from the topics
-- (see rebuild_state): counts per day in the alliance's time zone, last_changed_at tells when a
-- late event restated a day.
alter table transfer_count add column last_changed_at timestamptz not null default now();

create table consultation_count (
    hospital        text        not null,
    counterpart     text        not null,
    type            text        not null,
    stage           text        not null,
    day             date        not null,
    count           bigint      not null,
    last_changed_at timestamptz not null default now(),
    primary key (hospital, type, stage, day, counterpart)
);

-- Answers to referrals (accepted or rejected), for time to accept and deadline compliance.
create table answer_time (
    event_id        uuid        primary key,
    referral_id     uuid        not null,
    hospital        text        not null,
    counterpart     text        not null,
    direction       text        not null,
    priority        text        not null,
    outcome         text        not null,
    day             date        not null,
    seconds         bigint      not null,
    within_deadline boolean     not null
);

create index answer_time_hospital on answer_time (hospital, day);

-- Every counted event, so any figure can be traced back to the events behind it. kind is
-- REFERRAL or CONSULTATION; category the direction (UP, DOWN) or the consultation type.
create table event_log (
    event_id     uuid        primary key,
    event_type   text        not null,
    case_id      uuid        not null,
    kind         text        not null,
    hospital     text        not null,
    counterpart  text        not null,
    category     text        not null,
    stage        text        not null,
    priority     text        not null,
    day          date        not null,
    reason       text,
    event_time   timestamptz not null,
    counted_at   timestamptz not null default now()
);

create index event_log_hospital on event_log (hospital, kind, category, stage, day);

-- One row: the projection generation the live consumer writes (its receipts are per generation)
-- and, while a rebuild runs, the generation being built.
create table rebuild_state (
    id             integer     primary key check (id = 1),
    generation     integer     not null,
    building       integer,
    status         text        not null,
    started_at     timestamptz,
    finished_at    timestamptz,
    target_records bigint      not null default 0,
    done_records   bigint      not null default 0,
    message        text
);

insert into rebuild_state (id, generation, status) values (1, 1, 'IDLE');
