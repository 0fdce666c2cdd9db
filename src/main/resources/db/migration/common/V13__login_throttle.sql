-- Wrong passwords are held back per account name and client address, and per name over all its addresses
-- (address '*'), instead of locking the account: a lock let anyone lock anyone out and told which names exist.
-- The rule is identity's LoginThrottlePolicy; rows are purged once the rule no longer needs them.
create table login_throttle (
    username         varchar(100) not null,
    address          varchar(100) not null,
    failures         integer      not null,
    first_failure_at timestamp,
    last_failure_at  timestamp,
    next_attempt_at  timestamp,
    last_success_at  timestamp,
    touched_at       timestamp    not null,
    revision         bigint       not null,
    constraint login_throttle_pk primary key (username, address)
);
create index login_throttle_touched_idx on login_throttle (touched_at);

alter table account drop column failed_attempts;
alter table account drop column locked_until;
