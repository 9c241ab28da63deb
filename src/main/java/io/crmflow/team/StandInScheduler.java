package io.crmflow.team;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Begins the periods recorded in advance: on their first day, the person's open tasks go to the deputy. */
@Component
class StandInScheduler {

    private final StandIns standIns;

    StandInScheduler(StandIns standIns) {
        this.standIns = standIns;
    }

    @Scheduled(fixedDelayString = "${crmflow.team.stand-in-interval:60s}", initialDelayString = "${crmflow.team.stand-in-interval:60s}")
    void beginDuePeriods() {
        standIns.beginDuePeriods();
    }
}
