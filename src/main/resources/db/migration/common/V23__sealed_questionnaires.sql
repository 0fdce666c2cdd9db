-- Coded questionnaires launched from now on keep their answers sealed until the organiser counts them with the
-- key printed at launch, as phone ballots do: the public half of that key, when they were counted, each answer
-- sealed while it waits (one fixed length per questionnaire), and the receipts counted. Coded questionnaires
-- launched before keep counting as they did (no key).
alter table questionnaire add column seal_key varchar(64);
alter table questionnaire add column counted_at timestamp;
-- the count deletes the codes: how many were printed and used is kept with it
alter table questionnaire add column codes_issued_at_count integer;
alter table questionnaire add column codes_spent_at_count integer;

create table questionnaire_sealed (
    questionnaire_id  bigint          not null references questionnaire (id),
    sealed            varchar(1000000) not null
);
create index questionnaire_sealed_q_ix on questionnaire_sealed (questionnaire_id);

create table questionnaire_receipt (
    questionnaire_id  bigint      not null references questionnaire (id),
    receipt           varchar(12) not null,
    primary key (questionnaire_id, receipt)
);
