package io.crmflow.process;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.GetTaskFormVariablesCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.variable.VariableMap;

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
     * Adds to the variables of a task's form as it is loaded ({@code GET …/task/{id}/form-variables}, as Tasklist does):
     * {@code fillIn} gets the command (the task's id, the names the form asks for) and the variables the engine found.
     */
    public static void addTaskFormVariables(ProcessEngineConfigurationImpl configuration, BiConsumer<GetTaskFormVariablesCmd, VariableMap> fillIn) {
        addCommandInterceptor(configuration, new CommandInterceptor() {
            @Override
            public <T> T execute(Command<T> command) {
                T result = next.execute(command);
                if (command instanceof GetTaskFormVariablesCmd form && result instanceof VariableMap variables) {
                    fillIn.accept(form, variables);
                }
                return result;
            }
        });
    }

    private static <T> void append(Supplier<List<T>> current, Consumer<List<T>> replace, T added) {
        List<T> entries = current.get() == null ? new ArrayList<>() : new ArrayList<>(current.get());
        entries.add(added);
        replace.accept(entries);
    }
}
