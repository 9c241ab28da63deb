'use strict';
// The dashboard's operational panels (docs/product.md §7): SLA compliance per priority, lead sources, data quality, RFM and
// churn warnings. dashboard.js calls show() after each refresh and clear() when the filter is refused; texts as textContent.
window.CrmflowPanels = (function () {
  const TEXT = {
    zh: {
      sla: 'SLA 达成率（按优先级）', priority: '优先级', tickets: '工单', firstResponse: '首次响应达标', resolution: '解决达标', breached: '违约工单',
      leadSources: '线索来源（线索 → 合格 → 赢单）', source: '来源', leads: '线索', qualified: '合格', won: '赢单',
      dataQuality: '数据质量', missingAmount: '进行中商机缺少金额或预计成交日', missingContact: '进行中线索没有电话和邮箱',
      idle: '超过 {hours} 小时未更新的商机', records: '记录',
      rfm: 'RFM 客户价值', customer: '客户', tier: '等级', owner: '负责人', lastOrder: '最近订单', orders: '订单数', monetary: '金额', score: 'RFM 分',
      churn: '流失预警（未跟进）', daysWithoutOrder: '未下单天数', warnedAt: '预警时间', none: '暂无'
    },
    en: {
      sla: 'SLA compliance per priority', priority: 'Priority', tickets: 'Tickets', firstResponse: 'First response met', resolution: 'Resolution met',
      breached: 'Breached tickets', leadSources: 'Lead sources (leads → qualified → won)', source: 'Source', leads: 'Leads', qualified: 'Qualified',
      won: 'Won', dataQuality: 'Data quality', missingAmount: 'Open opportunities without amount or close date',
      missingContact: 'Open leads without phone and email', idle: 'Opportunities not updated for more than {hours} h', records: 'Records',
      rfm: 'RFM customer value', customer: 'Customer', tier: 'Tier', owner: 'Owner', lastOrder: 'Last order', orders: 'Orders', monetary: 'Amount',
      score: 'RFM score', churn: 'Churn warnings (not followed up)', daysWithoutOrder: 'Days without order', warnedAt: 'Warned', none: 'None'
    }
  };
  const RFM_ROWS = 10;
  const $ = (id) => document.getElementById(id);
  const percent = (value) => (value === null || value === undefined ? null : value.toFixed(1) + ' %');
  const L = window.CrmflowLabels;

  function headers(id, language, keys) {
    const row = $(id).querySelector('thead tr');
    row.replaceChildren();
    keys.forEach((key) => {
      const th = document.createElement('th');
      th.textContent = TEXT[language][key];
      row.appendChild(th);
    });
  }

  function rows(id, entries, columns, language) {
    const body = $(id).querySelector('tbody');
    body.replaceChildren();
    if (!entries.length) {
      const empty = document.createElement('td');
      empty.colSpan = columns.length;
      empty.className = 'empty';
      empty.textContent = TEXT[language].none;
      body.appendChild(document.createElement('tr')).appendChild(empty);
    }
    entries.forEach((entry) => {
      const row = document.createElement('tr');
      columns.forEach(([value, className]) => {
        const td = document.createElement('td');
        const text = value(entry);
        td.textContent = text === null || text === undefined ? '–' : String(text);
        if (className) td.className = className;
        row.appendChild(td);
      });
      body.appendChild(row);
    });
  }

  function showSla(language, entries, chart) {
    headers('sla-table', language, ['priority', 'tickets', 'firstResponse', 'resolution', 'breached']);
    rows('sla-table', entries, [[(r) => L.label(language, 'priorities', r.priority)], [(r) => r.tickets, 'number'],
      [(r) => percent(r.firstResponseMetPercent), 'number'], [(r) => percent(r.resolutionMetPercent), 'number'], [(r) => r.breachedTickets, 'number']], language);
    chart('sla-chart').setOption({
      tooltip: { trigger: 'axis', valueFormatter: (v) => v + ' %' }, legend: { top: 0 }, grid: { top: 40, left: 10, right: 10, containLabel: true },
      xAxis: { type: 'category', data: entries.map((r) => L.label(language, 'priorities', r.priority)) },
      yAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value} %' } },
      series: [['firstResponse', 'firstResponseMetPercent'], ['resolution', 'resolutionMetPercent']].map(([key, field]) => ({
        name: TEXT[language][key], type: 'bar', data: entries.map((r) => r[field])
      }))
    }, true);
  }

  function showLeadSources(language, entries, chart) {
    headers('sources-table', language, ['source', 'leads', 'qualified', 'won']);
    rows('sources-table', entries, [[(r) => L.label(language, 'sources', r.source)], [(r) => r.leads, 'number'],
      [(r) => r.qualified + (r.qualifiedPercent === null || r.qualifiedPercent === undefined ? '' : ' (' + percent(r.qualifiedPercent) + ')'), 'number'],
      [(r) => r.won + (r.wonPercent === null || r.wonPercent === undefined ? '' : ' (' + percent(r.wonPercent) + ')'), 'number']], language);
    chart('sources-chart').setOption({
      tooltip: { trigger: 'axis' }, legend: { top: 0 }, grid: { top: 40, left: 10, right: 10, bottom: 10, containLabel: true },
      xAxis: { type: 'category', data: entries.map((r) => L.label(language, 'sources', r.source)), axisLabel: { interval: 0, rotate: 30 } },
      yAxis: { type: 'value', minInterval: 1 },
      series: ['leads', 'qualified', 'won'].map((key) => ({ name: TEXT[language][key], type: 'bar', data: entries.map((r) => r[key]) }))
    }, true);
  }

  function showDataQuality(language, report) {
    const list = $('quality-list');
    list.replaceChildren();
    [['missingAmount', report.openOpportunitiesWithoutAmountOrCloseDate], ['missingContact', report.openLeadsWithoutPhoneAndEmail],
      ['idle', report.openOpportunitiesIdle]].forEach(([key, finding]) => {
      const item = document.createElement('li');
      item.dataset.finding = key;
      const count = document.createElement('strong');
      count.textContent = String(finding.count);
      const ids = finding.ids.length ? ' (' + TEXT[language].records + ' #' + finding.ids.join(', #') + ')' : '';
      item.append(count, ' ' + TEXT[language][key].replace('{hours}', report.idleHours) + ids);
      list.appendChild(item);
    });
  }

  function customerCell(entry) {
    return entry.name || entry.customer;
  }

  function showRfm(language, entries) {
    headers('rfm-table', language, ['customer', 'tier', 'owner', 'lastOrder', 'orders', 'monetary', 'score']);
    const best = [...entries].sort((a, b) => b.score - a.score).slice(0, RFM_ROWS);
    rows('rfm-table', best, [[customerCell], [(r) => L.label(language, 'tiers', r.tier)], [(r) => L.person(r.accountOwner)],
      [(r) => L.date(language, r.lastOrderAt)], [(r) => r.orders, 'number'], [(r) => L.money(language, r.monetary), 'number'],
      [(r) => r.score + ' (' + r.recencyScore + '/' + r.frequencyScore + '/' + r.monetaryScore + ')', 'number']], language);
  }

  function showChurn(language, entries) {
    headers('churn-table', language, ['customer', 'tier', 'owner', 'daysWithoutOrder', 'warnedAt']);
    rows('churn-table', entries, [[customerCell], [(r) => L.label(language, 'tiers', r.tier)], [(r) => L.person(r.accountOwner)],
      [(r) => r.daysWithoutOrder, 'number'], [(r) => L.dateTime(language, r.warnedAt)]], language);
  }

  const PANELS = [
    // Service numbers are the support desk's (and the GM's); the others follow the sales row rules.
    { card: 'sla-card', path: 'sla', groups: ['support-agent', 'support-lead', 'gm', 'camunda-admin'], show: showSla },
    { card: 'sources-card', path: 'lead-sources', show: showLeadSources },
    { card: 'quality-card', path: 'data-quality', show: showDataQuality },
    { card: 'rfm-card', path: 'customers/rfm', show: showRfm },
    { card: 'churn-card', path: 'customers/churn', extra: { open: 'true' }, show: showChurn }
  ];

  return {
    /** Translates the panels' titles. */
    translate(language) {
      document.querySelectorAll('[data-panel-i18n]').forEach((element) => { element.textContent = TEXT[language][element.dataset.panelI18n]; });
    },

    /**
     * Loads and draws every panel the viewer may see; a panel their role may not see is hidden and not requested (no 403 in
     * the console). {@code load(path, extra)} is the dashboard's loader with its filters; a refused filter throws.
     */
    async show(language, viewer, load, chart) {
      await Promise.all(PANELS.map(async (panel) => {
        const allowed = !panel.groups || panel.groups.some((group) => viewer.groups.includes(group));
        $(panel.card).hidden = !allowed;
        if (allowed) panel.show(language, await load(panel.path, panel.extra), chart);
      }));
    },

    /** After a refused filter: no stale numbers under the message. */
    clear() {
      ['sla-table', 'sources-table', 'rfm-table', 'churn-table'].forEach((id) => $(id).querySelector('tbody').replaceChildren());
      $('quality-list').replaceChildren();
    }
  };
}());
