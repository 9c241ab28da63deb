'use strict';
// The customer list (/customers) and customer 360 (/customers/{id}) pages. Data from /customers/data (same row and
// field rules as /api/customers); codes shown as labels in the chosen language, amounts with their currency, times in
// Asia/Shanghai. Every text from the server goes into the page as textContent, never as HTML.
(function () {
  const TEXT = {
    zh: {
      listTitle: '客户', customerTitle: '客户360', dashboard: '销售看板', allCustomers: '全部客户', logout: '退出', language: 'English',
      search: '名称', owner: '负责人', region: '区域', tier: '等级', lifecycle: '生命周期', tag: '标签', tags: '标签', apply: '查询',
      customers: '客户', name: '名称', industry: '行业', previous: '上一页', next: '下一页', all: '全部', total: '共 {n} 个',
      page: '第 {n} 页', profile: '基本信息', tierAndLifecycle: '等级与生命周期', contacts: '联系人', role: '角色', jobTitle: '职务',
      phone: '电话', email: '邮箱', wechat: '微信', leads: '线索', status: '状态', grade: '评级', createdAt: '创建时间',
      opportunities: '商机', stage: '阶段', amount: '金额', quotes: '报价', opportunity: '商机', netTotal: '净额', contracts: '合同',
      installments: '待收款', contract: '合同', seq: '期', dueDate: '到期日', paid: '已付', tickets: '工单', subject: '主题',
      priority: '优先级', sla: 'SLA', churn: '流失预警', warnedAt: '预警时间', daysWithoutOrder: '未下单天数', handled: '处理',
      timeline: '时间线', occurredAt: '时间', source: '来源', event: '事件', detail: '详情', actor: '操作人', creditCode: '统一社会信用代码',
      address: '地址', createdBy: '创建人', decidedTier: '规则判定', pinnedTier: '手工锁定', pinReason: '锁定原因', pinnedBy: '锁定人',
      decision: '判定依据', inputs: '输入', ruleSet: '规则集版本', decidedAt: '判定时间', masked: '（已脱敏）', none: '无',
      notFound: '没有这个客户，或您无权查看', failed: '加载失败', noRows: '暂无', firstResponse: '首次响应', resolution: '解决',
      handledBy: '已处理：{who}', open: '未处理', days: '{n} 天', yes: '是', no: '否', never: '从未',
      inputNames: { wonAmount12m: '近 12 个月赢单额', daysSinceLastWin: '距上次赢单天数', daysSinceFirstWin: '距首次赢单天数',
        ordersWon: '赢单数', openChurnWarning: '有未处理的流失预警' },
      tiers: { A: 'A 类', B: 'B 类', C: 'C 类' },
      lifecycles: { POTENTIAL: '潜在客户', NEW: '新客户', EXISTING: '老客户', CHURNED: '已流失' },
      regions: { EAST: '华东', SOUTH: '华南', NORTH: '华北', SOUTHWEST: '西南' },
      industries: { HOSPITAL: '医院', PHARMACY: '药房', CLINIC: '诊所', DISTRIBUTOR: '经销商' },
      roles: { DECISION_MAKER: '决策人', INFLUENCER: '影响者', USER: '使用者', PURCHASER: '采购', FINANCE: '财务' },
      leadStatuses: { NEW: '新线索', ASSIGNED: '已分配', IN_POOL: '公共池', CONTACTED: '已联系', NURTURING: '培育中', CONVERTED: '已转商机', DISQUALIFIED: '已淘汰' },
      stages: { INITIAL_CONTACT: '初步接洽', NEEDS_CONFIRMED: '需求确认', PROPOSAL: '方案报价', NEGOTIATION: '商务谈判', WON: '赢单', LOST: '丢单' },
      approvals: { PENDING_APPROVAL: '待审批', APPROVED: '已批准', REJECTED: '已驳回', REVISION_NEEDED: '待修改', PAID: '已付清' },
      installmentStatuses: { OPEN: '待付', PARTIALLY_PAID: '部分已付', OVERDUE: '逾期', PAID: '已付清' },
      ticketStatuses: { OPEN: '处理中', WAITING_ON_CUSTOMER: '等待客户', RESOLVED: '已解决', CLOSED: '已关闭' },
      priorities: { P1: 'P1 紧急', P2: 'P2 高', P3: 'P3 中', P4: 'P4 低' },
      clocks: { RUNNING: '计时中', PAUSED: '已暂停', MET: '达标', BREACHED: '超时' },
      sources: { ACTIVITY: '活动', CUSTOMER: '客户', LEAD: '线索', OPPORTUNITY: '商机', TICKET: '工单', PAYMENT: '回款', CHURN: '流失预警' },
      events: { VISIT: '拜访', CALL: '电话', ONLINE_MEETING: '线上会议', DEMO: '演示', EMAIL: '邮件', IM: '即时消息',
        CREATED: '创建', ASSIGNED: '分配', ASSIGNMENT: '分配', CLAIM: '认领', CONTACTED: '已联系', CONVERTED: '转为商机',
        DISPATCHED: '派发', POOLED: '进入公共池', RECLAIMED: '收回', RESCORED: '重新评分', SCORED: '评分', SCORE: '评分',
        NURTURE_STARTED: '开始培育', NURTURE_TOUCH: '培育触达', DUPLICATE_SUBMISSION: '重复提交', STAGE_CHANGED: '阶段变更',
        PAYMENT_RECORDED: '收到回款', CHURN_WARNING: '流失预警', CUSTOMER_LINKED: '关联客户', QUALIFIED: '确认商机',
        OPENED: '新建', FIRST_RESPONSE: '首次响应', CUSTOMER_REPLIED: '客户回复', CLOCK_PAUSED: 'SLA 暂停', CLOCK_RESUMED: 'SLA 恢复',
        SLA_WARNING: 'SLA 预警', SLA_BREACHED: 'SLA 超时', BREACH_REVIEWED: '超时复盘', AUTO_ANSWERED: '知识库自动答复',
        ARTICLE_PROPOSED: '提议知识库文章', PRIORITY_SLA: '优先级与 SLA', AMOUNT_CHANGED: '金额变更', AMOUNT_KEPT: '金额保留',
        FOLLOW_UP: '跟进', IDLE_FLAGGED: '停滞标记', IDLE_REMINDER: '停滞提醒' }
    },
    en: {
      listTitle: 'Customers', customerTitle: 'Customer 360', dashboard: 'Sales dashboard', allCustomers: 'All customers', logout: 'Log out',
      language: '中文', search: 'Name', owner: 'Owner', region: 'Region', tier: 'Tier', lifecycle: 'Lifecycle', tag: 'Tag', tags: 'Tags',
      apply: 'Apply', customers: 'Customers', name: 'Name', industry: 'Industry', previous: 'Previous', next: 'Next', all: 'All',
      total: '{n} in all', page: 'Page {n}', profile: 'Profile', tierAndLifecycle: 'Tier and lifecycle', contacts: 'Contacts', role: 'Role',
      jobTitle: 'Title', phone: 'Phone', email: 'Email', wechat: 'WeChat', leads: 'Leads', status: 'Status', grade: 'Grade',
      createdAt: 'Created', opportunities: 'Opportunities', stage: 'Stage', amount: 'Amount', quotes: 'Quotes', opportunity: 'Opportunity',
      netTotal: 'Net total', contracts: 'Contracts', installments: 'Outstanding installments', contract: 'Contract', seq: 'No.',
      dueDate: 'Due', paid: 'Paid', tickets: 'Tickets', subject: 'Subject', priority: 'Priority', sla: 'SLA', churn: 'Churn warnings',
      warnedAt: 'Warned', daysWithoutOrder: 'Days without order', handled: 'Handled', timeline: 'Timeline', occurredAt: 'When',
      source: 'Source', event: 'Event', detail: 'Detail', actor: 'By', creditCode: 'Credit code', address: 'Address', createdBy: 'Created by',
      decidedTier: 'Decided by rules', pinnedTier: 'Pinned', pinReason: 'Pin reason', pinnedBy: 'Pinned by', decision: 'Decision',
      inputs: 'Inputs', ruleSet: 'Rule-set version', decidedAt: 'Decided', masked: '(masked)', none: 'None',
      notFound: 'No such customer, or you may not see it', failed: 'Could not load', noRows: 'None yet', firstResponse: 'First response',
      resolution: 'Resolution', handledBy: 'Handled by {who}', open: 'Open', days: '{n} days', yes: 'yes', no: 'no', never: 'never',
      inputNames: { wonAmount12m: 'Won in last 12 months', daysSinceLastWin: 'Days since last win', daysSinceFirstWin: 'Days since first win',
        ordersWon: 'Orders won', openChurnWarning: 'Open churn warning' },
      tiers: { A: 'A tier', B: 'B tier', C: 'C tier' },
      lifecycles: { POTENTIAL: 'Potential', NEW: 'New', EXISTING: 'Existing', CHURNED: 'Churned' },
      regions: { EAST: 'East', SOUTH: 'South', NORTH: 'North', SOUTHWEST: 'Southwest' },
      industries: { HOSPITAL: 'Hospital', PHARMACY: 'Pharmacy', CLINIC: 'Clinic', DISTRIBUTOR: 'Distributor' },
      roles: { DECISION_MAKER: 'Decision maker', INFLUENCER: 'Influencer', USER: 'User', PURCHASER: 'Purchaser', FINANCE: 'Finance' },
      leadStatuses: { NEW: 'New', ASSIGNED: 'Assigned', IN_POOL: 'In pool', CONTACTED: 'Contacted', NURTURING: 'Nurturing', CONVERTED: 'Converted', DISQUALIFIED: 'Disqualified' },
      stages: { INITIAL_CONTACT: 'Initial contact', NEEDS_CONFIRMED: 'Needs confirmed', PROPOSAL: 'Proposal', NEGOTIATION: 'Negotiation', WON: 'Won', LOST: 'Lost' },
      approvals: { PENDING_APPROVAL: 'Pending approval', APPROVED: 'Approved', REJECTED: 'Rejected', REVISION_NEEDED: 'Revision needed', PAID: 'Paid' },
      installmentStatuses: { OPEN: 'Open', PARTIALLY_PAID: 'Partly paid', OVERDUE: 'Overdue', PAID: 'Paid' },
      ticketStatuses: { OPEN: 'Open', WAITING_ON_CUSTOMER: 'Waiting on customer', RESOLVED: 'Resolved', CLOSED: 'Closed' },
      priorities: { P1: 'P1 urgent', P2: 'P2 high', P3: 'P3 medium', P4: 'P4 low' },
      clocks: { RUNNING: 'Running', PAUSED: 'Paused', MET: 'Met', BREACHED: 'Breached' },
      sources: { ACTIVITY: 'Activity', CUSTOMER: 'Customer', LEAD: 'Lead', OPPORTUNITY: 'Opportunity', TICKET: 'Ticket', PAYMENT: 'Payment', CHURN: 'Churn warning' },
      events: { VISIT: 'Visit', CALL: 'Call', ONLINE_MEETING: 'Online meeting', DEMO: 'Demo', EMAIL: 'Email', IM: 'IM',
        SLA_WARNING: 'SLA warning', SLA_BREACHED: 'SLA breached', PRIORITY_SLA: 'Priority and SLA', CLOCK_PAUSED: 'SLA paused',
        CLOCK_RESUMED: 'SLA resumed' }
    }
  };
  const ZONE = 'Asia/Shanghai';
  let language = CrmflowPage.language();
  let viewer = null;
  let data = null;
  let pageNumber = 0;

  const $ = (id) => document.getElementById(id);
  const t = (key) => TEXT[language][key];
  const fill = (key, values) => Object.entries(values).reduce((text, [name, value]) => text.replace('{' + name + '}', value), t(key));
  const locale = () => (language === 'zh' ? 'zh-CN' : 'en-US');
  /** A code's label; a code the page has no label for reads as words rather than SHOUTING_SNAKE. */
  function label(group, code) {
    if (code === null || code === undefined) return null;
    const known = TEXT[language][group][code];
    if (known) return known;
    const words = String(code).toLowerCase().replace(/_/g, ' ');
    return words.charAt(0).toUpperCase() + words.slice(1);
  }
  const tierLabel = (tier) => (tier ? TEXT.zh.tiers[tier] + ' ' + TEXT.en.tiers[tier] : null);
  function money(value, currency) {
    if (value === null || value === undefined) return null;
    return Number(value).toLocaleString(locale(), { minimumFractionDigits: 2, maximumFractionDigits: 2 }) + ' ' + (currency || 'CNY');
  }
  const SHANGHAI = new Intl.DateTimeFormat('en-CA', { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit',
    minute: '2-digit', hourCycle: 'h23' });
  /** 2026-12-06 06:47 in Asia/Shanghai, one unambiguous form in both languages. */
  function time(value) {
    if (!value) return null;
    const part = Object.fromEntries(SHANGHAI.formatToParts(new Date(value)).map(({ type, value: text }) => [type, text]));
    return part.year + '-' + part.month + '-' + part.day + ' ' + part.hour + ':' + part.minute;
  }

  function cell(row, text, className) {
    const td = document.createElement('td');
    td.textContent = text === null || text === undefined || text === '' ? '–' : String(text);
    if (className) td.className = className;
    row.appendChild(td);
    return td;
  }

  function timeCell(row, text) {
    return cell(row, text, 'time');
  }

  function linkCell(row, text, href) {
    const td = document.createElement('td');
    row.appendChild(td);
    const link = document.createElement('a');
    link.href = href;
    link.textContent = text;
    td.appendChild(link);
  }

  /** Fills a table body, one row per item; says so when there is none. */
  function rows(tableId, items, render) {
    const body = document.querySelector('#' + tableId + ' tbody');
    body.replaceChildren();
    if (!items || items.length === 0) {
      const row = body.insertRow();
      const td = cell(row, t('noRows'));
      td.colSpan = document.querySelectorAll('#' + tableId + ' thead th').length;
      return;
    }
    items.forEach((item) => render(body.insertRow(), item));
  }

  function definitions(listId, pairs) {
    const list = $(listId);
    list.replaceChildren();
    pairs.filter(([, value]) => value !== undefined).forEach(([key, value]) => {
      const term = document.createElement('dt');
      term.textContent = t(key);
      const description = document.createElement('dd');
      description.textContent = value === null || value === '' ? '–' : String(value);
      list.append(term, description);
    });
  }

  function translate() {
    document.documentElement.lang = language === 'zh' ? 'zh-CN' : 'en';
    document.querySelectorAll('[data-i18n]').forEach((element) => { element.textContent = t(element.dataset.i18n); });
    $('language').textContent = t('language');
    document.querySelectorAll('select[data-options]').forEach((select) => {
      const chosen = select.value;
      select.replaceChildren(new Option(t('all'), ''));
      Object.keys(TEXT.zh[select.dataset.options]).forEach((code) => {
        select.add(new Option(select.dataset.options === 'tiers' ? tierLabel(code) : label(select.dataset.options, code), code));
      });
      select.value = chosen;
    });
    if (viewer) $('viewer').textContent = viewer.userId;
  }

  async function fetchJson(url) {
    const response = await fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
    if (!response.ok) {
      const error = new Error(response.status === 404 || response.status === 403 ? t('notFound') : t('failed') + ' (' + response.status + ')');
      error.status = response.status;
      throw error;
    }
    return response.json();
  }

  // ------------------------------------------------------------------------------------------ the list

  async function loadList() {
    const params = new URLSearchParams({ page: String(pageNumber), size: '50' });
    ['q', 'owner', 'region', 'tier', 'lifecycle', 'tag'].forEach((name) => { if ($(name).value.trim()) params.set(name, $(name).value.trim()); });
    try {
      data = await fetchJson('/customers/data?' + params);
      $('message').textContent = '';
    } catch (error) {
      data = null;
      $('message').textContent = error.message;
    }
    renderList();
    document.body.dataset.loaded = String(Date.now());
  }

  function renderList() {
    const items = data ? data.items : [];
    $('total').textContent = data ? '(' + fill('total', { n: data.total }) + ')' : '';
    $('page-number').textContent = fill('page', { n: pageNumber + 1 });
    $('previous').disabled = pageNumber === 0;
    $('next').disabled = !data || (pageNumber + 1) * data.size >= data.total;
    rows('customer-table', items, (row, customer) => {
      cell(row, customer.id, 'number');
      linkCell(row, customer.name, '/customers/' + customer.id);
      cell(row, tierLabel(customer.tier));
      cell(row, label('lifecycles', customer.lifecycle));
      cell(row, label('regions', customer.region));
      cell(row, label('industries', customer.industry));
      cell(row, customer.owner);
      cell(row, (customer.tags || []).join(', '));
    });
  }

  // ------------------------------------------------------------------------------------------ one customer

  async function loadCustomer() {
    const id = window.location.pathname.split('/').filter(Boolean).pop();
    try {
      data = await fetchJson('/customers/data/' + encodeURIComponent(id));
      $('message').textContent = '';
      $('sections').hidden = false;
    } catch (error) {
      data = null;
      $('message').textContent = error.message;
      document.body.dataset.status = String(error.status || '');
    }
    renderCustomer();
    document.body.dataset.loaded = String(Date.now());
  }

  /** The decision's inputs as labelled values: amounts in CNY, "never" for the tables' -1, yes/no. */
  function decisionText(decision) {
    if (!decision) return null;
    return Object.entries(decision.inputs || {}).map(([name, value]) => {
      let shown = value;
      if (typeof value === 'boolean') shown = t(value ? 'yes' : 'no');
      else if (/amount/i.test(name)) shown = money(value, 'CNY');
      else if (value === -1) shown = t('never');
      return label('inputNames', name) + ': ' + shown;
    }).join('; ');
  }

  function renderCustomer() {
    if (!data) return;
    const customer = data.customer;
    const sections = data.sections;
    $('customer-name').textContent = customer.name;
    document.title = 'crmflow ' + customer.name;
    definitions('profile', [['name', customer.name], ['creditCode', customer.creditCode], ['industry', label('industries', customer.industry)],
      ['region', label('regions', customer.region)], ['address', customer.address], ['owner', customer.owner],
      ['tags', (customer.tags || []).join(', ')], ['createdBy', customer.createdBy], ['createdAt', time(customer.createdAt)]]);
    const tier = customer.tierDecision;
    const stage = customer.lifecycleDecision;
    definitions('tier', [['tier', tierLabel(customer.tier)], ['decidedTier', tierLabel(customer.decidedTier)],
      ['pinnedTier', customer.pinnedTier ? tierLabel(customer.pinnedTier) : t('none')],
      ['pinReason', customer.pinnedTier ? customer.pinReason : undefined], ['pinnedBy', customer.pinnedTier ? customer.pinnedBy : undefined],
      ['inputs', decisionText(tier)], ['ruleSet', tier ? tier.ruleSetVersion : null], ['decidedAt', tier ? time(tier.decidedAt) : null],
      ['lifecycle', label('lifecycles', customer.lifecycle)], ['decision', decisionText(stage)]]);
    rows('contacts-table', customer.contacts, (row, contact) => {
      cell(row, contact.name);
      cell(row, label('roles', contact.role));
      cell(row, contact.title);
      cell(row, contact.phone);
      cell(row, contact.email);
      cell(row, contact.wechat);
    });
    document.querySelectorAll('[data-section]').forEach((card) => { card.hidden = !sections[card.dataset.section]; });
    if (sections.sales) {
      rows('leads-table', data.leads, (row, lead) => {
        cell(row, lead.id, 'number');
        cell(row, lead.name);
        cell(row, label('leadStatuses', lead.status));
        cell(row, lead.grade);
        cell(row, lead.owner);
        timeCell(row, time(lead.createdAt));
      });
      rows('opportunities-table', customer.opportunities, (row, opportunity) => {
        cell(row, opportunity.id, 'number');
        cell(row, opportunity.name);
        cell(row, label('stages', opportunity.stage));
        cell(row, money(opportunity.amount, 'CNY'), 'number');
        cell(row, opportunity.ownerId);
      });
      rows('quotes-table', data.quotes, (row, quote) => {
        cell(row, quote.id, 'number');
        cell(row, quote.opportunityId, 'number');
        cell(row, label('approvals', quote.status));
        cell(row, money(quote.netTotal, quote.currency), 'number');
        timeCell(row, time(quote.createdAt));
      });
      rows('churn-table', data.churnWarnings, (row, warning) => {
        timeCell(row, time(warning.warnedAt));
        cell(row, fill('days', { n: warning.daysWithoutOrder }), 'number');
        cell(row, warning.handledBy ? fill('handledBy', { who: warning.handledBy }) + (warning.handledNote ? ': ' + warning.handledNote : '') : t('open'));
      });
    }
    if (sections.money) {
      rows('contracts-table', data.contracts, (row, contract) => {
        cell(row, contract.id, 'number');
        cell(row, contract.opportunityId, 'number');
        cell(row, label('approvals', contract.status));
        cell(row, money(contract.amount, contract.currency), 'number');
        timeCell(row, time(contract.createdAt));
      });
      rows('installments-table', data.outstandingInstallments, (row, installment) => {
        cell(row, installment.contractId, 'number');
        cell(row, installment.seq, 'number');
        cell(row, installment.dueDate);
        cell(row, money(installment.amount, installment.currency), 'number');
        cell(row, money(installment.paid, installment.currency), 'number');
        cell(row, label('installmentStatuses', installment.status));
      });
    }
    if (sections.tickets) {
      rows('tickets-table', data.tickets, (row, ticket) => {
        cell(row, ticket.id, 'number');
        cell(row, ticket.subject);
        cell(row, label('priorities', ticket.priority));
        cell(row, label('ticketStatuses', ticket.status));
        const outcome = ticket.breached || ticket.firstResponse === 'BREACHED' || ticket.resolution === 'BREACHED' ? 'BREACHED' : null;
        cell(row, t('firstResponse') + ': ' + (label('clocks', ticket.firstResponse) || '–') + ' / ' + t('resolution') + ': '
          + (label('clocks', ticket.resolution) || '–'), outcome === 'BREACHED' ? 'breached' : (ticket.resolution === 'MET' ? 'met' : null));
        timeCell(row, time(ticket.createdAt));
      });
    }
    rows('timeline-table', data.timeline, (row, entry) => {
      timeCell(row, time(entry.occurredAt));
      cell(row, label('sources', entry.source) + ' #' + entry.recordId);
      cell(row, label('events', entry.type));
      const detail = cell(row, entry.source === 'CHURN' ? fill('days', { n: entry.detail })
        : entry.source === 'PAYMENT' ? money(entry.detail, 'CNY') : entry.detail);
      // An activity's files: downloads (served as attachments, never shown inline).
      (entry.attachments || []).forEach((file) => {
        const link = document.createElement('a');
        link.href = file.href;
        link.className = 'attachment';
        link.textContent = file.fileName;
        detail.append(document.createElement('br'), link);
      });
      cell(row, entry.actor);
    });
  }

  async function start() {
    const list = document.body.dataset.page === 'list';
    translate();
    try {
      viewer = await CrmflowPage.viewer();
    } catch (error) {
      $('message').textContent = t('failed');
    }
    translate();
    $('language').addEventListener('click', () => {
      language = CrmflowPage.otherLanguage(language);
      translate();
      if (list) renderList(); else renderCustomer();
    });
    $('logout').addEventListener('click', () => CrmflowPage.logOut(viewer));
    if (list) {
      $('filters').addEventListener('submit', (event) => { event.preventDefault(); pageNumber = 0; loadList(); });
      $('previous').addEventListener('click', () => { pageNumber -= 1; loadList(); });
      $('next').addEventListener('click', () => { pageNumber += 1; loadList(); });
      await loadList();
    } else {
      await loadCustomer();
    }
  }

  start();
}());
