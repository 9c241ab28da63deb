// crmflow: Camunda's default configuration plus crmflow's handling of "Log out" (see camunda-webapps/log-out.js), and a
// link to crmflow's home page. The path climbs from /camunda/app/<app>/ to the server's root.
export default {
  customScripts: ['../../../camunda-webapps/log-out'],
  links: [
    {
      label: 'crmflow 首页 Home',
      href: '/',
      description: '销售看板、客户、规则和通知 The dashboard, customers, rules and notifications'
    }
  ]
};
