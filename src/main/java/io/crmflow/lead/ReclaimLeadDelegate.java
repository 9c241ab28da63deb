package io.crmflow.lead;

import java.util.LinkedHashSet;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task "Reclaim lead": the contact deadline passed; the owner loses the lead and may not get it back. */
@Component
class ReclaimLeadDelegate implements JavaDelegate {

    private final LeadService leads;

    ReclaimLeadDelegate(LeadService leads) {
        this.leads = leads;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String owner = ProcessVariables.text(execution, "owner");
        int reclaimCount = ProcessVariables.count(execution, "reclaimCount") + 1;
        leads.reclaim(ProcessVariables.leadId(execution), owner, reclaimCount);
        Set<String> previousOwners = new LinkedHashSet<>(ProcessVariables.previousOwners(execution));
        previousOwners.add(owner);
        execution.setVariable("previousOwners", String.join(",", previousOwners));
        execution.setVariable("reclaimCount", reclaimCount);
        execution.setVariable("owner", null);
    }
}
