-- Local snapshot of the hospital-registry topic (services that keep a HospitalDirectory).
create table hospital_directory (
    code       text        primary key,
    revision   bigint      not null,
    state      bytea       not null,
    updated_at timestamptz not null default now()
);
