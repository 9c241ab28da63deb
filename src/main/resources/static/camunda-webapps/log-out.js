// Embedded sign-in: Camunda's own "Log out" already ends everything there is to end.
// The keycloak profile serves its own version of this file (keycloak/static/camunda-webapps/log-out.js).
export default [];
