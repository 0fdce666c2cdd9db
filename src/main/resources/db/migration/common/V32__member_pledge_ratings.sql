-- Residents rate each published member's pledge (党员公开承诺) as well as the organisation's pledges, in the same
-- sealed ballot: one subject per member's pledge beside the organisation. Nothing is written per rating; when the
-- organisation counts the ballot with its printed key, each member pledge's totals are added here.
create table pledge_member_rating (
    pledge_id        bigint not null primary key references pledge (id),
    board_id         bigint not null references pledge_board (id),
    satisfied        bigint not null default 0,
    fairly_satisfied bigint not null default 0,
    dissatisfied     bigint not null default 0
);
create index pledge_member_rating_board on pledge_member_rating (board_id);
