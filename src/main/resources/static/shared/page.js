'use strict';
// What crmflow's own pages (the dashboard, the rules workbench) share: who is logged in, the language they chose
// (Chinese or English, remembered across pages) and logging out.
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
    }
  };
}());
