create sequence referral_number_seq;

create table referral (
    id              uuid primary key,
    referral_number text        not null unique,
    direction       text        not null check (direction in ('UP', 'DOWN')),
    priority        text        not null check (priority in ('ROUTINE', 'URGENT', 'GREEN_CHANNEL')),
    status          text        not null,
    from_hospital   text        not null,
    from_department text,
    to_hospital     text        not null,
    to_department   text,
    diagnosis_code  text        not null,
    diagnosis_text  text        not null,
    patient_key     text        not null,
    submitted_at    timestamptz not null,
    answer_deadline timestamptz not null,
    version         integer     not null default 0
);

create index referral_from_hospital on referral (from_hospital, submitted_at);
create index referral_to_hospital on referral (to_hospital, submitted_at);
