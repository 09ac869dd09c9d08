-- Bulk imports: one row per uploaded file, its progress and its report.
create table import_job (
    id             uuid        primary key,
    alliance_code  text        not null references alliance (code),
    format         text        not null,
    mode           text        not null,
    file_sha256    text        not null,
    status         text        not null,
    total_rows     integer,
    validated_rows integer     not null default 0,
    processed_rows integer     not null default 0,
    created        integer     not null default 0,
    updated        integer     not null default 0,
    unchanged      integer     not null default 0,
    rejected       integer     not null default 0,
    errors         jsonb       not null default '[]',
    failure        text,
    created_by     text        not null,
    created_at     timestamptz not null,
    updated_at     timestamptz not null,
    finished_at    timestamptz
);

create index import_job_alliance on import_job (alliance_code, created_at desc);
create index import_job_file on import_job (alliance_code, file_sha256);
