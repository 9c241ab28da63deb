-- Demo sales team of SPEC §2. Only in the embedded default (this folder is not a Flyway location in "postgres").
insert into sales_rep (user_id, regions, product_lines, industries, capacity) values
    ('alice', 'EAST',      'DEVICES,CONSUMABLES',                   'HOSPITAL,CLINIC',                      20),
    ('frank', 'EAST',      'DEVICES',                               'HOSPITAL',                             10),
    ('bob',   'EAST',      'OTC,PRESCRIPTION',                      'PHARMACY,DISTRIBUTOR',                 20),
    ('chen',  'SOUTH',     'OTC,DEVICES',                           'PHARMACY,HOSPITAL',                    20),
    ('dana',  'NORTH',     'PRESCRIPTION,DEVICES',                  'HOSPITAL',                             20),
    ('eli',   'SOUTHWEST', 'OTC,PRESCRIPTION,DEVICES,CONSUMABLES',  'HOSPITAL,PHARMACY,CLINIC,DISTRIBUTOR', 15);

insert into region_manager (region, user_id) values
    ('EAST', 'mia'), ('SOUTH', 'mia'), ('NORTH', 'noah'), ('SOUTHWEST', 'noah');
