// keycloak profile: Camunda's own "Log out" only forgets the webapp's session, and the next page load would log the
// user in again through the still open Keycloak session. Its link posts to /camunda/logout instead, which ends the
// server session and the Keycloak session (RP-initiated logout) and comes back to Keycloak's login page.
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
