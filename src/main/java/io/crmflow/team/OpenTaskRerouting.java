package io.crmflow.team;

import java.util.LinkedHashSet;
import java.util.Set;

import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * When a period begins, the person's open tasks (assigned to them, or offered to them or their groups) go through the
 * same routing as a new task ({@link StandInTaskRouting#route}), inside the engine's command so that the task's
 * identity links, variables and history change exactly as when a listener changes them.
 */
@Component
class OpenTaskRerouting {

    private final TaskService tasks;
    private final ProcessEngineConfigurationImpl engine;
    private final StandInTaskRouting routing;

    OpenTaskRerouting(TaskService tasks, ProcessEngineConfiguration engine, StandInTaskRouting routing) {
        this.tasks = tasks;
        this.engine = (ProcessEngineConfigurationImpl) engine;
        this.routing = routing;
    }

    void reroute(String userId) {
        Set<String> open = new LinkedHashSet<>();
        tasks.createTaskQuery().taskAssignee(userId).list().stream().map(Task::getId).forEach(open::add);
        tasks.createTaskQuery().taskCandidateUser(userId).list().stream().map(Task::getId).forEach(open::add);
        for (String taskId : open) {
            engine.getCommandExecutorTxRequired().execute(context -> {
                TaskEntity task = context.getTaskManager().findTaskById(taskId);
                if (task != null) {
                    routing.route(task);
                }
                return null;
            });
        }
    }
}
