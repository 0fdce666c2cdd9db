-- station: the stations on the registry (not retired), as the survey's station entries and the 附件5 roll-up read
-- them; the station table stays the station module's own.
create view station_register_view as
select s.id as station_id, s.host_organization_id, s.name, s.name_key, s.terminal_kind, s.status, s.yearly_funding,
       s.opened_on
from station s
where s.retired_on is null;

-- station: every learning session with its station's host, for the roll-ups by year. A station retired since keeps
-- its sessions: they were held.
create view station_session_view as
select ss.station_id, s.host_organization_id, ss.held_on, ss.party_members, ss.public_attendees
from station_session ss
join station s on s.id = ss.station_id;

-- questionnaire: answer sheets counted per questionnaire and respondent category, with the shipped template the
-- questionnaire comes from (a copy counts as its original, followed back two copies), so a roll-up can pick one
-- template's questionnaires (附件5 counts the 远程教育 ones).
create view questionnaire_template_sheet_view as
select q.id as questionnaire_id, q.organization_id, q.campaign_id,
       coalesce(o2.code, o1.code, t.code) as template_code, y.category, y.n
from questionnaire q
join questionnaire_template t on t.id = q.template_id
left join questionnaire_template o1 on o1.id = t.copied_from_id
left join questionnaire_template o2 on o2.id = o1.copied_from_id
join questionnaire_tally y on y.questionnaire_id = q.id and y.question_key = '*';

-- survey: the 远程教育站点 section of a hosting organisation's report — one entry per station it hosts, on the
-- notice's survey contents for 党员干部现代远程教育 (二(二)9) — the working copy and each handed-in version's copy.
create table survey_station_entry (
    report_id     bigint        not null references survey_report (id),
    station_id    bigint        not null references station (id),
    station_name  varchar(100)  not null,
    operation     varchar(2000),
    staffing      varchar(2000),
    resources     varchar(2000),
    funding       varchar(2000),
    assessment    varchar(2000),
    effect        varchar(2000),
    extension     varchar(2000),
    primary key (report_id, station_id)
);

create table survey_station_entry_version (
    version_id    bigint        not null references survey_report_version (id),
    station_id    bigint        not null references station (id),
    station_name  varchar(100)  not null,
    operation     varchar(2000),
    staffing      varchar(2000),
    resources     varchar(2000),
    funding       varchar(2000),
    assessment    varchar(2000),
    effect        varchar(2000),
    extension     varchar(2000),
    primary key (version_id, station_id)
);

-- survey: which stations a report's station section covers, with where the report stands, for the 附件5 roll-up.
create view survey_station_view as
select r.campaign_id, r.organization_id, r.status as report_status, e.station_id
from survey_station_entry e
join survey_report r on r.id = e.report_id;

-- survey: where each organisation's report stands in a campaign, for roll-ups that count reports handed in.
create view survey_report_status_view as
select r.campaign_id, r.organization_id, r.type, r.status
from survey_report r;
