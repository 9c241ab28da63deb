-- The lead analytics count the leads created in a period: the grade calibration of the rules workbench (per grade and
-- source) and the lead sources of the dashboard. With grade, source and status in the index, PostgreSQL reads a period's
-- leads from the index alone (id for the join to their opportunities).
create index leads_created_grade on leads (created_at, grade, source, status, id);
