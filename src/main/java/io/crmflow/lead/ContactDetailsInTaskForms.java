package io.crmflow.lead;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.crmflow.security.CurrentUser;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.GetTaskFormVariablesCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The field rule (docs/product.md §8) in Tasklist. The qualification process holds the lead's phone and email masked only: process
 * variables are the same for everyone who may read a task of the instance (a colleague the owner handed the task to, a
 * group it was offered to, anyone with history access), and whatever is stored there is kept in the history too. When
 * a lead task's form is loaded ({@code GET .../task/{id}/form-variables}, from Tasklist or {@code /engine-rest}), the
 * full values are filled in for a reader who may see them (the lead's owner, the region's manager, administrators):
 * the owner calls the lead from the form. Anything else that reads the variables sees the masked ones.
 */
@Component
class ContactDetailsInTaskForms extends AbstractProcessEnginePlugin {

    static final String PHONE = "phone";
    static final String EMAIL = "email";

    // Lazily: both depend on the engine's IdentityService, which this plugin helps build.
    private final ObjectProvider<LeadRepository> leads;
    private final ObjectProvider<LeadAccess> access;

    ContactDetailsInTaskForms(ObjectProvider<LeadRepository> leads, ObjectProvider<LeadAccess> access) {
        this.leads = leads;
        this.access = access;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<CommandInterceptor> interceptors = new ArrayList<>();
        if (configuration.getCustomPostCommandInterceptorsTxRequired() != null) {
            interceptors.addAll(configuration.getCustomPostCommandInterceptorsTxRequired());
        }
        interceptors.add(new CommandInterceptor() {
            @Override
            public <T> T execute(Command<T> command) {
                T result = next.execute(command);
                if (command instanceof GetTaskFormVariablesCmd form && result instanceof VariableMap variables) {
                    reveal(form.resourceId, variables);
                }
                return result;
            }
        });
        configuration.setCustomPostCommandInterceptorsTxRequired(interceptors);
    }

    private void reveal(String taskId, VariableMap variables) {
        if (!variables.containsKey(PHONE) && !variables.containsKey(EMAIL)) {
            return;
        }
        CommandContext context = Context.getCommandContext();
        Authentication reader = context.getAuthentication();
        TaskEntity task = context.getTaskManager().findTaskById(taskId);
        ExecutionEntity instance = task == null ? null : task.getProcessInstance();
        if (reader == null || instance == null || !LeadService.PROCESS_KEY.equals(instance.getProcessDefinition().getKey())) {
            return;
        }
        Lead lead = leads.getObject().findById(ProcessVariables.leadId(instance)).orElse(null);
        Set<String> groups = reader.getGroupIds() == null ? Set.of() : Set.copyOf(reader.getGroupIds());
        if (lead == null || !access.getObject().viewer(new CurrentUser(reader.getUserId(), groups)).seesContactDetails(lead)) {
            return;
        }
        if (variables.containsKey(PHONE)) {
            variables.putValueTyped(PHONE, Variables.stringValue(lead.phone()));
        }
        if (variables.containsKey(EMAIL)) {
            variables.putValueTyped(EMAIL, Variables.stringValue(lead.email()));
        }
    }
}
