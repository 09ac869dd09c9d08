-- Scope checks and received-referral figures look hospitals up as counterparts.
create index event_log_counterpart on event_log (counterpart);
