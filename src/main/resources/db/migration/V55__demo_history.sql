-- The living demo's marker (docs/operations.md "Demo history"): one row once its history has been generated into this
-- database, so that it is generated once per database, by one node, and never again after a restart.
create table demo_history (
    id           int          primary key,
    seed         bigint       not null,
    started_at   timestamp with time zone not null,
    finished_at  timestamp with time zone,
    outcome      varchar(2000)
);
