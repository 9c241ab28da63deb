-- An installment's status is stored so that lists and filters can use it (OVERDUE above all). OPEN, PARTIALLY_PAID and
-- PAID follow from the amounts; OVERDUE is set by the payment-collection process when the installment's dunning ladder
-- starts (its first overdue step, rules/payment-collection.dmn) and stays until it is paid in full. Rows written before
-- this migration get the status their amounts give; those whose ladder had already started are marked OVERDUE at
-- start-up from the engine's state (io.crmflow.payment.OverdueInstallments), which SQL cannot read here.
alter table installment add column status varchar(20) default 'OPEN' not null;

update installment set status = case when paid = amount then 'PAID' when paid > 0 then 'PARTIALLY_PAID' else 'OPEN' end;

alter table installment add constraint installment_status check (status in ('OPEN', 'PARTIALLY_PAID', 'OVERDUE', 'PAID'));

create index installment_contract_status on installment (contract_id, status);
