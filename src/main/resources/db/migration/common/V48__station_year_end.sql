-- 远程教育站点年末审定: a station is graded twice in a campaign, as organisations are — at the start of the year
-- (年初定级, round START, every grading so far) and again in the 总结验收 phase (年末审定, round YEAR_END) by the same
-- steps. The 工作总结 compares the two.
alter table station_grading add column grading_round varchar(20) default 'START' not null;
drop index station_grading_uk;
create unique index station_grading_uk on station_grading (campaign_id, station_id, grading_round);

-- 附件6/7 and the 提升率's base read the 年初定级 only; the view keeps its meaning and now names who decided.
drop view station_grade_view;
create view station_grade_view as
select g.campaign_id, g.station_id, g.host_organization_id, g.score_total, g.score_maximum, g.proposed_grade,
       g.decided_grade, g.decided_level, g.decision_reason, g.decided_by_name, g.decided_at, g.authority_organization_id
from station_grading g
where g.decided_grade is not null and g.grading_round = 'START';

-- Published for the 工作总结 (acceptance): the decided 年末审定 grades, beside station_grade_view's 年初定级.
create view station_year_end_grade_view as
select g.campaign_id, g.station_id, g.host_organization_id, g.decided_grade, g.decided_level, g.authority_organization_id,
       g.decided_at
from station_grading g
where g.decided_grade is not null and g.grading_round = 'YEAR_END';
