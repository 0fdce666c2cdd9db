-- The organisations a grading authority decides for beyond its own subtree (law firms graded by 司法局) are found by
-- this column: without an index every grading figure of a town read the province's whole tree to find them.
create index organization_grading_authority_idx on organization (grading_authority_id);
