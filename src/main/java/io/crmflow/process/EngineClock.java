package io.crmflow.process;

import java.time.Instant;

import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The time crmflow decides with: the process engine's clock, so that deadlines computed in Java and the engine's
 * timers agree, and process tests can move both at once ({@code ClockUtil} in tests only).
 */
public final class EngineClock {

    private EngineClock() {
    }

    public static Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }
}
