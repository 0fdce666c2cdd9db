-- Secret ballots became a module of their own. Each ballot's link, title, subjects (one per line), choices
-- and whether it is open now live here, the one place that says so; the 审议's meeting keeps its record of
-- the meeting. The codes and counters keep their tables, rows and key (the ballot's id is the meeting that
-- opened it) until vote storage is replaced; a counter's name grows to hold a subject's number.
create table poll (
    id        bigint        primary key,
    slug      varchar(16)   not null,
    title     varchar(300)  not null,
    subjects  varchar(4000) not null,
    choices   varchar(500)  not null,
    opens_on  date          not null,
    status    varchar(10)   not null
);
create unique index poll_slug_uk on poll (slug);

insert into poll (id, slug, title, subjects, choices, opens_on, status)
select id, slug, coalesce(ballot_title, ''), coalesce(proposed_grade, ''), 'AGREE,DISAGREE,ABSTAIN', held_on,
       case when status = 'OPEN' then 'OPEN' else 'CLOSED' end
from grading_meeting where slug is not null;

alter table grading_ballot_tally alter column choice set data type varchar(40);
