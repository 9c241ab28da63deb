create function audit_log_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_log is append-only: % refused', tg_op;
end;
$$;

create trigger audit_log_append_only before update or delete on audit_log
    for each row execute function audit_log_append_only();
