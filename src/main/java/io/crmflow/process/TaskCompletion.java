package io.crmflow.process;

import java.util.Map;

import io.crmflow.web.ConflictException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Completing a user task on behalf of an API call, when someone else (another request, Tasklist) may complete the
 * same task at the same moment. The engine then fails in several ways depending on timing (task gone, execution
 * already moved on, optimistic locking); all of them mean "someone was faster", which the caller gets as a 409.
 */
public final class TaskCompletion {

    private TaskCompletion() {
    }

    public static void complete(TaskService tasks, String taskId, Map<String, Object> variables, String whenSomeoneWasFaster) {
        try {
            tasks.complete(taskId, variables);
        } catch (ProcessEngineException failed) {
            if (tasks.createTaskQuery().taskId(taskId).count() == 0) {
                throw new ConflictException(whenSomeoneWasFaster);
            }
            throw failed;
        }
    }

    /** Who is completing the task in a task listener: the user logged in to Tasklist (or to the REST API). */
    public static String completedBy(DelegateTask task) {
        Authentication authentication = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        if (authentication == null) {
            throw new IllegalStateException("Task " + task.getTaskDefinitionKey() + " needs to know who completed it: complete it as a "
                    + "logged-in user");
        }
        return authentication.getUserId();
    }
}
