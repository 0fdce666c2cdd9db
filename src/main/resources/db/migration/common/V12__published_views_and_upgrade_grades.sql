-- Each module's tables are its own. Where another module must join in SQL to stay fast (roll-ups over a
-- subtree, the 附件 tables), it reads one of these views, which the owning module publishes here; the
-- architecture test (TableOwnership) names each view's owner and fails when SQL names a table of another module.

-- organization: the tree, without personal data
create view org_tree_view as
select id, parent_id, path, depth, name, kind, field, grading_authority_id, secretary, retired
from organization;

-- organization: who is on a roll, without personal data
create view member_roll_view as
select id, organization_id, name, status, category
from member;

-- campaign: which year a campaign is, and for which tree
create view campaign_year_view as
select id, root_organization_id, campaign_year
from campaign;

-- questionnaire: answer sheets returned per questionnaire and respondent category
create view questionnaire_sheet_view as
select q.id as questionnaire_id, q.organization_id, q.campaign_id, q.audience, t.category, t.n
from questionnaire q
join questionnaire_tally t on t.questionnaire_id = q.id and t.question_key = '*';

-- upgrade: its own copy of the grades decided this year (kept from grading's GradeDecided and
-- GradeReopened events), so what is owed and who may assist are answered without grading's tables
create table upgrade_decided_grade (
    campaign_id      bigint      not null,
    organization_id  bigint      not null,
    grade            varchar(40) not null,
    level            varchar(20) not null,
    primary key (campaign_id, organization_id)
);
insert into upgrade_decided_grade (campaign_id, organization_id, grade, level)
select campaign_id, organization_id, decided_grade, decided_level from grading_case where decided_grade is not null;
