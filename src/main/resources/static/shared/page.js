'use strict';
// What crmflow's own pages (the dashboard, the rules workbench, home…) share: who is logged in, the language they chose
// (Chinese or English, remembered across pages), logging out and how times read.
window.CrmflowPage = (function () {
  const LANGUAGE = 'crmflow.language';
  return {
    /** 'zh' or 'en'. */
    language: () => localStorage.getItem(LANGUAGE) || 'zh',

    otherLanguage(language) {
      const other = language === 'zh' ? 'en' : 'zh';
      localStorage.setItem(LANGUAGE, other);
      return other;
    },

    /** The user, their groups and the CSRF token the page posts with. */
    async viewer() {
      const response = await fetch('/dashboard/data/me', { credentials: 'same-origin', headers: { Accept: 'application/json' } });
      return response.json();
    },

    /** A real form post, not fetch: with Keycloak, logging out continues at Keycloak's end-session page. */
    logOut(viewer) {
      const form = document.createElement('form');
      form.method = 'post';
      form.action = '/logout';
      const token = document.createElement('input');
      token.type = 'hidden';
      token.name = viewer.csrfParameter;
      token.value = viewer.csrfToken;
      form.appendChild(token);
      document.body.appendChild(form);
      form.submit();
    },

    /** Appends a table cell showing {@code text} as text (never HTML); '–' for none. */
    cell(row, text, className) {
      const td = document.createElement('td');
      td.textContent = text === null || text === undefined ? '–' : String(text);
      if (className) td.className = className;
      row.appendChild(td);
      return td;
    },

    /** An API instant as people read it: date and clock time in Asia/Shanghai, in the page's language; '–' for none. */
    dateTime(instant, language) {
      return instant ? new Date(instant).toLocaleString(language === 'zh' ? 'zh-CN' : 'en-GB',
        { timeZone: 'Asia/Shanghai', dateStyle: 'medium', timeStyle: 'short' }) : '–';
    }
  };
}());
