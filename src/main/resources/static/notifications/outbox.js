'use strict';
// The outbox page (administrators): email, IM and SMS waiting, sent or given up, with the last error and a retry.
(function () {
  const TEXT = {
    zh: {
      title: '通知发件箱', home: '首页', logout: '退出', language: 'English', status: '状态', all: '全部', PENDING: '待发送', SENT: '已发送',
      FAILED: '失败', created: '创建时间', channel: '渠道', recipient: '收件人', subject: '主题', attempts: '尝试次数',
      nextAttempt: '下次尝试', lastError: '最近错误', retry: '重试', empty: '发件箱为空', failed: '加载失败',
      channels: { EMAIL: '邮件', IM: 'IM', SMS: '短信' }
    },
    en: {
      title: 'Notification outbox', home: 'Home', logout: 'Log out', language: '中文', status: 'Status', all: 'All', PENDING: 'Pending',
      SENT: 'Sent', FAILED: 'Failed', created: 'Created', channel: 'Channel', recipient: 'Recipient', subject: 'Subject',
      attempts: 'Attempts', nextAttempt: 'Next attempt', lastError: 'Last error', retry: 'Retry', empty: 'The outbox is empty',
      failed: 'Could not load', channels: { EMAIL: 'Email', IM: 'IM', SMS: 'SMS' }
    }
  };
  let language = CrmflowPage.language();
  let viewer = null;
  let page = null;
  const $ = (id) => document.getElementById(id);
  const t = (key) => TEXT[language][key];
  const when = (instant) => CrmflowPage.dateTime(instant, language);

  const cell = CrmflowPage.cell;

  function draw() {
    $('counts').textContent = ['PENDING', 'FAILED', 'SENT'].map((status) => t(status) + ' ' + (page.counts[status] || 0)).join(' · ');
    const body = $('outbox-table').querySelector('tbody');
    body.replaceChildren();
    if (page.messages.length === 0) {
      const row = document.createElement('tr');
      cell(row, t('empty')).colSpan = 10;
      body.appendChild(row);
    }
    page.messages.forEach((message) => {
      const row = document.createElement('tr');
      row.dataset.id = String(message.id);
      cell(row, message.id, 'number');
      cell(row, when(message.createdAt), 'when');
      cell(row, t('channels')[message.channel] || message.channel);
      cell(row, message.recipient);
      cell(row, message.subject);
      cell(row, t(message.status) || message.status);
      cell(row, message.attempts, 'number');
      cell(row, message.status === 'PENDING' ? when(message.nextAttemptAt) : '–', 'when');
      cell(row, message.lastError, 'error');
      const action = cell(row, '');
      if (message.status !== 'SENT') {
        const button = document.createElement('button');
        button.type = 'button';
        button.className = 'retry';
        button.textContent = t('retry');
        button.addEventListener('click', () => retry(message.id));
        action.appendChild(button);
      }
      body.appendChild(row);
    });
  }

  async function load() {
    const status = $('status').value;
    const response = await fetch('/notifications/data/outbox' + (status ? '?status=' + status : ''),
      { credentials: 'same-origin', headers: { Accept: 'application/json' } });
    if (!response.ok) throw new Error(t('failed'));
    page = await response.json();
    draw();
    document.body.dataset.loaded = String(Date.now());
  }

  async function retry(id) {
    const headers = { Accept: 'application/json' };
    headers[viewer.csrfHeader] = viewer.csrfToken;
    const response = await fetch('/notifications/data/outbox/' + id + '/retry', { method: 'POST', credentials: 'same-origin', headers });
    if (!response.ok) {
      const problem = await response.json().catch(() => ({}));
      $('message').textContent = problem.detail || t('failed');
    }
    await load();
  }

  function translate() {
    document.documentElement.lang = language === 'zh' ? 'zh-CN' : 'en';
    document.querySelectorAll('[data-i18n]').forEach((node) => { node.textContent = t(node.dataset.i18n); });
    $('language').textContent = t('language');
    if (page) draw();
  }

  async function start() {
    translate();
    try {
      viewer = await CrmflowPage.viewer();
      $('viewer').textContent = viewer.userId;
      await load();
    } catch (error) {
      $('message').textContent = error.message;
    }
  }

  $('language').addEventListener('click', () => { language = CrmflowPage.otherLanguage(language); translate(); });
  $('logout').addEventListener('click', () => CrmflowPage.logOut(viewer));
  $('status').addEventListener('change', () => load().catch((error) => { $('message').textContent = error.message; }));
  start();
}());
