'use strict';
// The dashboard's panel of who is away today and who approves for whom (docs/product.md §14), per region, from
// /dashboard/data/stand-ins. Company-wide roles (finance, legal, GM) have no region. Texts from the server go in as textContent.
(function () {
  const TEXT = {
    zh: { title: '今日代班', region: '区域', person: '人员', kind: '类型', period: '期间', deputy: '代理人', none: '今天无人缺席',
      companyWide: '全公司', manager: '（其经理）', kinds: { ABSENCE: '外出', APPROVALS: '审批委托' } },
    en: { title: 'Stand-ins today', region: 'Region', person: 'Person', kind: 'Kind', period: 'Period', deputy: 'Deputy',
      none: 'Nobody is away today', companyWide: 'Company-wide', manager: '(their manager)',
      kinds: { ABSENCE: 'Out of office', APPROVALS: 'Approvals delegated' } }
  };
  const $ = (id) => document.getElementById(id);

  function cell(row, text) {
    const td = document.createElement('td');
    td.textContent = text;
    row.appendChild(td);
  }

  /** One row per region a period concerns, so that a region's filter shows everyone standing in there. */
  function rows(standIns, region) {
    return standIns.flatMap((current) => (current.regions.length ? current.regions : [null]).map((r) => ({ region: r, standIn: current.standIn })))
      .filter((row) => !region || row.region === region || row.region === null)
      .sort((a, b) => String(a.region || '~').localeCompare(String(b.region || '~')) || a.standIn.userId.localeCompare(b.standIn.userId));
  }

  async function render() {
    const text = TEXT[CrmflowPage.language()];
    const card = $('stand-ins-card');
    const response = await fetch('/dashboard/data/stand-ins', { credentials: 'same-origin', headers: { Accept: 'application/json' } });
    card.hidden = !response.ok;
    if (!response.ok) return;
    card.querySelector('h2').textContent = text.title;
    ['region', 'person', 'kind', 'period', 'deputy'].forEach((key) => { card.querySelector('[data-stand-in="' + key + '"]').textContent = text[key]; });
    const body = $('stand-ins-table').querySelector('tbody');
    body.replaceChildren();
    const shown = rows(await response.json(), $('region').value);
    shown.forEach(({ region, standIn }) => {
      const row = document.createElement('tr');
      cell(row, region || text.companyWide);
      cell(row, standIn.userId);
      cell(row, text.kinds[standIn.kind]);
      cell(row, standIn.from + ' – ' + standIn.to);
      cell(row, standIn.deputy || text.manager);
      body.appendChild(row);
    });
    $('stand-ins-empty').textContent = shown.length ? '' : text.none;
  }

  document.addEventListener('DOMContentLoaded', () => {
    // After the dashboard's own handlers have switched the language or applied the filters.
    const later = () => setTimeout(render, 0);
    $('language').addEventListener('click', later);
    $('filters').addEventListener('submit', later);
    render();
  });
}());
