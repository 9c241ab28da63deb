'use strict';
// Pharmacy visits on the dashboard (docs/product.md §13): a heat map of the average hours each rep's steps stayed open, and
// the manager's board of steps open more than 72 hours. Its own cards, filled from /dashboard/data with the dashboard's
// filters; texts go in as textContent, the chart is drawn with ECharts like the stage dwell.
(function () {
  const TEXT = {
    zh: {
      dwell: '药房拜访步骤停留热力图（小时）', board: '经理看板：超过 72 小时的药房拜访步骤', customer: '客户', step: '步骤', owner: '负责人',
      since: '开始时间', hours: '小时', noData: '暂无数据',
      steps: { Task_BookVisit: '预约拜访', Task_CheckStock: '库存检查', Task_CheckCompetitors: '竞品检查', Task_Demo: '产品演示', Task_Quote: '报价',
        Task_FollowUpPayment: '回款跟进' }
    },
    en: {
      dwell: 'Pharmacy visit: hours per step per rep (heat map)', board: "Manager's board: pharmacy visit steps open over 72 h", customer: 'Customer',
      step: 'Step', owner: 'Owner', since: 'Opened', hours: 'hours', noData: 'No data',
      steps: { Task_BookVisit: 'Book the visit', Task_CheckStock: 'Stock check', Task_CheckCompetitors: 'Competitor check', Task_Demo: 'Demo',
        Task_Quote: 'Quote', Task_FollowUpPayment: 'Payment follow-up' }
    }
  };
  const STEPS = ['Task_BookVisit', 'Task_CheckStock', 'Task_CheckCompetitors', 'Task_Demo', 'Task_Quote', 'Task_FollowUpPayment'];
  const language = () => CrmflowPage.language();
  const t = (key) => TEXT[language()][key];
  const stepName = (step) => t('steps')[step] || step;
  let dwellRows = [];
  let boardRows = [];
  let chart = null;

  function section(id, wide) {
    const card = document.createElement('section');
    card.className = wide ? 'card wide' : 'card';
    card.id = id;
    const title = document.createElement('h2');
    card.appendChild(title);
    return card;
  }

  function drawDwell() {
    const owners = [...new Set(dwellRows.map((row) => row.owner))].slice(0, 30);
    const cells = dwellRows.filter((row) => owners.includes(row.owner) && STEPS.includes(row.step) && row.completed > 0)
      .map((row) => [STEPS.indexOf(row.step), owners.indexOf(row.owner), row.averageHours]);
    chart.setOption({
      tooltip: { formatter: (p) => owners[p.data[1]] + ' · ' + stepName(STEPS[p.data[0]]) + ': ' + p.data[2] + ' ' + t('hours') },
      // Room under the rotated step names for the colour scale.
      grid: { left: 90, bottom: 120 },
      xAxis: { type: 'category', data: STEPS.map(stepName), axisLabel: { interval: 0, rotate: 30 } },
      yAxis: { type: 'category', data: owners },
      visualMap: { min: 0, max: Math.max(72, ...cells.map((c) => c[2])), calculable: true, orient: 'horizontal', left: 'center', bottom: 0,
        inRange: { color: ['#e8f5e9', '#ffb74d', '#c62828'] } },
      series: [{ type: 'heatmap', data: cells, label: { show: true }, animation: false }]
    }, true);
  }

  function fillBoard(board) {
    const body = board.querySelector('tbody');
    body.replaceChildren();
    const locale = language() === 'zh' ? 'zh-CN' : 'en-CA';
    const rows = boardRows.length === 0 ? [null] : boardRows;
    rows.forEach((entry) => {
      const row = body.insertRow();
      if (entry === null) {
        const td = row.insertCell();
        td.colSpan = 4;
        td.textContent = t('noData');
        return;
      }
      [entry.customerName, stepName(entry.step), entry.owner, new Date(entry.openedAt).toLocaleString(locale, { timeZone: 'Asia/Shanghai' })]
        .forEach((text) => { row.insertCell().textContent = text; });
    });
  }

  function render(dwell, board) {
    dwell.querySelector('h2').textContent = t('dwell');
    board.querySelector('h2').textContent = t('board');
    board.querySelectorAll('th').forEach((th) => { th.textContent = t(th.dataset.key); });
    if (!dwell.hidden) drawDwell();
    if (!board.hidden) fillBoard(board);
  }

  async function load(path) {
    const response = await fetch(path, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
    return response.ok ? response.json() : null;
  }

  async function refresh(dwell, board) {
    const [steps, slow] = await Promise.all([load('/dashboard/data/pharmacy-step-dwell?' + CrmflowDashboardFilters.query()), load('/dashboard/data/pharmacy-visit-board')]);
    dwell.hidden = steps === null;
    board.hidden = slow === null;
    dwellRows = steps || [];
    boardRows = slow || [];
    render(dwell, board);
  }

  document.addEventListener('DOMContentLoaded', () => {
    const main = document.querySelector('main');
    const dwell = section('pharmacy-dwell-card', false);
    const canvas = document.createElement('div');
    canvas.id = 'pharmacy-dwell-chart';
    canvas.className = 'chart';
    dwell.appendChild(canvas);
    const board = section('pharmacy-board-card', false);
    const table = document.createElement('table');
    const head = table.createTHead().insertRow();
    ['customer', 'step', 'owner', 'since'].forEach((key) => {
      const th = document.createElement('th');
      th.dataset.key = key;
      head.appendChild(th);
    });
    table.createTBody();
    board.appendChild(table);
    main.insertBefore(board, document.getElementById('drilldown'));
    main.insertBefore(dwell, board);
    chart = echarts.init(canvas);
    window.addEventListener('resize', () => chart.resize());
    const reload = () => refresh(dwell, board).catch(() => { dwell.hidden = board.hidden = true; });
    document.getElementById('filters').addEventListener('submit', reload);
    // The dashboard switches the language in its own handler; draw again once that has run.
    document.getElementById('language').addEventListener('click', () => setTimeout(() => render(dwell, board), 0));
    reload();
  });
}());
