package io.crmflow.tasks;


import io.crmflow.process.EngineExtensions;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseUtil;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * A user task's title in Tasklist may name its record ("联系线索 Contact lead: 华东医院 (A, 85)"), but its name in the
 * diagram should not show {@code ${company}}: the BPMN name is the plain label, and the extension property
 * {@code title} (Camunda Modeler: Extensions → Properties) is the expression the task's name is made from.
 */
@Component
class TaskTitles extends AbstractProcessEnginePlugin {

    static final String TITLE = "title";

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        EngineExtensions.addPreParseListener(configuration, new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
                String title = title(userTaskElement);
                if (title != null) {
                    ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition()
                            .setNameExpression(configuration.getExpressionManager().createExpression(title));
                }
            }
        });
    }

    private static String title(Element userTask) {
        Element properties = BpmnParseUtil.findCamundaExtensionElement(userTask, "properties");
        if (properties == null) {
            return null;
        }
        return properties.elements("property").stream()
                .filter(property -> TITLE.equals(property.attribute("name"))).map(property -> property.attribute("value")).findFirst().orElse(null);
    }
}
