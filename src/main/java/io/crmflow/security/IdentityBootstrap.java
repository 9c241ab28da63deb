package io.crmflow.security;

import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Creates the groups of SPEC §2 (when the identity store is Camunda's own) and grants each group what its work
 * needs: which webapps it may open, and for process designers the right to deploy. Idempotent on every start.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class IdentityBootstrap implements ApplicationRunner {

    private final IdentityService identityService;
    private final AuthorizationService authorizationService;

    IdentityBootstrap(IdentityService identityService, AuthorizationService authorizationService) {
        this.identityService = identityService;
        this.authorizationService = authorizationService;
    }

    @Override
    public void run(ApplicationArguments args) {
        for (CrmflowGroup crmflowGroup : CrmflowGroup.values()) {
            if (!identityService.isReadOnly() && identityService.createGroupQuery().groupId(crmflowGroup.id()).count() == 0) {
                Group group = identityService.newGroup(crmflowGroup.id());
                group.setName(crmflowGroup.displayName());
                group.setType(crmflowGroup == CrmflowGroup.CAMUNDA_ADMIN ? Groups.GROUP_TYPE_SYSTEM : Groups.GROUP_TYPE_WORKFLOW);
                identityService.saveGroup(group);
            }
            for (String webapp : crmflowGroup.webapps()) {
                grant(crmflowGroup, Resources.APPLICATION, webapp, Permissions.ACCESS);
            }
            if (crmflowGroup != CrmflowGroup.CAMUNDA_ADMIN) {
                // Tasklist shows process names and forms of the definitions behind a person's tasks.
                grant(crmflowGroup, Resources.PROCESS_DEFINITION, Authorization.ANY, Permissions.READ);
            }
        }
        Map<Resource, Permission[]> designer = Map.of(
                Resources.DEPLOYMENT, new Permission[] {Permissions.CREATE, Permissions.READ, Permissions.DELETE},
                Resources.PROCESS_DEFINITION, new Permission[] {Permissions.ALL},
                Resources.DECISION_DEFINITION, new Permission[] {Permissions.ALL},
                Resources.DECISION_REQUIREMENTS_DEFINITION, new Permission[] {Permissions.ALL},
                Resources.PROCESS_INSTANCE, new Permission[] {Permissions.READ});
        designer.forEach((resource, permissions) -> grant(CrmflowGroup.PROCESS_DESIGNER, resource, Authorization.ANY, permissions));
        for (Resources resource : Resources.values()) {
            grant(CrmflowGroup.CAMUNDA_ADMIN, resource, Authorization.ANY, Permissions.ALL);
        }
    }

    private void grant(CrmflowGroup group, Resource resource, String resourceId, Permission... permissions) {
        boolean exists = authorizationService.createAuthorizationQuery()
                .groupIdIn(group.id()).resourceType(resource).resourceId(resourceId).count() > 0;
        if (exists) {
            return;
        }
        Authorization authorization = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        authorization.setGroupId(group.id());
        authorization.setResource(resource);
        authorization.setResourceId(resourceId);
        for (Permission permission : permissions) {
            authorization.addPermission(permission);
        }
        authorizationService.saveAuthorization(authorization);
    }
}
