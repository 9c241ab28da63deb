package io.crmflow.security;

import java.util.ArrayList;
import java.util.List;

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
 * Creates the groups of docs/product.md §2 (when the identity store is Camunda's own) and gives each group exactly what its work
 * needs: which webapps it may open, and for process designers the right to deploy. On every start, and idempotent:
 * the webapp grants and the grants on all resources of a type ({@code *}) of these groups are crmflow's, so what an
 * earlier version granted beyond that (Cockpit for gm, rules owners and designers; designers' reading and working every
 * process instance and task) is revoked. Grants an administrator made on one particular resource are left alone.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class IdentityBootstrap implements ApplicationRunner {

    /** A grant to a group: {@code permissions} on {@code resource} {@code resourceId}. */
    record Grant(Resource resource, String resourceId, Permission... permissions) {

        boolean sameTarget(Authorization authorization) {
            return authorization.getResourceType() == resource.resourceType() && authorization.getResourceId().equals(resourceId);
        }
    }

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
            if (crmflowGroup == CrmflowGroup.CAMUNDA_ADMIN) {
                for (Resources resource : Resources.values()) {
                    grantIfMissing(crmflowGroup, new Grant(resource, Authorization.ANY, Permissions.ALL));
                }
            } else {
                reconcile(crmflowGroup, grants(crmflowGroup));
            }
        }
    }

    /** What a group other than the administrators may do in the engine and its webapps. */
    private static List<Grant> grants(CrmflowGroup group) {
        List<Grant> grants = new ArrayList<>();
        for (String webapp : group.webapps()) {
            grants.add(new Grant(Resources.APPLICATION, webapp, Permissions.ACCESS));
        }
        // Tasklist shows process names and forms of the definitions behind a person's tasks.
        grants.add(new Grant(Resources.PROCESS_DEFINITION, Authorization.ANY, Permissions.READ));
        if (group == CrmflowGroup.PROCESS_DESIGNER) {
            // Camunda Modeler deploys through /engine-rest/deployment/create; reading instances, tasks or their
            // variables is not part of designing (Cockpit is the administrators').
            grants.add(new Grant(Resources.DEPLOYMENT, Authorization.ANY, Permissions.CREATE, Permissions.READ, Permissions.DELETE));
            grants.add(new Grant(Resources.DECISION_DEFINITION, Authorization.ANY, Permissions.READ));
            grants.add(new Grant(Resources.DECISION_REQUIREMENTS_DEFINITION, Authorization.ANY, Permissions.READ));
        }
        return grants;
    }

    private void reconcile(CrmflowGroup group, List<Grant> wanted) {
        List<Authorization> managed = authorizationService.createAuthorizationQuery().groupIdIn(group.id())
                .authorizationType(Authorization.AUTH_TYPE_GRANT).list().stream()
                .filter(authorization -> authorization.getResourceType() == Resources.APPLICATION.resourceType()
                        || Authorization.ANY.equals(authorization.getResourceId()))
                .toList();
        for (Authorization authorization : managed) {
            wanted.stream().filter(grant -> grant.sameTarget(authorization)).findFirst().ifPresentOrElse(grant -> {
                authorization.setPermissions(grant.permissions());
                authorizationService.saveAuthorization(authorization);
            }, () -> authorizationService.deleteAuthorization(authorization.getId()));
        }
        wanted.forEach(grant -> grantIfMissing(group, grant));
    }

    private void grantIfMissing(CrmflowGroup group, Grant grant) {
        boolean exists = authorizationService.createAuthorizationQuery().groupIdIn(group.id()).authorizationType(Authorization.AUTH_TYPE_GRANT)
                .resourceType(grant.resource()).resourceId(grant.resourceId()).count() > 0;
        if (exists) {
            return;
        }
        Authorization authorization = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        authorization.setGroupId(group.id());
        authorization.setResource(grant.resource());
        authorization.setResourceId(grant.resourceId());
        authorization.setPermissions(grant.permissions());
        authorizationService.saveAuthorization(authorization);
    }
}
