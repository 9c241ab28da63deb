package io.crmflow.home;

import static io.crmflow.process.EngineClock.now;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;

import io.crmflow.notify.Inbox;
import io.crmflow.security.CrmflowGroup;
import io.crmflow.security.CurrentUser;
import io.swagger.v3.oas.annotations.Hidden;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.User;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The home page ({@code /}, static files under {@code static/home}) and what it shows: a link for each part of crmflow
 * the person's groups may use (the same rules the parts themselves enforce: docs/product.md §2, §7, §12, §15), their open
 * tasks as Tasklist counts them, and their unread notifications.
 */
@Controller
@Hidden
class HomeController {

    /** Who gets the dashboard's numbers (analytics' row rules): sales staff, finance, the GM. */
    private static final Set<CrmflowGroup> DASHBOARD = Set.of(CrmflowGroup.SALES_REP, CrmflowGroup.SALES_MANAGER, CrmflowGroup.FINANCE, CrmflowGroup.GM);
    /** Who reads customers (the customer feature's access rules). */
    private static final Set<CrmflowGroup> CUSTOMERS = Set.of(CrmflowGroup.SALES_REP, CrmflowGroup.SALES_MANAGER, CrmflowGroup.FINANCE,
            CrmflowGroup.SUPPORT_AGENT, CrmflowGroup.SUPPORT_LEAD);

    private final TaskService tasks;
    private final AuthorizationService authorizations;
    private final IdentityService identities;
    private final Inbox inbox;

    HomeController(TaskService tasks, AuthorizationService authorizations, IdentityService identities, Inbox inbox) {
        this.tasks = tasks;
        this.authorizations = authorizations;
        this.identities = identities;
        this.inbox = inbox;
    }

    @GetMapping({"/", "/home"})
    String page() {
        return "forward:/home/index.html";
    }

    /** Open tasks as Tasklist's filters "My tasks", "Tasks I can claim" and "Overdue" count them. */
    record TaskCounts(long assigned, long claimable, long overdue) {
    }

    /** {@code id} names the link for the page's labels; {@code tasks} only on Tasklist's. */
    record Link(String id, String href, TaskCounts tasks) {
    }

    record Home(String userId, String name, List<String> groups, List<Link> links, long unreadNotifications) {
    }

    @GetMapping("/home/data")
    @ResponseBody
    Home home(Authentication authentication) {
        CurrentUser user = CurrentUser.of(authentication);
        List<Link> links = new ArrayList<>();
        links.add(new Link("tasklist", "/camunda/app/tasklist/", taskCounts(user)));
        if (mayOpen(user, "cockpit")) {
            links.add(new Link("cockpit", "/camunda/app/cockpit/", null));
        }
        if (mayOpen(user, "admin")) {
            links.add(new Link("admin", "/camunda/app/admin/", null));
        }
        if (user.isAdmin() || DASHBOARD.stream().anyMatch(user::isIn)) {
            links.add(new Link("dashboard", "/dashboard", null));
        }
        if (user.isAdmin() || CUSTOMERS.stream().anyMatch(user::isIn)) {
            links.add(new Link("customers", "/customers", null));
        }
        if (user.isAdmin() || user.isIn(CrmflowGroup.RULES_OWNER)) {
            links.add(new Link("rules", "/rules", null));
        }
        if (user.isAdmin()) {
            links.add(new Link("outbox", "/notifications/outbox", null));
        }
        return new Home(user.userId(), displayName(user.userId()), user.groups().stream().sorted().toList(), links, inbox.unread(user.userId()));
    }

    private TaskCounts taskCounts(CurrentUser user) {
        return new TaskCounts(tasks.createTaskQuery().taskAssignee(user.userId()).count(),
                tasks.createTaskQuery().taskCandidateUser(user.userId()).count(),
                tasks.createTaskQuery().taskAssignee(user.userId()).dueBefore(Date.from(now())).count());
    }

    /** Camunda's own application authorizations decide who opens Cockpit and Admin, as the apps themselves do. */
    private boolean mayOpen(CurrentUser user, String webapp) {
        return authorizations.isUserAuthorized(user.userId(), List.copyOf(user.groups()), Permissions.ACCESS, Resources.APPLICATION, webapp);
    }

    private String displayName(String userId) {
        User person = identities.createUserQuery().userId(userId).singleResult();
        if (person == null) {
            return userId;
        }
        String name = ((person.getFirstName() == null ? "" : person.getFirstName()) + " " + (person.getLastName() == null ? "" : person.getLastName())).strip();
        return name.isEmpty() ? userId : name;
    }
}
