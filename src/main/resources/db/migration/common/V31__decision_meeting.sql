-- 上级评定: the date and record (纪要) of the authority's meeting that decided the grade. A committee decides many of
-- its organisations at one meeting; each decision keeps the meeting it was made at.
alter table grading_case add column decision_meeting_on date;
alter table grading_case add column decision_minutes varchar(4000);
