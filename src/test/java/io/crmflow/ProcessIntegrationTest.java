package io.crmflow;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Base of the tests that walk a process: camunda-bpm-assert bound to the application's engine, and the engine's clock
 * (which the tests move to fire timers) back to real time after each test.
 */
public abstract class ProcessIntegrationTest extends IntegrationTest {

    @Autowired
    protected ProcessEngine processEngine;

    @BeforeEach
    void bindAssertionsToTheEngine() {
        init(processEngine);
    }

    @AfterEach
    void realClock() {
        ClockUtil.reset();
    }
}
