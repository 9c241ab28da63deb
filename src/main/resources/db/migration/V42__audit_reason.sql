-- Why a change was made, where it is not the plain edit it looks like: HANDOVER for the records a leaving rep's handover moved
-- (docs/product.md §14). Entries without a reason are sealed exactly as before (AuditChain).
alter table audit_log add column reason varchar(30);
