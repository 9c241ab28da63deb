// crmflow: Camunda's default configuration plus crmflow's handling of "Log out" (see camunda-webapps/log-out.js) and
// Tasklist in Chinese or English. The path climbs from /camunda/app/tasklist/ to the server's root. Replacing this file
// drops Tasklist's default shortcuts, so the same keys are declared again.

// The language the person chose on crmflow's pages (remembered in this browser), else the browser's own: Tasklist offers
// only that one, so it follows the choice rather than the browser. zh.json has every label of en.json.
const chosen = localStorage.getItem('crmflow.language') || (navigator.language.toLowerCase().startsWith('zh') ? 'zh' : 'en');

export default {
  customScripts: ['../../../camunda-webapps/log-out'],
  locales: {
    availableLocales: [chosen],
    fallbackLocale: chosen
  },
  shortcuts: {
    claimTask: {key: 'ctrl+alt+c', description: 'Claim the selected task'},
    focusFilter: {key: 'ctrl+shift+f', description: 'Go to the first filter'},
    focusList: {key: 'ctrl+alt+l', description: 'Go to the first task of the list'},
    focusForm: {key: 'ctrl+alt+f', description: 'Go to the first field of the task form'},
    startProcess: {key: 'ctrl+alt+p', description: 'Start a process'}
  }
};
