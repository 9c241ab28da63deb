package io.crmflow.lead;

import java.util.Set;

import io.crmflow.process.EngineExtensions;
import io.crmflow.security.CurrentUser;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.form.TaskFormData;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.form.handler.TaskFormHandler;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The lead in its tasks' forms (forms/*-lead.form), from the lead row. The qualification process holds only what the
 * engine works with (LeadService#submit): every process variable costs a runtime row and history rows, and it is the
 * same for everyone who may read a task of the instance. When a lead task's form is loaded
 * ({@code GET .../task/{id}/form-variables}, from Tasklist or {@code /engine-rest}), the lead's name, contact details,
 * source, region, industry and product line are filled in from the row. The field rule (docs/product.md §8): phone and
 * email in full only for a reader who may see them (the lead's owner, the region's manager, administrators; the owner
 * calls the lead from the form), masked for anyone else (a colleague the owner handed the task to, a group it was
 * offered to). Nothing else that reads the engine's variables or history sees them at all.
 */
@Component
class ContactDetailsInTaskForms extends AbstractProcessEnginePlugin {

    static final String NAME = "leadName";
    static final String PHONE = "phone";
    static final String EMAIL = "email";
    /** The read-only lead fields of forms/*-lead.form: from the row (below), or the process's own variables. */
    private static final Set<String> SHOWN = Set.of(NAME, "company", PHONE, EMAIL, "source", "region", "industry", "productLine",
            "score", "grade", "owner");

    // Lazily: both depend on the engine's IdentityService, which this plugin helps build.
    private final ObjectProvider<LeadRepository> leads;
    private final ObjectProvider<LeadAccess> access;

    ContactDetailsInTaskForms(ObjectProvider<LeadRepository> leads, ObjectProvider<LeadAccess> access) {
        this.leads = leads;
        this.access = access;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        EngineExtensions.addTaskFormVariables(configuration, this::fillIn);

        EngineExtensions.addPostParseListener(configuration, new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
                if (activity.getProcessDefinition() instanceof ProcessDefinitionEntity definition
                        && LeadService.PROCESS_KEY.equals(definition.getKey())) {
                    TaskDefinition task = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
                    task.setTaskFormHandler(new WithoutShownLead(task.getTaskFormHandler()));
                }
            }
        });
    }

    /**
     * Tasklist submits a Camunda Form's read-only fields along with what the user entered: the lead as the form showed it
     * stays out of the process, so completing a task neither copies the lead row into variables and their history nor
     * stores the phone and email the owner saw in full.
     */
    private record WithoutShownLead(TaskFormHandler form) implements TaskFormHandler {

        @Override
        public TaskFormData createTaskForm(TaskEntity task) {
            return form.createTaskForm(task);
        }

        @Override
        public void parseConfiguration(Element activityElement, DeploymentEntity deployment, ProcessDefinitionEntity processDefinition,
                                       BpmnParse bpmnParse) {
            form.parseConfiguration(activityElement, deployment, processDefinition, bpmnParse);
        }

        @Override
        public void submitFormVariables(VariableMap properties, VariableScope variableScope) {
            VariableMap entered = Variables.createVariables();
            entered.putAll(properties);
            entered.keySet().removeAll(SHOWN);
            form.submitFormVariables(entered, variableScope);
        }
    }

    private void fillIn(EngineExtensions.TaskForm form) {
        ExecutionEntity instance = form.task().getProcessInstance();
        if (instance == null || !LeadService.PROCESS_KEY.equals(instance.getProcessDefinition().getKey())) {
            return;
        }
        Lead lead = leads.getObject().findById(ProcessVariables.leadId(instance)).orElse(null);
        if (lead == null) {
            return;
        }
        Authentication reader = Context.getCommandContext().getAuthentication();
        Set<String> groups = reader == null || reader.getGroupIds() == null ? Set.of() : Set.copyOf(reader.getGroupIds());
        boolean inFull = reader != null && access.getObject().viewer(new CurrentUser(reader.getUserId(), groups)).seesContactDetails(lead);
        form.show(NAME, lead.name());
        form.show(PHONE, inFull ? lead.phone() : LeadAccess.maskPhone(lead.phone()));
        form.show(EMAIL, inFull ? lead.email() : LeadAccess.maskEmail(lead.email()));
        form.show("source", lead.source().name());
        form.show("region", lead.region().name());
        form.show("industry", lead.industry() == null ? null : lead.industry().name());
        form.show("productLine", lead.productLine() == null ? null : lead.productLine().name());
    }
}
