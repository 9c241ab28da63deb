-- Demo catalogue (embedded default only, like the demo sales team): devices, consumables, OTC and prescription drugs.
insert into product (sku, name, category, list_price, stock, active, created_at, updated_at) values
    ('MON-PM7000',  '迈瑞 PM-7000 多参数监护仪',    '监护仪',   38500.00,  12, true, current_timestamp, current_timestamp),
    ('MON-BM5',     '理邦 iM50 便携监护仪',         '监护仪',   21800.00,  30, true, current_timestamp, current_timestamp),
    ('MON-CX9',     '科曼 C9 床旁监护仪',           '监护仪',   29600.00,   5, true, current_timestamp, current_timestamp),
    ('ECG-1200',    '光电 ECG-1200 十二导心电图机', '心电图机', 46000.00,   8, true, current_timestamp, current_timestamp),
    ('CON-SPO2',    '一次性血氧探头（50只/箱）',    '耗材',      1250.00, 400, true, current_timestamp, current_timestamp),
    ('CON-ECGPAD',  '心电电极片（1000片/箱）',      '耗材',       680.00, 250, true, current_timestamp, current_timestamp),
    ('CON-SYR5',    '一次性注射器 5ml（500支/箱）', '耗材',       320.00,   0, true, current_timestamp, current_timestamp),
    ('RX-AML5',     '苯磺酸氨氯地平片 5mg×28片',   '处方药',      32.50, 5000, true, current_timestamp, current_timestamp),
    ('RX-MET500',   '盐酸二甲双胍片 0.5g×60片',     '处方药',      18.90, 8000, true, current_timestamp, current_timestamp),
    ('RX-ATV20',    '阿托伐他汀钙片 20mg×7片',      '处方药',      45.00,  600, true, current_timestamp, current_timestamp),
    ('OTC-IBU',     '布洛芬缓释胶囊 0.3g×20粒',     '非处方药',    16.80, 3000, true, current_timestamp, current_timestamp),
    ('OTC-LHQW',    '连花清瘟胶囊 0.35g×24粒',      '非处方药',    14.50,   40, true, current_timestamp, current_timestamp);
