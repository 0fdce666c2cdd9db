-- Ballots number themselves: openers refer to a ballot by its link (slug), so ballots opened by different
-- modules (a 审议, a pledge board's rating) never collide on an id. Ballots opened before kept the id of the
-- 审议's meeting that opened them; new ids start far above any of those.
create sequence poll_seq start with 1000000000;
