// Camunda's own "Log out" only forgets the webapps' part of the session, and the next page load would sign the person in
// again from crmflow's sign-in (or the still open Keycloak session). Its link posts to /camunda/logout instead, which
// ends the whole session (crmflow's pages too) and, under the keycloak profile, the Keycloak session (RP-initiated logout).
document.addEventListener('click', (event) => {
  if (!(event.target instanceof Element) || !event.target.closest('li.logout a')) {
    return;
  }
  event.preventDefault();
  event.stopPropagation();
  const logOut = document.createElement('form');
  logOut.method = 'post';
  logOut.action = '/camunda/logout';
  document.body.appendChild(logOut);
  logOut.submit();
}, true);

export default [];
