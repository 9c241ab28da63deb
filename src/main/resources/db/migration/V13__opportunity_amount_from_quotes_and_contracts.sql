-- The opportunity's amount follows what was approved (io.crmflow.opportunity.OpportunityAmounts): the approved
-- contract's amount, else the net total of the quote approved last while the opportunity was open. Approvals used to
-- leave the amount as entered; this brings the existing opportunities in line, with a timeline entry and an audit entry
-- for each one that changes, under the actor 'migration'. Quotes and contracts of an opportunity are approved one at a
-- time in the order they were made (a new one waits for the decision on the last), so the highest id is the latest.
create table opportunity_amount_fix (
    opportunity_id  bigint         primary key,
    old_amount      decimal(15, 2),
    new_amount      decimal(15, 2) not null,
    approved        varchar(60)    not null
);

insert into opportunity_amount_fix (opportunity_id, old_amount, new_amount, approved)
select o.id, o.amount, c.amount, '合同 contract C-' || cast(c.id as varchar(20))
from opportunity o join contract c on c.opportunity_id = o.id
where c.status in ('APPROVED', 'PAID')
  and not exists (select 1 from contract later
                  where later.opportunity_id = o.id and later.status in ('APPROVED', 'PAID') and later.id > c.id);

-- A quote approved after the opportunity was closed does not change it.
insert into opportunity_amount_fix (opportunity_id, old_amount, new_amount, approved)
select o.id, o.amount, q.net_total, '报价 quote Q-' || cast(q.id as varchar(20))
from opportunity o join quote q on q.opportunity_id = o.id
where q.status = 'APPROVED' and (o.closed_at is null or q.decided_at <= o.closed_at)
  and not exists (select 1 from opportunity_amount_fix contracted where contracted.opportunity_id = o.id)
  and not exists (select 1 from quote later
                  where later.opportunity_id = o.id and later.status = 'APPROVED' and (o.closed_at is null or later.decided_at <= o.closed_at)
                    and later.id > q.id);

delete from opportunity_amount_fix where old_amount = new_amount;

insert into audit_log (occurred_at, actor, entity, entity_id, field, old_value, new_value)
select current_timestamp, 'migration', 'opportunity', cast(opportunity_id as varchar(64)), 'amount', cast(old_amount as varchar(20)),
       cast(new_amount as varchar(20))
from opportunity_amount_fix order by opportunity_id;

insert into opportunity_event (opportunity_id, type, detail, actor, occurred_at)
select opportunity_id, 'AMOUNT_CHANGED', '金额 Amount ' || coalesce(cast(old_amount as varchar(20)), '—') || ' → '
       || cast(new_amount as varchar(20)) || ' CNY: ' || approved || ' 已批准 approved (数据修正 corrected by migration V13)',
       'migration', current_timestamp
from opportunity_amount_fix order by opportunity_id;

update opportunity set amount = (select f.new_amount from opportunity_amount_fix f where f.opportunity_id = opportunity.id),
                       updated_at = current_timestamp
where id in (select opportunity_id from opportunity_amount_fix);

drop table opportunity_amount_fix;
