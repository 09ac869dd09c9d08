-- Periodic totals an HIS reports for its hospital (a year 2020 or a month 2020-05), replaced as a
-- whole on every PUT of the same period: the denominators of the seed's Table 1 rates.
create table hospital_volume (
    hospital               text        not null,
    period                 text        not null,
    year                   integer     not null,
    month                  integer,
    outpatient_visits      bigint      not null,
    admissions             bigint      not null,
    discharges             bigint      not null,
    bed_days               bigint      not null,
    beds                   integer     not null,
    staff_trained_upstream integer     not null,
    updated_at             timestamptz not null default now(),
    primary key (hospital, period)
);

create index hospital_volume_year on hospital_volume (year, hospital);

-- Targets per hospital, indicator and year; actual is reported for indicators the platform cannot
-- derive (satisfaction, day-surgery share...), derived ones are computed at query time.
create table indicator_target (
    hospital   text        not null,
    year       integer     not null,
    indicator  text        not null,
    target     numeric     not null,
    better     text        not null,
    actual     numeric,
    updated_at timestamptz not null default now(),
    primary key (hospital, year, indicator)
);
