-- Account lists sort by the person's name in pinyin order (the key the application computes, as for members);
-- accounts from before, or written by SQL, are keyed at start.
alter table account add column name_key varchar(128);
