-- The claim a request holds on its key: its answer is stored only by the request that still holds
-- the claim (in the same transaction as its effect), so a taken-over claim cannot run twice.
alter table idempotency_key add column claim uuid;
