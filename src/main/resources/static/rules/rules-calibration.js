'use strict';
// The rules workbench's calibration of the lead grades (docs/product.md §15): how the leads of each grade of the active
// lead-score.dmn converted over the last N months, in all and per source. Data from /rules/data/calibration.
(function () {
  const W = window.RulesWorkbench;
  W.texts({
    zh: {
      calibration: '评分校准：各等级线索的实际转化', months: '最近 N 个月', show: '查看', grade: '等级', leads: '线索数', qualifiedPercent: '转商机率',
      wonPercent: '赢单率', medianDays: '转商机天数（中位数）', source: '来源', bySource: '按来源', gradeRates: '各等级转商机率与赢单率',
      sourceRates: '各来源转商机率（按等级）', calibrationHint: '统计最近 {months} 个月创建的线索（{from} 起），按线索当前的等级；新线索由版本 {version} 评分。赢单率为占该等级线索的比例。',
      days: '{n} 天',
      sources: { REFERRAL: '客户推荐', TRADE_SHOW: '展会', WEBSITE: '官网', PARTNER: '合作伙伴', WECHAT: '微信', ONLINE_AD: '线上广告',
        COLD_CALL: '陌生拜访', OTHER: '其他' }
    },
    en: {
      calibration: 'Calibration: how the leads of each grade converted', months: 'Last N months', show: 'Show', grade: 'Grade', leads: 'Leads',
      qualifiedPercent: 'Qualified', wonPercent: 'Won', medianDays: 'Median days to qualify', source: 'Source', bySource: 'Per source',
      gradeRates: 'Qualified and won per grade', sourceRates: 'Qualified per source and grade',
      calibrationHint: 'Leads created in the last {months} months (since {from}), under the grade they have now; version {version} grades new leads. Won is a share of the grade\'s leads.',
      days: '{n} days',
      sources: { REFERRAL: 'Referral', TRADE_SHOW: 'Trade show', WEBSITE: 'Website', PARTNER: 'Partner', WECHAT: 'WeChat', ONLINE_AD: 'Online ad',
        COLD_CALL: 'Cold call', OTHER: 'Other' }
    }
  });

  const $ = (id) => document.getElementById(id);
  const { t, label } = W;
  let calibration = null;

  const percent = (value) => (value === null || value === undefined ? null : value.toFixed(1) + ' %');
  const days = (value) => (value === null || value === undefined ? null : t('days', { n: value.toFixed(1) }));

  let asked = 0;
  async function load() {
    // Only the answer to the latest question is shown, whichever answer arrives last.
    const question = ++asked;
    try {
      const answer = await W.api('/calibration?months=' + Number($('months').value));
      if (question !== asked) return;
      calibration = answer;
      render();
    } catch (error) {
      $('message').textContent = error.message;
    }
  }

  function render() {
    if (!calibration) return;
    $('calibration-hint').textContent = t('calibrationHint', { months: calibration.months, from: W.time(calibration.from),
      version: calibration.ruleSetVersion });
    fill('calibration-table', calibration.grades, (row) => [row.grade]);
    fill('calibration-source-table', calibration.bySource, (row) => [label('sources', row.source), row.grade]);
    gradeChart();
    sourceChart();
    $('calibration-result').dataset.loaded = String(Date.now());
  }

  function fill(id, rows, first) {
    const body = $(id).querySelector('tbody');
    body.replaceChildren();
    rows.forEach((row) => {
      const tr = W.row(body, [...first(row), row.leads, percent(row.qualifiedPercent), percent(row.wonPercent), days(row.medianDaysToQualify)]);
      tr.dataset.grade = row.grade;
      if (row.source) tr.dataset.source = row.source;
    });
    if (!rows.length) W.row(body, [t('noData')]);
  }

  function chart(id) {
    if (!W.charts[id]) W.charts[id] = echarts.init($(id));
    return W.charts[id];
  }

  function gradeChart() {
    const rows = calibration.grades;
    chart('calibration-chart').setOption({
      tooltip: { trigger: 'axis' }, legend: { data: [t('qualifiedPercent'), t('wonPercent')], top: 0 },
      grid: { top: 40, left: 50, right: 20, bottom: 30 },
      xAxis: { type: 'category', data: rows.map((row) => row.grade) },
      yAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value} %' } },
      series: [
        { name: t('qualifiedPercent'), type: 'bar', data: rows.map((row) => row.qualifiedPercent), itemStyle: { color: '#1f6feb' } },
        { name: t('wonPercent'), type: 'bar', data: rows.map((row) => row.wonPercent), itemStyle: { color: '#027a48' } }
      ]
    }, true);
  }

  function sourceChart() {
    const sources = [...new Set(calibration.bySource.map((row) => row.source))];
    const grades = [...new Set(calibration.bySource.map((row) => row.grade))];
    const share = (source, grade) => {
      const found = calibration.bySource.find((row) => row.source === source && row.grade === grade);
      return found ? found.qualifiedPercent : null;
    };
    chart('calibration-source-chart').setOption({
      tooltip: { trigger: 'axis' }, legend: { data: grades, top: 0 }, grid: { top: 40, left: 50, right: 20, bottom: 30 },
      xAxis: { type: 'category', data: sources.map((source) => label('sources', source)), axisLabel: { interval: 0 } },
      yAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value} %' } },
      series: grades.map((grade) => ({ name: grade, type: 'bar', data: sources.map((source) => share(source, grade)) }))
    }, true);
  }

  W.on('translate', render);
  // An activation or rollback changes the version that grades new leads: the hint names it.
  W.on('overview', () => { if (calibration) load(); });
  document.addEventListener('DOMContentLoaded', () => {
    $('calibration-form').addEventListener('submit', (event) => { event.preventDefault(); load(); });
    load();
  });
}());
