package io.crmflow.security;

import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The saved Tasklist filters everyone gets (issue #10): My tasks, Tasks I can claim (mine and my groups'), Overdue,
 * By due date, Approvals. One shared set, owned by nobody and readable by every user, so that users who are not demo
 * users (PostgreSQL, Keycloak) have them too. They resolve the person with {@code ${currentUser()}} and the time with
 * {@code ${now()}}: expressions in stored queries are switched on for that, and only administrators may create or
 * change filters (nobody else is granted it, and these have no owner), so no user can store an expression of their own.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class TasklistFilters implements ApplicationRunner {

    /** The approval steps of the processes in {@code processes/}; a new approval process adds its task here. */
    static final List<String> APPROVAL_TASKS = List.of("Task_ManagerApproval", "Task_FinanceApproval", "Task_ApproveContract");

    private final FilterService filterService;
    private final TaskService taskService;
    private final AuthorizationService authorizationService;

    TasklistFilters(FilterService filterService, TaskService taskService, AuthorizationService authorizationService) {
        this.filterService = filterService;
        this.taskService = taskService;
        this.authorizationService = authorizationService;
    }

    @Override
    public void run(ApplicationArguments args) {
        save("我的任务 My tasks", "分配给我的任务 Tasks assigned to me", -10,
                taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}"));
        save("待领取 Tasks I can claim", "我或我的组可以领取的任务 Unassigned tasks for me or my groups", -5,
                taskService.createTaskQuery().taskCandidateUserExpression("${currentUser()}"));
        save("已逾期 Overdue", "已过期限、分配给我的任务 My tasks past their due date", -3,
                taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}").dueBeforeExpression("${now()}").orderByDueDate().asc());
        save("按期限 By due date", "我的有期限的任务，已逾期的在前 My tasks with a deadline, overdue first", 0,
                taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}").dueAfter(new Date(0)).orderByDueDate().asc());
        save("审批 Approvals", "等我审批的报价和合同 Quotes and contracts waiting for my approval", 5,
                taskService.createTaskQuery().or().taskAssigneeExpression("${currentUser()}").taskCandidateUserExpression("${currentUser()}")
                        .endOr().taskDefinitionKeyIn(APPROVAL_TASKS.toArray(String[]::new)));
    }

    private void save(String name, String description, int priority, TaskQuery query) {
        // Earlier versions gave each demo user copies of their own, which their owners could rewrite.
        filterService.createFilterQuery().filterName(name).list().stream().filter(filter -> filter.getOwner() != null)
                .forEach(filter -> filterService.deleteFilter(filter.getId()));
        if (filterService.createFilterQuery().filterName(name).count() > 0) {
            return;
        }
        Filter filter = filterService.newTaskFilter(name)
                .setQuery(query)
                .setProperties(Map.of("description", description, "priority", priority, "refresh", true));
        filterService.saveFilter(filter);
        Authorization everyoneReads = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GLOBAL);
        everyoneReads.setUserId(Authorization.ANY);
        everyoneReads.setResource(Resources.FILTER);
        everyoneReads.setResourceId(filter.getId());
        everyoneReads.addPermission(Permissions.READ);
        authorizationService.saveAuthorization(everyoneReads);
    }
}
