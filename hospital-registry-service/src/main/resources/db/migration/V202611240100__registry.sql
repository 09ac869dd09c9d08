-- The registry: alliances, member institutions, memberships and the change history.

create table alliance (
    code        text        primary key,
    name_zh     text        not null,
    name_en     text        not null,
    kind        text        not null,
    description text,
    revision    bigint      not null,
    created_at  timestamptz not null,
    updated_at  timestamptz not null
);

-- One row per member institution; lists that are only ever read with the hospital are arrays or
-- jsonb, what is filtered on has columns.
create table hospital (
    code                text        primary key,
    name_zh             text        not null,
    name_en             text        not null,
    level               text        not null,
    kind                text        not null,
    province_code       char(6)     not null,
    city_code           char(6)     not null,
    county_code         char(6)     not null,
    parent_code         text        references hospital (code),
    agreement_hospitals text[]      not null default '{}',
    departments         text[]      not null default '{}',
    green_channel       boolean     not null default false,
    consultations       text[]      not null default '{}',
    bed_capacity        integer     not null default 0 check (bed_capacity >= 0),
    coordinators        jsonb       not null default '[]',
    endpoints           jsonb       not null default '[]',
    status              text        not null,
    synthetic           boolean     not null default false,
    revision            bigint      not null,
    created_at          timestamptz not null,
    updated_at          timestamptz not null,
    check (parent_code is null or parent_code <> code)
);

create index hospital_parent on hospital (parent_code);
create index hospital_province on hospital (province_code);
create index hospital_city on hospital (city_code);
create index hospital_county on hospital (county_code);
create index hospital_level_kind on hospital (level, kind);

create table membership (
    hospital_code text not null references hospital (code) on delete cascade,
    alliance_code text not null references alliance (code),
    role          text not null,
    joined_on     date not null,
    left_on       date,
    primary key (hospital_code, alliance_code),
    check (left_on is null or left_on > joined_on)
);

create index membership_alliance on membership (alliance_code, role);

-- Who changed what and when; kept after a hospital is removed.
create table hospital_change (
    id            bigint generated always as identity primary key,
    hospital_code text        not null,
    revision      bigint      not null,
    action        text        not null,
    changed_by    text        not null,
    changed_at    timestamptz not null,
    changes       jsonb       not null
);

create index hospital_change_by_hospital on hospital_change (hospital_code, id);
