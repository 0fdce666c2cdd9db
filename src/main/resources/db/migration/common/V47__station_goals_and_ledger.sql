-- A 一般 or 后进 远程教育站点 gets a 争创目标 and 整改台账 lines like an organisation: the same tables, with the station
-- they are for. They belong to the station's host (organization_id), so the host's scope and its grading authority
-- apply unchanged; station_id is null on an organisation's own goal and lines.
alter table upgrade_goal add column station_id bigint;
alter table upgrade_goal add constraint upgrade_goal_station_fk foreign key (station_id) references station (id);
-- one goal of its own per organisation and one per station it hosts, per campaign. A unique index over a nullable
-- station_id would let an organisation have any number of goals of its own (nulls are distinct on both databases, and
-- H2 has no partial index), so the subject is keyed by a non-null column: 0 for its own, else the station.
alter table upgrade_goal add column subject_key bigint default 0 not null;
alter table upgrade_goal add constraint upgrade_goal_subject_ck
    check ((station_id is null and subject_key = 0) or subject_key = station_id);
drop index upgrade_goal_uk;
create unique index upgrade_goal_uk on upgrade_goal (campaign_id, organization_id, subject_key);
create index upgrade_goal_station_idx on upgrade_goal (station_id);

alter table rectification_item add column station_id bigint;
alter table rectification_item add constraint rectification_item_station_fk foreign key (station_id) references station (id);
create index rectification_item_station_idx on rectification_item (campaign_id, station_id);

-- upgrade: its own copy of the station grades decided in each campaign (kept from the station module's
-- StationGradeDecided and StationGradeReopened events), so a station's goal follows its grade without the station
-- module's tables; the grades decided before this migration are taken from the view the station module publishes.
create table upgrade_station_grade (
    campaign_id           bigint      not null,
    station_id            bigint      not null,
    host_organization_id  bigint      not null,
    grade                 varchar(50) not null,
    level                 varchar(20) not null,
    primary key (campaign_id, station_id)
);
insert into upgrade_station_grade (campaign_id, station_id, host_organization_id, grade, level)
select campaign_id, station_id, host_organization_id, decided_grade, decided_level from station_grade_view;
