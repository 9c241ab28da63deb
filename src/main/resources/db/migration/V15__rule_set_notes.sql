-- Why a rules owner activated a version or rolled back (docs/product.md §15), next to the audit entry of that change. A table of
-- its own rather than a column of rule_set_audit: the audit trail stays append-only, and a note is written once.
create table rule_set_audit_note (
    audit_id  bigint         primary key references rule_set_audit (id),
    note      varchar(1000)  not null
);
