package io.crmflow.handover;

import java.util.HashMap;
import java.util.Map;

import io.crmflow.process.TaskCompletion;
import io.crmflow.security.CurrentUser;
import io.crmflow.web.ConflictException;
import io.crmflow.web.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The handover of a leaving rep's book through the API: the same process and task as in Tasklist (docs/product.md §14). */
@RestController
@Validated
@Tag(name = "Handover", description = "离职交接 A leaving rep's whole book to successors")
class HandoverController {

    private static final String USER_ID = "[a-zA-Z0-9][a-zA-Z0-9._@-]{0,63}";
    static final String PROCESS_KEY = "rep-handover";
    static final String REVIEW_TASK = "Task_ReviewHandover";

    private final Handovers handovers;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final HistoryService history;

    HandoverController(Handovers handovers, RuntimeService runtime, TaskService tasks, HistoryService history) {
        this.handovers = handovers;
        this.runtime = runtime;
        this.tasks = tasks;
        this.history = history;
    }

    @PostMapping("/api/handovers")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Start a rep's handover", description = "A manager of one of the rep's regions, or an administrator. Starts "
            + "rep-handover and answers its preview; the caller confirms it (Tasklist or …/confirm). 409 while one is open.")
    Started start(@Valid @RequestBody Start request, Authentication authentication) {
        CurrentUser user = CurrentUser.of(authentication);
        handovers.requireManagerOf(request.rep(), user);
        if (runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY).processInstanceBusinessKey(request.rep()).count() > 0) {
            throw new ConflictException(request.rep() + "'s handover is already waiting for confirmation");
        }
        ProcessInstance instance = runtime.startProcessInstanceByKey(PROCESS_KEY, request.rep(),
                Map.of(HandoverDelegates.REP, request.rep(), HandoverDelegates.MANAGER, user.userId()));
        return new Started(instance.getId(), handovers.preview(request.rep()));
    }

    @GetMapping("/api/handovers/{processInstanceId}")
    @Operation(summary = "The preview of an open handover, as it stands now")
    HandoverPreview preview(@PathVariable @Pattern(regexp = "[0-9a-zA-Z-]{1,64}") String processInstanceId, Authentication authentication) {
        return handovers.preview(openHandover(processInstanceId, authentication).rep());
    }

    @PostMapping("/api/handovers/{processInstanceId}/confirm")
    @Operation(summary = "Confirm: move everything at once", description = "successors: record key (lead:42, opportunity:7, task:<id>) → "
            + "successor, overriding the proposal; defaultSuccessor for whatever has no proposal. 422 names a record left without a "
            + "successor or a successor who is not an active rep; nothing moves then.")
    Confirmed confirm(@PathVariable @Pattern(regexp = "[0-9a-zA-Z-]{1,64}") String processInstanceId, @Valid @RequestBody Confirmation confirmation,
                      Authentication authentication) {
        Open open = openHandover(processInstanceId, authentication);
        Map<String, Object> variables = new HashMap<>();
        variables.put(HandoverDelegates.SUCCESSORS, HandoverDelegates.lines(confirmation.successors() == null ? Map.of() : confirmation.successors()));
        variables.put(HandoverDelegates.DEFAULT_SUCCESSOR, confirmation.defaultSuccessor());
        variables.put(HandoverDelegates.CONFIRMED, true);
        variables.put(HandoverDelegates.DECIDED_BY, CurrentUser.of(authentication).userId());
        TaskCompletion.complete(tasks, open.task().getId(), variables, open.rep() + "'s handover was confirmed by someone else a moment ago");
        HistoricVariableInstance received = history.createHistoricVariableInstanceQuery().processInstanceId(processInstanceId)
                .variableName(HandoverDelegates.RECEIVED).singleResult();
        return new Confirmed(open.rep(), received == null ? "" : (String) received.getValue(), handovers.preview(open.rep()));
    }

    private Open openHandover(String processInstanceId, Authentication authentication) {
        Task task = tasks.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(REVIEW_TASK).singleResult();
        if (task == null) {
            throw new NotFoundException("No open handover " + processInstanceId);
        }
        String rep = (String) runtime.getVariable(processInstanceId, HandoverDelegates.REP);
        handovers.requireManagerOf(rep, CurrentUser.of(authentication));
        return new Open(rep, task);
    }

    private record Open(String rep, Task task) {
    }

    record Start(@NotBlank @Pattern(regexp = USER_ID) String rep) {
    }

    record Started(String processInstanceId, HandoverPreview preview) {
    }

    record Confirmation(Map<@Pattern(regexp = "[a-z]+:[0-9a-zA-Z-]{1,64}") String, @Pattern(regexp = USER_ID) String> successors,
                        @Pattern(regexp = USER_ID) String defaultSuccessor) {
    }

    /** Who received what, one line per successor, and what is left with the rep (nothing). */
    record Confirmed(String rep, String received, HandoverPreview remaining) {
    }
}
