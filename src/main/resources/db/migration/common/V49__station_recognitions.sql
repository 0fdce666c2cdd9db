-- 示范站点: a station named a model (远程教育示范站点) is recorded like an organisation's 示范 recognition, in the same
-- table and by the same rules; organization_id then holds the station's host (whose superiors record it and whose
-- subtree reads it) and station_id the station. Organisations' recognitions have no station.
alter table acceptance_recognition add column station_id bigint references station (id);
create index acceptance_recognition_station_idx on acceptance_recognition (station_id, recognized_on);
