'use strict';
// The sign-in page: its texts in the chosen language, and why it is shown (wrong password, just signed out).
(function () {
  const TEXT = {
    zh: {
      title: '登录', username: '用户名', password: '密码', signIn: '登录', language: 'English',
      hint: '一次登录即可使用首页、任务列表（Tasklist）、销售看板、客户和规则页面。',
      error: '用户名或密码错误，请重试。', logout: '您已退出。'
    },
    en: {
      title: 'Sign in', username: 'User name', password: 'Password', signIn: 'Sign in', language: '中文',
      hint: 'One sign-in for the home page, Tasklist, the dashboard, customers and the rules workbench.',
      error: 'Wrong user name or password, please try again.', logout: 'You have signed out.'
    }
  };
  let language = CrmflowPage.language();
  const message = document.getElementById('message');
  const params = new URLSearchParams(window.location.search);
  const state = params.has('error') ? 'error' : params.has('logout') ? 'logout' : null;

  function translate() {
    const text = TEXT[language];
    document.documentElement.lang = language === 'zh' ? 'zh-CN' : 'en';
    document.querySelectorAll('[data-i18n]').forEach((element) => { element.textContent = text[element.dataset.i18n]; });
    document.getElementById('language').textContent = text.language;
    message.textContent = state ? text[state] : '';
    message.className = state === 'logout' ? 'info' : '';
  }

  document.getElementById('language').addEventListener('click', () => {
    language = CrmflowPage.otherLanguage(language);
    translate();
  });
  translate();
}());
