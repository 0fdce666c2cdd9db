-- 自查初评 in detail: what was done for each measure of the approved goal (a JSON list beside the measures, in their
-- order), who saved last, whether the hand-in came after the phase's due date, and who reopened a decision when.
alter table acceptance_review add column measure_results varchar(20000);
alter table acceptance_review add column updated_by varchar(50);
alter table acceptance_review add column handed_in_late boolean default false not null;
alter table acceptance_review add column reopened_by varchar(50);
alter table acceptance_review add column reopened_at timestamp;
