'use strict';
// The home page: what the person may open (with their open tasks) and their notifications. Texts from the server go in
// as textContent, never as HTML.
(function () {
  const TEXT = {
    zh: {
      title: '首页', logout: '退出', language: 'English', apps: '我的工作台', notifications: '通知', readAll: '全部标为已读',
      when: '时间', subject: '主题', body: '内容', read: '标为已读', noNotifications: '没有通知', failed: '加载失败',
      assigned: '我的任务', claimable: '可领取', overdue: '已逾期',
      links: {
        tasklist: ['任务列表 Tasklist', '处理分配给我或我的组的任务：线索、审批、工单'],
        cockpit: ['流程监控 Cockpit', '运行中的流程、事件和作业'],
        admin: ['系统管理 Admin', '用户、组和授权'],
        dashboard: ['销售看板', '漏斗、预测、排行和待审批'],
        customers: ['客户', '客户 360：商机、合同、工单和时间线'],
        rules: ['规则工作台', '上传、验证、回放和启用规则集'],
        outbox: ['通知发件箱', '邮件、IM、短信的发送状态与重试']
      }
    },
    en: {
      title: 'Home', logout: 'Log out', language: '中文', apps: 'My workspace', notifications: 'Notifications', readAll: 'Mark all read',
      when: 'When', subject: 'Subject', body: 'Message', read: 'Mark read', noNotifications: 'No notifications', failed: 'Could not load',
      assigned: 'My tasks', claimable: 'To claim', overdue: 'Overdue',
      links: {
        tasklist: ['Tasklist', 'Work the tasks for me or my groups: leads, approvals, tickets'],
        cockpit: ['Cockpit', 'Running processes, incidents and jobs'],
        admin: ['Admin', 'Users, groups and authorizations'],
        dashboard: ['Sales dashboard', 'Funnel, forecast, leaderboard and approvals'],
        customers: ['Customers', 'Customer 360: opportunities, contracts, tickets and timeline'],
        rules: ['Rules workbench', 'Upload, validate, replay and activate rule sets'],
        outbox: ['Notification outbox', 'Email, IM and SMS: delivery state and retry']
      }
    }
  };
  let language = CrmflowPage.language();
  let viewer = null;
  let home = null;
  let inbox = null;
  const $ = (id) => document.getElementById(id);
  const t = (key) => TEXT[language][key];
  const when = (instant) => CrmflowPage.dateTime(instant, language);

  async function get(path) {
    const response = await fetch(path, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
    if (!response.ok) throw new Error(t('failed'));
    return response.json();
  }

  async function post(path) {
    const headers = { Accept: 'application/json' };
    headers[viewer.csrfHeader] = viewer.csrfToken;
    const response = await fetch(path, { method: 'POST', credentials: 'same-origin', headers });
    if (!response.ok) throw new Error(t('failed'));
  }

  function element(tag, text, className) {
    const node = document.createElement(tag);
    if (text !== undefined) node.textContent = text;
    if (className) node.className = className;
    return node;
  }

  function drawLinks() {
    const list = $('links');
    list.replaceChildren();
    home.links.forEach((link) => {
      const [name, description] = t('links')[link.id];
      const anchor = element('a');
      anchor.href = link.href;
      anchor.dataset.link = link.id;
      anchor.appendChild(element('strong', name));
      anchor.appendChild(element('span', description, 'description'));
      if (link.tasks) {
        anchor.appendChild(element('span', t('assigned') + ' ' + link.tasks.assigned + ' · ' + t('claimable') + ' ' + link.tasks.claimable
          + ' · ' + t('overdue') + ' ' + link.tasks.overdue, 'counts'));
      }
      const item = element('li');
      item.appendChild(anchor);
      list.appendChild(item);
    });
  }

  function drawNotifications() {
    $('unread').textContent = inbox.unread > 0 ? String(inbox.unread) : '';
    $('read-all').hidden = inbox.unread === 0;
    const body = $('notifications-table').querySelector('tbody');
    body.replaceChildren();
    if (inbox.messages.length === 0) {
      const row = element('tr');
      const cell = element('td', t('noNotifications'));
      cell.colSpan = 4;
      row.appendChild(cell);
      body.appendChild(row);
    }
    inbox.messages.forEach((message) => {
      const row = element('tr', undefined, message.readAt ? '' : 'unread');
      row.appendChild(element('td', when(message.createdAt), 'when'));
      row.appendChild(element('td', message.subject));
      row.appendChild(element('td', message.body));
      const action = element('td');
      if (!message.readAt) {
        const button = element('button', t('read'));
        button.type = 'button';
        button.addEventListener('click', () => act('/notifications/data/' + message.id + '/read'));
        action.appendChild(button);
      }
      row.appendChild(action);
      body.appendChild(row);
    });
  }

  async function loadInbox() {
    inbox = await get('/notifications/data/mine?limit=20');
    drawNotifications();
  }

  async function act(path) {
    try {
      await post(path);
      await loadInbox();
    } catch (error) {
      $('message').textContent = error.message;
    }
  }

  function translate() {
    document.documentElement.lang = language === 'zh' ? 'zh-CN' : 'en';
    document.querySelectorAll('[data-i18n]').forEach((node) => { node.textContent = t(node.dataset.i18n); });
    $('language').textContent = t('language');
    if (home) drawLinks();
    if (inbox) drawNotifications();
  }

  async function start() {
    translate();
    try {
      [viewer, home] = await Promise.all([CrmflowPage.viewer(), get('/home/data')]);
      $('viewer').textContent = home.name === home.userId ? home.userId : home.name + ' (' + home.userId + ')';
      drawLinks();
      await loadInbox();
    } catch (error) {
      $('message').textContent = error.message;
    }
    document.body.dataset.loaded = String(Date.now());
  }

  $('language').addEventListener('click', () => { language = CrmflowPage.otherLanguage(language); translate(); });
  $('logout').addEventListener('click', () => CrmflowPage.logOut(viewer));
  $('read-all').addEventListener('click', () => act('/notifications/data/read'));
  start();
}());
