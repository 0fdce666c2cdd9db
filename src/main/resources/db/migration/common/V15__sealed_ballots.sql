-- Votes are sealed on arrival to the ballot's public key, whose private half is printed for the clerk and never
-- stored; the count happens at the close, with the printed key. While a ballot is open nothing changes per vote
-- but a code's spent flag and one more sealed vote, whatever the choice: no counter moves. The codes and totals
-- move to tables of the ballot module's own name, keyed by the ballot (poll) instead of the 审议's meeting.
alter table poll add column seal_key varchar(64);

create table ballot_code (
    poll_id    bigint      not null references poll (id),
    code_hash  varchar(64) not null,
    spent      boolean     not null default false,
    primary key (poll_id, code_hash)
);
insert into ballot_code (poll_id, code_hash, spent)
select meeting_id, code_hash, spent from grading_ballot_code where meeting_id in (select id from poll);

-- written once, when the ballot is counted (and, for ballots opened before sealing, by each vote as before)
create table ballot_tally (
    poll_id  bigint      not null references poll (id),
    choice   varchar(40) not null,
    n        integer     not null default 0,
    primary key (poll_id, choice)
);
insert into ballot_tally (poll_id, choice, n)
select meeting_id, choice, n from grading_ballot_tally where meeting_id in (select id from poll);

drop table grading_ballot_code;
drop table grading_ballot_tally;

-- one sealed vote per spent code while the ballot is open; deleted by the count
create table ballot_vote (
    poll_id  bigint        not null references poll (id),
    sealed   varchar(4000) not null
);
create index ballot_vote_poll_ix on ballot_vote (poll_id);

-- the receipts counted, kept after the count so that each voter can find theirs
create table ballot_receipt (
    poll_id  bigint      not null references poll (id),
    receipt  varchar(12) not null,
    primary key (poll_id, receipt)
);
