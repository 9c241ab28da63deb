-- Tags managers keep for customers (docs/product.md §12), and which customer carries which. The three of the source material are
-- where a company starts; managers add and remove their own.
create table customer_tag_option (
    name        varchar(50)  primary key,
    label       varchar(100) not null,
    created_by  varchar(64)  not null,
    created_at  timestamp with time zone not null
);

create table customer_tag (
    customer_id  bigint      not null references customer (id),
    tag          varchar(50) not null references customer_tag_option (name),
    primary key (customer_id, tag)
);

create index customer_tag_tag on customer_tag (tag, customer_id);

insert into customer_tag_option (name, label, created_by, created_at) values
    ('高意向', '高意向 High intent', 'migration', current_timestamp),
    ('价格敏感', '价格敏感 Price sensitive', 'migration', current_timestamp),
    ('决策链长', '决策链长 Long decision chain', 'migration', current_timestamp);
