-- Who answers: 党员 and 群众 (a questionnaire), or evaluators in the notice's groups (民主测评).
alter table questionnaire_template add column audience varchar(20) default 'MEMBER_PUBLIC' not null;
alter table questionnaire add column audience varchar(20) default 'MEMBER_PUBLIC' not null;
