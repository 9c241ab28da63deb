package io.crmflow.handover;

import java.util.List;
import java.util.Map;

import io.crmflow.audit.AuditTrail;
import io.crmflow.audit.FieldChange;
import org.camunda.bpm.engine.RuntimeService;

/**
 * Records whose owner lives only in their running process (a quote or contract waiting for approval: its opportunity's
 * owner, in the variable {@code owner}). The handover moves that variable with the instance; handing over here is the
 * audit entry that says so. The business key is the record's id.
 */
public abstract class ProcessOwnedRecords implements OwnedRecords {

    private final RuntimeService runtime;
    private final AuditTrail audit;
    private final String processKey;
    private final String type;

    protected ProcessOwnedRecords(RuntimeService runtime, AuditTrail audit, String processKey, String type) {
        this.runtime = runtime;
        this.audit = audit;
        this.processKey = processKey;
        this.type = type;
    }

    /** The record of a running instance: its label, region and the record it moves with. */
    protected abstract OpenRecord record(long id, String processInstanceId);

    @Override
    public List<OpenRecord> openRecordsOf(String owner) {
        return runtime.createProcessInstanceQuery().processDefinitionKey(processKey).variableValueEquals(Handovers.OWNER_VARIABLE, owner)
                .orderByProcessInstanceId().asc().list().stream()
                .map(instance -> record(Long.parseLong(instance.getBusinessKey()), instance.getId())).toList();
    }

    @Override
    public void handOver(String owner, Map<Long, String> successors, String actor) {
        successors.forEach((id, successor) -> audit.record(actor, REASON, List.of(FieldChange.of(type, id, "owner", owner, successor))));
    }
}
