package io.crmflow.security;

import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.User;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo users of SPEC §2 (password = user id) with their Tasklist filters. Only when {@code crmflow.demo.enabled}
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
    private final FilterService filterService;
    private final TaskService taskService;

    DemoUsers(IdentityService identityService, FilterService filterService, TaskService taskService) {
        this.identityService = identityService;
        this.filterService = filterService;
        this.taskService = taskService;
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
            createTasklistFilters(demo.id());
        }
    }

    /**
     * Filters name the user literally instead of using {@code ${currentUser()}}: expressions in stored queries are
     * switched off (an injection vector), so each person gets their own filters.
     */
    private void createTasklistFilters(String userId) {
        if (filterService.createFilterQuery().filterOwner(userId).count() > 0) {
            return;
        }
        save(userId, "我的任务 My tasks", "分配给我的任务 Tasks assigned to me", -10,
                taskService.createTaskQuery().taskAssignee(userId));
        save(userId, "待领取 Tasks I can claim", "我或我的组可以领取的任务 Unassigned tasks for me or my groups", -5,
                taskService.createTaskQuery().taskCandidateUser(userId));
        // No "overdue" filter: it needs ${now()} in a stored query. Sorted by due date, overdue work comes first.
        save(userId, "按期限 By due date", "我的有期限的任务，已逾期的在前 My tasks with a deadline, overdue first", 0,
                taskService.createTaskQuery().taskAssignee(userId).dueAfter(new Date(0)).orderByDueDate().asc());
        save(userId, "审批 Approvals", "等我审批的报价和合同 Quotes and contracts waiting for my approval", 5,
                taskService.createTaskQuery().or().taskAssignee(userId).taskCandidateUser(userId).endOr()
                        .taskDefinitionKeyIn(APPROVAL_TASKS.toArray(String[]::new)));
    }

    /** The approval steps of the processes in {@code processes/}; a new approval process adds its task here. */
    private static final List<String> APPROVAL_TASKS = List.of("Task_ManagerApproval", "Task_FinanceApproval", "Task_ApproveContract");

    private void save(String owner, String name, String description, int priority, org.camunda.bpm.engine.task.TaskQuery query) {
        Filter filter = filterService.newTaskFilter(name)
                .setOwner(owner)
                .setQuery(query)
                .setProperties(Map.of("description", description, "priority", priority, "refresh", true));
        filterService.saveFilter(filter);
    }
}
