// crmflow: Camunda's default configuration plus crmflow's handling of "Log out" (see camunda-webapps/log-out.js).
// The path climbs from /camunda/app/tasklist/ to the server's root. Replacing this file drops Tasklist's
// default shortcuts, so the same keys are declared again.
export default {
  customScripts: ['../../../camunda-webapps/log-out'],
  shortcuts: {
    claimTask: {key: 'ctrl+alt+c', description: 'Claim the selected task'},
    focusFilter: {key: 'ctrl+shift+f', description: 'Go to the first filter'},
    focusList: {key: 'ctrl+alt+l', description: 'Go to the first task of the list'},
    focusForm: {key: 'ctrl+alt+f', description: 'Go to the first field of the task form'},
    startProcess: {key: 'ctrl+alt+p', description: 'Start a process'}
  }
};
