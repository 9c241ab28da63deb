'use strict';
// Field work on the dashboard (docs/product.md §13): per rep and week what was recorded, and per tier the customers within
// their follow-up cadence, and the manager's board of customers not followed up. Its own cards, filled from /dashboard/data
// (the page's session; /api answers a browser with a Basic challenge) with the dashboard's filters; texts go in as textContent.
(function () {
  const TEXT = {
    zh: {
      weeks: '拜访与电话（每周）', rep: '销售', week: '周（周一）', visits: '拜访', calls: '电话', callMinutes: '通话分钟',
      meetings: '线上会议', demos: '演示', others: '邮件/消息', late: '补录(>72h)', cadence: '跟进频率达标率', tier: '等级',
      customers: '客户数', behind: '未达标', compliance: '达标率', noData: '暂无数据', board: '经理看板：逾期未跟进客户',
      customer: '客户', owner: '负责人', reason: '原因', since: '上报时间'
    },
    en: {
      weeks: 'Visits and calls per week', rep: 'Rep', week: 'Week (Monday)', visits: 'Visits', calls: 'Calls', callMinutes: 'Call minutes',
      meetings: 'Online meetings', demos: 'Demos', others: 'Email / IM', late: 'Late (>72 h)', cadence: 'Follow-up cadence compliance',
      tier: 'Tier', customers: 'Customers', behind: 'Behind', compliance: 'Within cadence', noData: 'No data',
      board: "Manager's board: customers not followed up", customer: 'Customer', owner: 'Owner', reason: 'Reason', since: 'Escalated'
    }
  };
  const language = () => CrmflowPage.language();
  const t = (key) => TEXT[language()][key];

  function card(id, titleKey, headKeys) {
    const section = document.createElement('section');
    section.className = 'card wide';
    section.id = id;
    const title = document.createElement('h2');
    title.dataset.activityI18n = titleKey;
    const table = document.createElement('table');
    const head = document.createElement('tr');
    headKeys.forEach((key) => {
      const th = document.createElement('th');
      th.dataset.activityI18n = key;
      head.appendChild(th);
    });
    table.createTHead().appendChild(head);
    table.createTBody();
    section.append(title, table);
    return section;
  }

  function fill(section, rows, columns) {
    const body = section.querySelector('tbody');
    body.replaceChildren();
    if (rows.length === 0) {
      const row = body.insertRow();
      const td = row.insertCell();
      td.colSpan = columns.length;
      td.dataset.activityI18n = 'noData';
      td.textContent = t('noData');
    }
    rows.forEach((entry) => {
      const row = body.insertRow();
      columns.forEach(([value, numeric]) => {
        const td = row.insertCell();
        const text = value(entry);
        td.textContent = text === null || text === undefined ? '–' : String(text);
        if (numeric) td.className = 'number';
      });
    });
  }

  function translate() {
    document.querySelectorAll('[data-activity-i18n]').forEach((element) => { element.textContent = t(element.dataset.activityI18n); });
  }

  // The dashboard's filters as a query string; shared with the dashboard's other field-work cards (pharmacy-visits.js).
  function query() {
    const params = new URLSearchParams();
    ['from', 'to', 'region', 'owner'].forEach((name) => {
      const input = document.getElementById(name);
      if (input && input.value) params.set(name, input.value.trim());
    });
    return params.toString();
  }

  async function refresh(weeks, cadence, board) {
    const response = await fetch('/dashboard/data/activities?' + query(), { credentials: 'same-origin', headers: { Accept: 'application/json' } });
    weeks.hidden = cadence.hidden = !response.ok;
    if (response.ok) {
      const report = await response.json();
      fill(weeks, report.weeks, [[(r) => r.rep], [(r) => r.week], [(r) => r.visits, true], [(r) => r.calls, true], [(r) => r.callMinutes, true],
        [(r) => r.onlineMeetings, true], [(r) => r.demos, true], [(r) => r.others, true], [(r) => r.lateEntries, true]]);
      fill(cadence, report.cadence, [[(r) => r.tier], [(r) => r.customers, true], [(r) => r.behind, true],
        [(r) => r.compliancePercent + ' %', true]]);
    }
    const escalated = await fetch('/dashboard/data/follow-up-board', { credentials: 'same-origin', headers: { Accept: 'application/json' } });
    board.hidden = !escalated.ok;
    if (escalated.ok) {
      const locale = language() === 'zh' ? 'zh-CN' : 'en-CA';
      fill(board, await escalated.json(), [[(r) => r.customerName], [(r) => r.owner], [(r) => r.tier], [(r) => r.reason],
        [(r) => new Date(r.escalatedAt).toLocaleString(locale, { timeZone: 'Asia/Shanghai' })]]);
    }
    translate();
  }

  window.CrmflowDashboardFilters = { query };

  document.addEventListener('DOMContentLoaded', () => {
    const main = document.querySelector('main');
    const weeks = card('activity-weeks-card', 'weeks', ['rep', 'week', 'visits', 'calls', 'callMinutes', 'meetings', 'demos', 'others', 'late']);
    const cadence = card('cadence-card', 'cadence', ['tier', 'customers', 'behind', 'compliance']);
    const board = card('follow-up-board-card', 'board', ['customer', 'owner', 'tier', 'reason', 'since']);
    main.insertBefore(board, document.getElementById('drilldown'));
    main.insertBefore(cadence, board);
    main.insertBefore(weeks, cadence);
    translate();
    const reload = () => refresh(weeks, cadence, board).catch(() => { weeks.hidden = cadence.hidden = board.hidden = true; });
    document.getElementById('filters').addEventListener('submit', reload);
    // The dashboard switches the language in its own handler; read it once that has run.
    document.getElementById('language').addEventListener('click', () => setTimeout(translate, 0));
    reload();
  });
}());
