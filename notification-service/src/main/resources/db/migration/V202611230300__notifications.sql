-- One row per referral or consultation this service has heard of: what every notice about the case
-- repeats, and the escalation timer (due time and the ladder rung already told) stored with it.
create table notice_case (
    case_id              uuid        primary key,
    case_type            text        not null,
    case_number          text        not null,
    priority             text        not null,
    from_hospital        text        not null,
    from_department      text,
    to_hospital          text        not null,
    to_department        text,
    answer_deadline      timestamptz not null,
    patient_key          text,
    escalation_level     integer     not null default 0,
    escalation_due_at    timestamptz,
    escalation_stopped   text,
    created_at           timestamptz not null default now()
);

create index notice_case_escalation_due on notice_case (escalation_due_at)
    where escalation_due_at is not null;

-- One row per event x recipient (a coordinator, or a hospital's systems); coordinators acknowledge it.
create table notification (
    id               uuid        primary key,
    case_id          uuid        not null references notice_case (case_id),
    event_id         uuid        not null,
    event_type       text        not null,
    event_time       timestamptz not null,
    hospital         text        not null,
    recipient        text        not null,
    recipient_name   text,
    role             text,
    department       text,
    escalation_level integer     not null default 0,
    needs_ack        boolean     not null,
    acknowledged_at  timestamptz,
    acknowledged_by  text,
    created_at       timestamptz not null default now(),
    unique (event_id, recipient)
);

create index notification_case on notification (case_id);
create index notification_unacknowledged on notification (hospital)
    where needs_ack and acknowledged_at is null;

-- One row per notification x channel x address: the durable unit of work of the delivery worker.
-- status PENDING -> SENDING (leased until next_attempt_at) -> SENT, or back to PENDING, or PARKED.
create table delivery (
    id              bigint      generated always as identity primary key,
    message_id      uuid        not null unique,
    notification_id uuid        not null references notification (id),
    event_id        uuid        not null,
    recipient       text        not null,
    hospital        text        not null,
    channel         text        not null,
    address         text        not null,
    ordering_key    text,
    status          text        not null,
    attempts        integer     not null default 0,
    next_attempt_at timestamptz not null default now(),
    last_error      text,
    created_at      timestamptz not null default now(),
    delivered_at    timestamptz,
    unique (notification_id, channel, address)
);

create index delivery_due on delivery (next_attempt_at, id) where status in ('PENDING', 'SENDING');
create index delivery_open_by_key on delivery (ordering_key, id)
    where status in ('PENDING', 'SENDING') and ordering_key is not null;
create index delivery_parked on delivery (hospital) where status = 'PARKED';
create index delivery_hospital on delivery (hospital, channel, address);

-- Every attempt, successful or not: the delivery log.
create table delivery_attempt (
    id           bigint      generated always as identity primary key,
    delivery_id  bigint      not null references delivery (id),
    event_id     uuid        not null,
    recipient    text        not null,
    channel      text        not null,
    attempt      integer     not null,
    outcome      text        not null,
    latency_ms   bigint      not null,
    error        text,
    attempted_at timestamptz not null default now()
);

create index delivery_attempt_delivery on delivery_attempt (delivery_id, id);

-- Standard Webhooks signing secret per hospital; set by OPS over the API or from configuration.
create table webhook_secret (
    hospital   text        primary key,
    secret     text        not null,
    updated_at timestamptz not null default now()
);
