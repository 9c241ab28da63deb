-- Each rep's leads in hand (status ASSIGNED or CONTACTED, io.crmflow.lead.LeadStatus.IN_HAND), kept by
-- io.crmflow.lead.LeadsInHand in the transaction of every change of a lead's owner or status. Every assignment reads the
-- team's load; a row per rep instead of a count over all leads (issue 25: that count was the query PostgreSQL ran most
-- during a burst of contact-deadline timers, each of which re-assigns a lead).
create table leads_in_hand (
    owner_id varchar(64) primary key,
    leads    integer     not null
);

insert into leads_in_hand (owner_id, leads)
select owner_id, count(*) from leads where owner_id is not null and status in ('ASSIGNED', 'CONTACTED') group by owner_id;
