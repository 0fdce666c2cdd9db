-- organization: the 排序号 an office gives an organisation among its parent's (null: after the numbered ones),
-- and the keys the database sorts by: an organisation's place in the tree (its parent's key, then its own
-- 排序号, the pinyin collation key of its name and its id, each of fixed width) and a member's name by pinyin.
-- The keys need the Chinese collation, so the application fills them (at start for rows that have none).
alter table organization add column sort_order integer;
alter table organization add column sort_key varchar(4000);
alter table member add column name_key varchar(128);

-- the published views carry the keys, so that other modules list organisations and people in the same order
create or replace view org_tree_view as
select id, parent_id, path, depth, name, kind, field, grading_authority_id, secretary, retired, sort_order, sort_key
from organization;

create or replace view member_roll_view as
select id, organization_id, name, status, category, name_key
from member;
