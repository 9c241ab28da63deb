package io.crmflow.process;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

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

    private static <T> void append(Supplier<List<T>> current, Consumer<List<T>> replace, T added) {
        List<T> entries = current.get() == null ? new ArrayList<>() : new ArrayList<>(current.get());
        entries.add(added);
        replace.accept(entries);
    }
}
