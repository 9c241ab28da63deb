-- A deputy's approval decision names whom it was made for (docs/product.md §14): "approved by X for Y".
alter table quote_approval add column on_behalf_of varchar(64);
alter table contract_approval add column on_behalf_of varchar(64);
