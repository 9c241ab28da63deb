// crmflow: Camunda's default configuration plus crmflow's handling of "Log out" (see camunda-webapps/log-out.js).
// The path climbs from /camunda/app/<app>/ to the server's root.
export default {
  customScripts: ['../../../camunda-webapps/log-out']
};
