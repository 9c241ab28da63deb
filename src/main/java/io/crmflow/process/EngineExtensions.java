package io.crmflow.process;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.GetTaskFormVariablesCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;

/**
 * Adds an engine plugin's own parse listener or command interceptor to Camunda's configuration in {@code preInit}.
 * Several crmflow features extend the engine this way, and Camunda keeps each kind in a list that may still be
 * {@code null} or already hold another plugin's entries: each addition keeps what is there.
 */
public final class EngineExtensions {

    private EngineExtensions() {
    }

    /** Runs before Camunda's own parse handlers: sees the BPMN as written (e.g. to set a task's name from a property). */
    public static void addPreParseListener(ProcessEngineConfigurationImpl configuration, BpmnParseListener listener) {
        append(configuration::getCustomPreBPMNParseListeners, configuration::setCustomPreBPMNParseListeners, listener);
    }

    /** Runs after Camunda's own parse handlers: the activities already have their behaviour (e.g. a user task's definition). */
    public static void addPostParseListener(ProcessEngineConfigurationImpl configuration, BpmnParseListener listener) {
        append(configuration::getCustomPostBPMNParseListeners, configuration::setCustomPostBPMNParseListeners, listener);
    }

    /** Runs inside the command's transaction, around every command of the engine. */
    public static void addCommandInterceptor(ProcessEngineConfigurationImpl configuration, CommandInterceptor interceptor) {
        append(configuration::getCustomPostCommandInterceptorsTxRequired, configuration::setCustomPostCommandInterceptorsTxRequired, interceptor);
    }

    /**
     * Adds fields to a task's form as it is loaded ({@code GET …/task/{id}/form-variables}, as Tasklist does):
     * {@code fillIn} gets the task and the variables the engine found, and {@link TaskForm#show} adds a field only if the
     * form asks for it.
     */
    public static void addTaskFormVariables(ProcessEngineConfigurationImpl configuration, Consumer<TaskForm> fillIn) {
        addCommandInterceptor(configuration, new CommandInterceptor() {
            @Override
            public <T> T execute(Command<T> command) {
                T result = next.execute(command);
                if (command instanceof GetTaskFormVariablesCmd form && result instanceof VariableMap variables) {
                    TaskEntity task = Context.getCommandContext().getTaskManager().findTaskById(form.resourceId);
                    if (task != null) {
                        fillIn.accept(new TaskForm(task, form.formVariableNames, variables));
                    }
                }
                return result;
            }
        });
    }

    /** A task's form being loaded: the task, the names the form asked for (null: all), and its variables so far. */
    public record TaskForm(TaskEntity task, Collection<String> asked, VariableMap variables) {

        /** Adds (or replaces) the field {@code name}, if the form asks for it. */
        public void show(String name, String value) {
            if (asked == null || asked.contains(name)) {
                variables.putValueTyped(name, Variables.stringValue(value));
            }
        }
    }

    private static <T> void append(Supplier<List<T>> current, Consumer<List<T>> replace, T added) {
        List<T> entries = current.get() == null ? new ArrayList<>() : new ArrayList<>(current.get());
        entries.add(added);
        replace.accept(entries);
    }
}
