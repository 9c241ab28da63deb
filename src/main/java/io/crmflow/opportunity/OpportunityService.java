package io.crmflow.opportunity;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Opens opportunities from qualified leads and keeps their history. */
@Service
public class OpportunityService {

    public static final String PROCESS_KEY = "opportunity";
    static final String FIRST_STAGE = "INITIAL_CONTACT";

    private final OpportunityRepository opportunities;
    private final RepositoryService repositoryService;
    private final RuntimeService runtime;

    OpportunityService(OpportunityRepository opportunities, RepositoryService repositoryService, RuntimeService runtime) {
        this.opportunities = opportunities;
        this.repositoryService = repositoryService;
        this.runtime = runtime;
    }

    /**
     * Opens the opportunity of a qualified lead at the first stage and starts the {@code opportunity} process for it
     * when one is deployed; otherwise the opportunity is recorded and waits for that process. A second call for the
     * same lead (a retried job) returns the opportunity opened the first time.
     */
    @Transactional
    public OpenedOpportunity openFromLead(QualifiedLead lead) {
        var existing = opportunities.findByLeadId(lead.leadId());
        if (existing.isPresent()) {
            return new OpenedOpportunity(existing.get().id(), existing.get().stage(), existing.get().processInstanceId());
        }
        Instant now = ClockUtil.getCurrentTime().toInstant();
        long id = opportunities.insert(lead, FIRST_STAGE, now);
        opportunities.recordEvent(id, "OPENED", "from lead " + lead.leadId() + (lead.note() == null ? "" : ": " + lead.note()),
                lead.ownerId(), now);
        String processInstanceId = null;
        if (repositoryService.createProcessDefinitionQuery().processDefinitionKey(PROCESS_KEY).latestVersion().count() > 0) {
            processInstanceId = runtime.startProcessInstanceByKey(PROCESS_KEY, String.valueOf(id),
                    Map.of("opportunityId", id, "owner", lead.ownerId(), "leadId", lead.leadId())).getId();
            opportunities.attachProcess(id, processInstanceId);
            opportunities.recordEvent(id, "PROCESS_STARTED", "process '" + PROCESS_KEY + "'", "process", now);
        } else {
            opportunities.recordEvent(id, "AWAITING_PROCESS", "no '" + PROCESS_KEY + "' process is deployed yet; the opportunity "
                    + "stays at " + FIRST_STAGE + " until one is", "process", now);
        }
        return new OpenedOpportunity(id, FIRST_STAGE, processInstanceId);
    }

    @Transactional(readOnly = true)
    Opportunity get(long id) {
        return opportunities.findById(id).orElseThrow(() -> new OpportunityNotFoundException(id));
    }

    @Transactional(readOnly = true)
    List<OpportunityEvent> timeline(long id) {
        return opportunities.events(id);
    }
}
