-- A party member's account names the person on the roll it belongs to (organization's member, by id only: the
-- roll is another module's table, so no foreign key; identity checks the link through organization's directory).
alter table account add column member_id bigint;
