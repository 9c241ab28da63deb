package io.crmflow.bench;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Benchmark only (bench/engine.sh, profile {@code bench-engine}; never active in tests or the product): deploys
 * {@code bench-engine}, the shape of {@code lead-qualification}'s start without any of crmflow's code — a route
 * gateway, one expression step that sets the owner, and the owner's user task with an interrupting deadline timer on
 * its boundary (a grade-D instance ends at once instead). The script starts it through {@code /engine-rest} with the
 * variables it chooses, so that the bare engine's cost of a lead-like start is visible beside {@code POST /api/leads}.
 */
@Component
@Profile("bench-engine")
class EngineBaselineBench {

    static final String PROCESS_KEY = "bench-engine";
    private static final Logger log = LoggerFactory.getLogger(EngineBaselineBench.class);

    private final RepositoryService repository;

    EngineBaselineBench(RepositoryService repository) {
        this.repository = repository;
    }

    @EventListener(ApplicationReadyEvent.class)
    void deploy() {
        BpmnModelInstance model = Bpmn.createExecutableProcess(PROCESS_KEY).camundaHistoryTimeToLive(1)
                .startEvent()
                .exclusiveGateway("Route")
                    .condition("nurture", "${grade == 'D'}").endEvent("Nurtured")
                .moveToLastGateway()
                    .condition("assign", "${grade != 'D'}")
                    .serviceTask("Assign").camundaExpression("${execution.setVariable('owner', 'bench1')}")
                    .userTask("Contact").camundaAssignee("${owner}").camundaCandidateGroups("sales-rep")
                    .boundaryEvent("Deadline").timerWithDuration("PT48H").endEvent("Escalated")
                .moveToActivity("Contact").endEvent("Contacted")
                .done();
        repository.createDeployment().name(PROCESS_KEY).addModelInstance(PROCESS_KEY + ".bpmn", model).deploy();
        log.info("bench-engine: deployed {}", PROCESS_KEY);
    }
}
