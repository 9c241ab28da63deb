package io.crmflow.contract;

import static io.crmflow.process.EngineClock.now;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import io.crmflow.quote.QuoteService;
import io.crmflow.security.CrmflowGroup;
import io.crmflow.security.CurrentUser;
import io.crmflow.team.SalesTeam;
import io.crmflow.web.ForbiddenException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The managers' view of open approval tasks of contracts and quotes, with the "overdue" flag of docs/product.md §3.7. */
@RestController
@Tag(name = "Approvals", description = "审批 Open contract and quote approval tasks; overdue = open for 24 h or more")
class ApprovalsController {

    private final TaskService taskService;
    private final RuntimeService runtime;
    private final SalesTeam team;

    ApprovalsController(TaskService taskService, RuntimeService runtime, SalesTeam team) {
        this.taskService = taskService;
        this.runtime = runtime;
        this.team = team;
    }

    /** One open approval task; {@code recordId} is the contract or quote id (the process's business key). */
    record OpenApproval(String taskId, String process, String recordId, String region, String name, String assignee, Instant createdAt,
                        boolean overdue) {
    }

    @GetMapping("/api/approvals")
    @Operation(summary = "Open approval tasks, oldest first (sales managers for their regions; GM and administrators all)",
            description = "overdue=true: only those open for 24 h or more, which also get a reminder every 24 h")
    List<OpenApproval> list(@RequestParam(required = false) Boolean overdue, Authentication authentication) {
        return openApprovals(authentication).stream().filter(approval -> overdue == null || approval.overdue() == overdue).toList();
    }

    /** The approvals board in numbers (docs/product.md §7 "overdue approvals"): per process and region, open and overdue, and the oldest wait. */
    record ApprovalSummary(String process, String region, long open, long overdue, long oldestWaitingHours) {
    }

    @GetMapping({"/api/analytics/approvals", "/dashboard/data/approvals"})
    @Operation(summary = "Open and overdue (24 h or more) approvals per process and region, with the oldest wait in hours",
            description = "Same row rules as GET /api/approvals: sales managers their regions, GM and administrators all")
    List<ApprovalSummary> summary(Authentication authentication) {
        Instant now = now();
        Map<List<String>, List<OpenApproval>> groups = openApprovals(authentication).stream()
                .collect(Collectors.groupingBy(approval -> List.of(approval.process(), String.valueOf(approval.region())),
                        () -> new TreeMap<>(Comparator.comparing(List::toString)), Collectors.toList()));
        return groups.entrySet().stream().map(group -> new ApprovalSummary(group.getKey().get(0), group.getKey().get(1), group.getValue().size(),
                group.getValue().stream().filter(OpenApproval::overdue).count(),
                group.getValue().stream().mapToLong(approval -> Duration.between(approval.createdAt(), now).toHours()).max().orElse(0)))
                .toList();
    }

    private List<OpenApproval> openApprovals(Authentication authentication) {
        CurrentUser user = CurrentUser.of(authentication);
        if (!user.isAdmin() && !user.isIn(CrmflowGroup.SALES_MANAGER) && !user.isIn(CrmflowGroup.GM)) {
            throw new ForbiddenException("Open approvals are for sales managers, the GM and administrators");
        }
        Instant overdueIfCreatedBefore = now().minus(ContractService.OVERDUE_AFTER);
        List<Task> tasks = taskService.createTaskQuery().processDefinitionKeyIn(ContractService.PROCESS_KEY, QuoteService.PROCESS_KEY)
                .orderByTaskCreateTime().asc().list().stream()
                .filter(task -> !ContractService.REVISION_TASK.equals(task.getTaskDefinitionKey())).toList();
        Map<String, Object> regionOf = regions(tasks);
        if (!user.isAdmin() && !user.isIn(CrmflowGroup.GM)) {
            Set<String> regions = team.regionsManagedBy(user).stream().map(Enum::name).collect(Collectors.toSet());
            tasks = tasks.stream().filter(task -> regions.contains(regionOf.get(task.getProcessInstanceId()))).toList();
        }
        Map<String, String> businessKeys = businessKeys(tasks);
        return tasks.stream()
                .map(task -> new OpenApproval(task.getId(), processKey(task), businessKeys.get(task.getProcessInstanceId()),
                        (String) regionOf.get(task.getProcessInstanceId()), task.getName(), task.getAssignee(), task.getCreateTime().toInstant(),
                        !task.getCreateTime().toInstant().isAfter(overdueIfCreatedBefore)))
                .toList();
    }

    /** The quote and contract processes keep their opportunity's region in the variable {@code region}. */
    private Map<String, Object> regions(List<Task> tasks) {
        if (tasks.isEmpty()) {
            return Map.of();
        }
        return runtime.createVariableInstanceQuery().variableName("region")
                .processInstanceIdIn(tasks.stream().map(Task::getProcessInstanceId).distinct().toArray(String[]::new)).list().stream()
                .filter(variable -> variable.getValue() != null)
                .collect(Collectors.toMap(VariableInstance::getProcessInstanceId, VariableInstance::getValue, (first, second) -> first));
    }

    private Map<String, String> businessKeys(List<Task> tasks) {
        if (tasks.isEmpty()) {
            return Map.of();
        }
        return runtime.createProcessInstanceQuery().processInstanceIds(tasks.stream().map(Task::getProcessInstanceId).collect(Collectors.toSet()))
                .list().stream().collect(Collectors.toMap(ProcessInstance::getId, ProcessInstance::getBusinessKey));
    }

    /** Process definition ids are {@code key:version:id}. */
    private static String processKey(Task task) {
        return task.getProcessDefinitionId().substring(0, task.getProcessDefinitionId().indexOf(':'));
    }
}
