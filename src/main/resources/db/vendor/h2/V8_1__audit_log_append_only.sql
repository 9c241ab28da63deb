create trigger audit_log_append_only before update, delete on audit_log for each row call "io.crmflow.audit.H2AppendOnlyTrigger";
