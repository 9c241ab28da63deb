-- Demo customers for service tickets (SPEC §4). Only in the embedded default (this folder is not a Flyway location in "postgres").
insert into customer (name, tier, account_owner, created_at) values
    ('上海仁济医疗器械有限公司', 'A', 'alice', timestamp with time zone '2026-01-05 09:00:00+08:00'),
    ('深圳人民医院',             'A', 'chen',  timestamp with time zone '2026-01-05 09:00:00+08:00'),
    ('杭州康宁大药房',           'B', 'bob',   timestamp with time zone '2026-01-05 09:00:00+08:00'),
    ('北京协和诊所',             'B', 'dana',  timestamp with time zone '2026-01-05 09:00:00+08:00'),
    ('成都百草堂医药连锁',       'C', 'eli',   timestamp with time zone '2026-01-05 09:00:00+08:00'),
    ('广州惠民诊所',             'C', 'chen',  timestamp with time zone '2026-01-05 09:00:00+08:00');

insert into kb_article (title, keywords, body, status, proposed_by, reviewed_by, created_at, updated_at) values
    ('发票重开 Reissuing an invoice', '发票,重开',
     '登录客户门户 → 订单 → 申请重开发票，填写新的抬头和税号，3 个工作日内寄出。 Customer portal → Orders → Reissue invoice; the new invoice is sent within 3 business days.',
     'APPROVED', 'lily', 'lily', timestamp with time zone '2026-01-05 09:00:00+08:00', timestamp with time zone '2026-01-05 09:00:00+08:00');
