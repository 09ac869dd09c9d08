-- One row per hospital x counterpart x direction x stage x priority x day (alliance time zone).
-- hospital is the sending hospital of the referral, counterpart the receiving one.
create table transfer_count (
    hospital   text    not null,
    counterpart text   not null,
    direction  text    not null,
    stage      text    not null,
    priority   text    not null,
    day        date    not null,
    count      bigint  not null,
    primary key (hospital, direction, stage, day, counterpart, priority)
);

create index transfer_count_counterpart on transfer_count (counterpart, direction, stage, day);
