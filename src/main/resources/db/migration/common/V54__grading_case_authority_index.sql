-- The register lists the cases of a subtree and the cases its organisations decided: the second are found by
-- the deciding organisation, by this index, instead of the register reading every case of the province.
create index grading_case_authority_idx on grading_case (authority_organization_id);
