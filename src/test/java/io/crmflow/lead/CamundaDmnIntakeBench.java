package io.crmflow.lead;

import static io.crmflow.process.EngineClock.now;
import static io.crmflow.persistence.SqlTimes.timestamp;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.crmflow.calendar.BusinessCalendars;
import io.crmflow.opportunity.OpportunityService;
import io.crmflow.rules.MatchedRule;
import io.crmflow.team.SalesTeam;
import io.micrometer.core.instrument.MeterRegistry;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

/**
 * Benchmark only (bench/intake-camunda-dmn.sh, profile {@code bench-camunda-dmn}; never active in tests or the product):
 * lead intake with the score decided by Camunda 7's own DMN engine in business rule tasks instead of Drools.
 *
 * <p>The profile deploys {@code bench/lead-qualification-camunda-dmn.bpmn} (process id {@code lead-qualification}, so it
 * becomes the latest version that {@link LeadService} starts) together with the unchanged {@code rules/lead-score.dmn},
 * and replaces {@link LeadService#submit} by a version that stores the lead without a score and starts the process with
 * the DMN inputs; the process evaluates {@code Decision_LeadGrade} and {@code Decision_LeadScore} (each with its required
 * decisions) and {@link Recorder} writes score and grade to the lead and the lead's decision log. Everything after the
 * route gateway (DRL assignment, tasks, timers) is the product's.
 */
@Configuration(proxyBeanMethods = false)
@Profile("bench-camunda-dmn")
class CamundaDmnIntakeBench {

    private static final Logger log = LoggerFactory.getLogger(CamundaDmnIntakeBench.class);

    @Bean
    @Primary
    LeadService camundaDmnLeadService(LeadRepository leads, LeadHistory history, LeadScoring scoring, LeadAssignment assignment,
                                      BusinessCalendars calendars, SalesTeam team, RuntimeService runtime, TaskService taskService,
                                      OpportunityService opportunities, MeterRegistry meters) {
        return new ScoreInProcess(leads, history, scoring, assignment, calendars, team, runtime, taskService, opportunities, meters);
    }

    @Bean("camundaDmnScoreRecorder")
    Recorder camundaDmnScoreRecorder(JdbcClient jdbc, LeadHistory history) {
        return new Recorder(jdbc, history);
    }

    @EventListener(ApplicationReadyEvent.class)
    void deploy(ApplicationReadyEvent event) {
        RepositoryService repository = event.getApplicationContext().getBean(RepositoryService.class);
        var deployment = repository.createDeployment().name("bench-camunda-dmn")
                .addClasspathResource("bench/lead-qualification-camunda-dmn.bpmn")
                .addClasspathResource("rules/lead-score.dmn")
                .deploy();
        log.info("bench-camunda-dmn: deployed {} (lead-qualification with business rule tasks on Camunda's DMN engine)", deployment.getId());
    }

    static class ScoreInProcess extends LeadService {

        private final LeadRepository leads;
        private final LeadHistory history;
        private final SalesTeam team;
        private final RuntimeService runtime;

        ScoreInProcess(LeadRepository leads, LeadHistory history, LeadScoring scoring, LeadAssignment assignment,
                       BusinessCalendars calendars, SalesTeam team, RuntimeService runtime, TaskService taskService,
                       OpportunityService opportunities, MeterRegistry meters) {
            super(leads, history, scoring, assignment, calendars, team, runtime, taskService, opportunities, meters);
            this.leads = leads;
            this.history = history;
            this.team = team;
            this.runtime = runtime;
        }

        /** As {@link LeadService#submit}, but the score is left to the process (score 0 until {@link Recorder} runs). */
        @Override
        @Transactional
        public LeadSubmission submit(NewLead submitted, String actor) {
            Instant now = now();
            var known = alreadyKnown(submitted, actor, now);
            if (known.isPresent()) {
                return known.get();
            }
            long id = leads.insert(submitted, 0, null, actor, now);
            history.recordEvent(id, "CREATED", submitted.name() + (submitted.company() == null ? "" : " / " + submitted.company())
                    + " via " + submitted.source(), actor, now);
            Map<String, Object> variables = new LinkedHashMap<>();
            variables.put("leadId", id);
            variables.put("leadName", submitted.name().trim());
            variables.put("company", submitted.company());
            variables.put("email", submitted.email());
            variables.put("phone", submitted.phone());
            variables.put("source", submitted.source().name());
            variables.put("region", submitted.region().name());
            variables.put("regionManager", team.managerOf(submitted.region()).orElse("admin"));
            variables.put("previousOwners", "");
            variables.put("reclaimCount", 0);
            variables.put("visits30d", submitted.visits());
            variables.put("dwellSeconds", submitted.dwell());
            ProcessInstance instance = runtime.startProcessInstanceByKey(PROCESS_KEY, String.valueOf(id), variables);
            leads.attachProcess(id, instance.getId());
            return new LeadSubmission(get(id), LeadSubmission.Kind.CREATED);
        }
    }

    /** Service task after the business rule tasks: the score and grade onto the lead, the decision into its log. */
    static class Recorder implements JavaDelegate {

        private final JdbcClient jdbc;
        private final LeadHistory history;

        Recorder(JdbcClient jdbc, LeadHistory history) {
            this.jdbc = jdbc;
            this.history = history;
        }

        @Override
        public void execute(DelegateExecution execution) {
            long leadId = ProcessVariables.leadId(execution);
            int score = ((Number) execution.getVariable("leadScore")).intValue();
            @SuppressWarnings("unchecked")
            Map<String, Object> grade = (Map<String, Object>) execution.getVariable("leadGrade");
            Instant now = now();
            Map<String, Object> outputs = new LinkedHashMap<>();
            outputs.put("score", score);
            outputs.put("grade", grade.get("grade"));
            outputs.put("route", grade.get("route"));
            outputs.put("followUpBusinessHours", hours(grade.get("followUpBusinessHours")));
            outputs.put("qualifyBusinessHours", hours(grade.get("qualifyBusinessHours")));
            execution.setVariables(outputs);
            jdbc.sql("update leads set score = ?, grade = ?, updated_at = ? where id = ?")
                    .params(score, grade.get("grade"), timestamp(now), leadId).update();
            Map<String, Object> inputs = new LinkedHashMap<>();
            inputs.put("source", execution.getVariable("source"));
            inputs.put("visits30d", execution.getVariable("visits30d"));
            inputs.put("dwellSeconds", execution.getVariable("dwellSeconds"));
            history.recordDecision(leadId, "SCORE", inputs, outputs,
                    List.of(new MatchedRule("Decision_LeadGrade", "see ACT_HI_DECINST of this process instance")), "camunda-dmn", now);
            history.recordEvent(leadId, "SCORED", "score " + score + ", grade " + grade.get("grade"), "rules@camunda-dmn", now);
        }

        private static Integer hours(Object value) {
            return value instanceof Number number ? number.intValue() : null;
        }
    }
}
