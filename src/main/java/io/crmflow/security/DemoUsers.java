package io.crmflow.security;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo users of docs/product.md §2 (password = user id); their Tasklist filters are everyone's ({@link TasklistFilters}). Only when {@code crmflow.demo.enabled}
 * is true: the embedded default, never the postgres profile unless an operator asks for it.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
@ConditionalOnProperty(name = "crmflow.demo.enabled", havingValue = "true")
class DemoUsers implements ApplicationRunner {

    private record DemoUser(String id, String firstName, String lastName, CrmflowGroup group) {
    }

    private static final List<DemoUser> USERS = List.of(
            new DemoUser("alice", "Alice", "Wang", CrmflowGroup.SALES_REP),
            new DemoUser("frank", "Frank", "Zhou", CrmflowGroup.SALES_REP),
            new DemoUser("bob", "Bob", "Li", CrmflowGroup.SALES_REP),
            new DemoUser("chen", "Chen", "Huang", CrmflowGroup.SALES_REP),
            new DemoUser("dana", "Dana", "Zhao", CrmflowGroup.SALES_REP),
            new DemoUser("eli", "Eli", "Liu", CrmflowGroup.SALES_REP),
            new DemoUser("mia", "Mia", "Chen", CrmflowGroup.SALES_MANAGER),
            new DemoUser("noah", "Noah", "Sun", CrmflowGroup.SALES_MANAGER),
            new DemoUser("fiona", "Fiona", "Xu", CrmflowGroup.FINANCE),
            new DemoUser("leo", "Leo", "Ma", CrmflowGroup.LEGAL),
            new DemoUser("grace", "Grace", "Hu", CrmflowGroup.GM),
            new DemoUser("sam", "Sam", "Guo", CrmflowGroup.SUPPORT_AGENT),
            new DemoUser("sara", "Sara", "He", CrmflowGroup.SUPPORT_AGENT),
            new DemoUser("lily", "Lily", "Lin", CrmflowGroup.SUPPORT_LEAD),
            new DemoUser("rui", "Rui", "Luo", CrmflowGroup.RULES_OWNER),
            new DemoUser("pat", "Pat", "Gao", CrmflowGroup.PROCESS_DESIGNER),
            new DemoUser("admin", "Admin", "crmflow", CrmflowGroup.CAMUNDA_ADMIN));

    private final IdentityService identityService;

    DemoUsers(IdentityService identityService) {
        this.identityService = identityService;
    }

    @Override
    public void run(ApplicationArguments args) {
        for (DemoUser demo : USERS) {
            if (identityService.createUserQuery().userId(demo.id()).count() == 0) {
                User user = identityService.newUser(demo.id());
                user.setFirstName(demo.firstName());
                user.setLastName(demo.lastName());
                user.setEmail(demo.id() + "@crmflow.example");
                user.setPassword(demo.id());
                identityService.saveUser(user);
                identityService.createMembership(demo.id(), demo.group().id());
            }
        }
    }
}
