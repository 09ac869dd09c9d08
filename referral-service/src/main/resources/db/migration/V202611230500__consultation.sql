-- Remote consultations (远程会诊) and their audit trail.
create sequence consultation_number_seq;

create table consultation (
    id                  uuid primary key,
    consultation_number text        not null unique,
    type                text        not null,
    priority            text        not null check (priority in ('ROUTINE', 'URGENT', 'GREEN_CHANNEL')),
    status              text        not null,
    from_hospital       text        not null,
    from_department     text,
    from_clinician      text,
    to_hospital         text        not null,
    to_department       text,
    diagnosis_code      text        not null,
    diagnosis_text      text        not null,
    question            text        not null,
    attachments         jsonb       not null default '[]'::jsonb,
    patient_key         text        not null,
    requested_at        timestamptz not null,
    answer_deadline     timestamptz not null,
    scheduled_at        timestamptz,
    expert              text,
    report_text         text,
    report_url          text,
    reason_code         text,
    reason_comment      text,
    -- Set once by the sweep that published ConsultationAnswerDeadlinePassed: never twice.
    deadline_passed_at  timestamptz,
    version             integer     not null default 0
);

create index consultation_from_hospital on consultation (from_hospital, requested_at desc, id desc);
create index consultation_to_hospital on consultation (to_hospital, requested_at desc, id desc);
create index consultation_requested on consultation (requested_at desc, id desc);
create index consultation_deadline_due on consultation (answer_deadline)
    where status = 'REQUESTED' and deadline_passed_at is null;

create table consultation_history (
    id              bigint generated always as identity primary key,
    consultation_id uuid        not null references consultation (id),
    action          text        not null,
    from_status     text,
    to_status       text        not null,
    actor           text        not null,
    actor_hospital  text,
    reason_code     text,
    comment         text,
    at              timestamptz not null
);

create index consultation_history_by_consultation on consultation_history (consultation_id, id);
