'use strict';
// The managers' dashboard: numbers from /dashboard/data (same row rules as /api/analytics), drawn with ECharts.
// Every text from the server goes into the page as textContent, never as HTML.
(function () {
  const TEXT = {
    zh: {
      title: '销售看板', logout: '退出', from: '从', to: '到', region: '区域', allRegions: '全部', owner: '负责人', apply: '查询',
      funnel: '销售漏斗', stage: '阶段', entered: '进入', converted: '转化', conversion: '转化率', lost: '丢单', avgDays: '平均停留(天)',
      lossReasons: '丢单原因', forecast: '预测（加权）', leaderboard: '赢单排行', dwell: '阶段停留热力图（天）', days: '天',
      pool: '公共线索池', waiting: '等待中', oldestHours: '最久等待(小时)', approvals: '待审批', process: '流程', open: '待办',
      overdue: '超时(≥24h)', behind: '明细', name: '商机', company: '客户',
      amount: '金额', enteredAt: '进入时间', exitedTo: '去向', weighted: '加权金额', wonAmount: '赢单金额', language: 'English', customers: '客户',
      noData: '暂无数据', forbidden: '无权查看这些数据', failed: '加载失败'
    },
    en: {
      title: 'Sales dashboard', logout: 'Log out', from: 'From', to: 'To', region: 'Region', allRegions: 'All', owner: 'Owner', apply: 'Apply',
      funnel: 'Sales funnel', stage: 'Stage', entered: 'Entered', converted: 'Converted', conversion: 'Conversion', lost: 'Lost',
      avgDays: 'Avg days', lossReasons: 'Loss reasons', forecast: 'Forecast (weighted)', leaderboard: 'Leaderboard (won)',
      dwell: 'Days in stage per rep (heat map)', days: 'days', pool: 'Lead pool', waiting: 'Waiting',
      oldestHours: 'Oldest wait (h)', approvals: 'Open approvals', process: 'Process', open: 'Open', overdue: 'Overdue (≥24 h)',
      behind: 'Records', name: 'Opportunity', company: 'Customer', amount: 'Amount', enteredAt: 'Entered', exitedTo: 'Left to',
      weighted: 'Weighted', wonAmount: 'Won amount', language: '中文', customers: 'Customers', noData: 'No data', forbidden: 'You may not see these numbers',
      failed: 'Could not load'
    }
  };
  let language = CrmflowPage.language();
  let viewer = null;
  let funnel = null;
  const charts = {};

  const $ = (id) => document.getElementById(id);
  const t = (key) => TEXT[language][key];
  const L = window.CrmflowLabels;
  const stageName = (stage) => L.label(language, 'stages', stage);
  const regionName = (region) => L.label(language, 'regions', region);
  const money = (value) => L.money(language, value);
  const shortMoney = (value) => L.shortMoney(language, value);

  function cell(row, text, className) {
    const td = document.createElement('td');
    td.textContent = text === null || text === undefined ? '–' : String(text);
    if (className) td.className = className;
    row.appendChild(td);
    return td;
  }

  function drillLink(row, count, stage) {
    const td = cell(row, '', 'number');
    const link = document.createElement('a');
    link.className = 'drill';
    link.textContent = String(count);
    link.dataset.stage = stage;
    link.href = '#drilldown';
    link.addEventListener('click', (event) => { event.preventDefault(); drill(stage); });
    td.appendChild(link);
  }

  function query(extra) {
    const params = new URLSearchParams();
    ['from', 'to', 'region', 'owner'].forEach((name) => { if ($(name).value) params.set(name, $(name).value.trim()); });
    Object.entries(extra || {}).forEach(([name, value]) => params.set(name, value));
    return params.toString();
  }

  async function load(path, extra) {
    const response = await fetch('/dashboard/data/' + path + '?' + query(extra), { credentials: 'same-origin', headers: { Accept: 'application/json' } });
    if (!response.ok) {
      const problem = await response.json().catch(() => ({}));
      throw new Error((response.status === 403 ? t('forbidden') : t('failed')) + (problem.detail ? ': ' + problem.detail : ''));
    }
    return response.json();
  }

  function translate() {
    document.documentElement.lang = language === 'zh' ? 'zh-CN' : 'en';
    document.querySelectorAll('[data-i18n]').forEach((element) => { element.textContent = t(element.dataset.i18n); });
    $('language').textContent = t('language');
    window.CrmflowPanels.translate(language);
    if (viewer) regionOptions();
  }

  function chart(id) {
    if (!charts[id]) charts[id] = echarts.init($(id));
    return charts[id];
  }

  function showFunnel() {
    const body = $('funnel-table').querySelector('tbody');
    body.replaceChildren();
    funnel.stages.forEach((stage) => {
      const row = document.createElement('tr');
      row.dataset.stage = stage.stage;
      cell(row, stageName(stage.stage));
      drillLink(row, stage.entered, stage.stage);
      cell(row, stage.converted, 'number');
      cell(row, stage.conversionPercent === undefined || stage.conversionPercent === null ? null : stage.conversionPercent.toFixed(1) + ' %', 'number');
      cell(row, stage.lost, 'number');
      cell(row, stage.averageDaysInStage, 'number');
      body.appendChild(row);
    });
    const reasons = $('loss-reasons');
    reasons.replaceChildren();
    funnel.lossReasons.forEach((reason) => {
      const item = document.createElement('li');
      item.textContent = L.label(language, 'lossReasons', reason.reason) + ': ' + reason.count;
      reasons.appendChild(item);
    });
    chart('funnel-chart').setOption({
      tooltip: { trigger: 'item', formatter: (p) => p.name + ': ' + p.value },
      series: [{
        type: 'funnel', sort: 'none', left: '10%', width: '80%', minSize: '8%', label: { show: true, position: 'inside', formatter: '{b}\n{c}' },
        data: funnel.stages.map((stage) => ({ name: stageName(stage.stage), value: stage.entered, stage: stage.stage }))
      }]
    }, true);
  }

  function showForecast(rows) {
    const months = [...new Set(rows.map((row) => row.month))];
    const owners = [...new Set(rows.map((row) => row.owner))];
    chart('forecast-chart').setOption({
      tooltip: { trigger: 'axis', valueFormatter: money }, legend: { data: owners.map(L.person), top: 0, type: 'scroll' },
      grid: { top: 50, left: 10, right: 10, containLabel: true },
      xAxis: { type: 'category', data: months }, yAxis: { type: 'value', axisLabel: { formatter: shortMoney } },
      series: owners.map((owner) => ({
        name: L.person(owner), type: 'bar', stack: 'weighted',
        data: months.map((month) => { const row = rows.find((r) => r.month === month && r.owner === owner); return row ? Number(row.weighted) : 0; })
      }))
    }, true);
  }

  function showLeaderboard(rows) {
    const best = rows.slice(0, 15).reverse();
    chart('leaderboard-chart').setOption({
      tooltip: { trigger: 'axis', formatter: (p) => p[0].name + ': ' + money(p[0].value) },
      // containLabel keeps names inside the card; a compact amount axis (¥120万, ¥1.2M) and a few ticks keep them apart.
      grid: { left: 10, right: 30, bottom: 30, containLabel: true },
      xAxis: { type: 'value', name: t('wonAmount'), nameLocation: 'middle', nameGap: 28, splitNumber: 4, axisLabel: { formatter: shortMoney, hideOverlap: true } },
      yAxis: { type: 'category', data: best.map((row) => L.person(row.owner)), axisLabel: { width: 110, overflow: 'truncate' } },
      series: [{ type: 'bar', data: best.map((row) => ({ value: Number(row.wonAmount), owner: row.owner })) }]
    }, true);
  }

  function showDwell(rows) {
    const owners = [...new Set(rows.map((row) => row.owner))].slice(0, 30);
    const stages = ['INITIAL_CONTACT', 'NEEDS_CONFIRMED', 'PROPOSAL', 'NEGOTIATION'];
    const cells = rows.filter((row) => owners.includes(row.owner) && stages.includes(row.stage))
      .map((row) => [stages.indexOf(row.stage), owners.indexOf(row.owner), row.averageDays]);
    chart('dwell-chart').setOption({
      tooltip: { formatter: (p) => L.person(owners[p.data[1]]) + ' · ' + stageName(stages[p.data[0]]) + ': ' + p.data[2] + ' ' + t('days') },
      grid: { left: 10, right: 10, bottom: 60, containLabel: true },
      xAxis: { type: 'category', data: stages.map(stageName), axisLabel: { interval: 0, rotate: 20 } },
      yAxis: { type: 'category', data: owners.map(L.person), axisLabel: { width: 110, overflow: 'truncate' } },
      visualMap: { min: 0, max: Math.max(1, ...cells.map((c) => c[2])), calculable: true, orient: 'horizontal', left: 'center', bottom: 0,
        inRange: { color: ['#e8f5e9', '#ffb74d', '#c62828'] } },
      series: [{ type: 'heatmap', data: cells, label: { show: true } }]
    }, true);
  }

  function showTable(id, rows, columns) {
    const body = $(id).querySelector('tbody');
    body.replaceChildren();
    rows.forEach((entry) => {
      const row = document.createElement('tr');
      columns.forEach(([value, className]) => cell(row, value(entry), className));
      body.appendChild(row);
    });
  }

  /**
   * Cards that not everyone may see (approvals are for managers, the GM and administrators): not requested for others, so
   * that no 403 shows in the console; hidden if refused all the same.
   */
  async function optionalCard(card, path, groups, show) {
    const allowed = !groups || groups.some((group) => viewer.groups.includes(group));
    $(card).hidden = !allowed;
    if (!allowed) return;
    const response = await fetch('/dashboard/data/' + path + (path === 'pool' && $('region').value ? '?region=' + $('region').value : ''),
      { credentials: 'same-origin', headers: { Accept: 'application/json' } });
    $(card).hidden = !response.ok;
    if (response.ok) show(await response.json());
  }

  /** The region filter offers the regions the viewer may see (a manager's, a rep's own, all for the GM). */
  function regionOptions() {
    const select = $('region');
    const chosen = select.value;
    select.replaceChildren(new Option(t('allRegions'), ''));
    viewer.regions.forEach((region) => select.add(new Option(regionName(region), region)));
    select.value = viewer.regions.includes(chosen) ? chosen : '';
  }

  /** A refused filter: empty charts and tables under the message, not the numbers of the previous filter. */
  function clearAll() {
    Object.values(charts).forEach((c) => c.clear());
    ['funnel-table', 'pool-table', 'approvals-table'].forEach((id) => $(id).querySelector('tbody').replaceChildren());
    $('loss-reasons').replaceChildren();
    $('drilldown').hidden = true;
    window.CrmflowPanels.clear();
  }

  async function drill(stage) {
    try {
      const rows = await load('funnel/opportunities', { stage: stage, limit: 500 });
      $('drilldown').hidden = false;
      $('drilldown-title').textContent = stageName(stage) + ' (' + rows.length + ')';
      const body = $('drilldown-table').querySelector('tbody');
      body.replaceChildren();
      rows.forEach((entry) => {
        const row = document.createElement('tr');
        cell(row, entry.id);
        cell(row, entry.name);
        cell(row, entry.company);
        cell(row, L.person(entry.owner));
        cell(row, regionName(entry.region));
        cell(row, entry.amount === undefined ? null : money(entry.amount), 'number');
        cell(row, L.date(language, entry.enteredAt));
        cell(row, entry.exitedTo ? stageName(entry.exitedTo) : '…');
        body.appendChild(row);
      });
      $('drilldown').scrollIntoView();
    } catch (error) {
      $('message').textContent = error.message;
    }
  }

  async function refresh() {
    $('message').textContent = '';
    try {
      const [loadedFunnel, forecast, leaderboard, dwell] = await Promise.all([load('funnel'), load('forecast'), load('leaderboard'),
        load('stage-dwell')]);
      funnel = loadedFunnel;
      showFunnel();
      showForecast(forecast);
      showLeaderboard(leaderboard);
      showDwell(dwell);
      await Promise.all([
        window.CrmflowPanels.show(language, viewer, load, chart),
        optionalCard('pool-card', 'pool', null, (rows) => showTable('pool-table', rows,
          [[(r) => regionName(r.region)], [(r) => r.leads, 'number'], [(r) => r.oldestWaitingHours, 'number']])),
        optionalCard('approvals-card', 'approvals', ['sales-manager', 'gm', 'camunda-admin'], (rows) => showTable('approvals-table', rows,
          [[(r) => L.label(language, 'processes', r.process)], [(r) => regionName(r.region)], [(r) => r.open, 'number'],
            [(r) => r.overdue, 'number'], [(r) => r.oldestWaitingHours, 'number']]))
      ]);
    } catch (error) {
      clearAll();
      $('message').textContent = error.message;
    }
    document.body.dataset.loaded = String(Date.now());
  }

  async function start() {
    translate();
    [viewer] = await Promise.all([CrmflowPage.viewer(), L.loadPeople()]);
    regionOptions();
    $('viewer').textContent = L.person(viewer.userId) + (viewer.managedRegions.length ? ' · ' + viewer.managedRegions.map(regionName).join(', ') : '');
    chart('funnel-chart').on('click', (params) => drill(params.data.stage));
    // A rep's bar narrows the whole dashboard to that rep: their funnel, forecast and dwell.
    chart('leaderboard-chart').on('click', (params) => { $('owner').value = params.data.owner; refresh(); });
    $('filters').addEventListener('submit', (event) => { event.preventDefault(); refresh(); });
    $('language').addEventListener('click', () => {
      language = CrmflowPage.otherLanguage(language);
      translate();
      refresh();
    });
    $('logout').addEventListener('click', () => CrmflowPage.logOut(viewer));
    window.addEventListener('resize', () => Object.values(charts).forEach((c) => c.resize()));
    await refresh();
  }

  document.addEventListener('DOMContentLoaded', start);
}());
