package io.crmflow.contract;

import java.util.List;

import io.crmflow.audit.AuditTrail;
import io.crmflow.handover.OpenRecord;
import io.crmflow.handover.ProcessOwnedRecords;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/** A rep's contracts waiting for approval or revision, in a handover: they move with their opportunity (docs/product.md §14). */
@Component
class ContractBook extends ProcessOwnedRecords {

    private final ContractService contracts;

    ContractBook(RuntimeService runtime, AuditTrail audit, ContractService contracts) {
        super(runtime, audit, ContractService.PROCESS_KEY, "contract");
        this.contracts = contracts;
    }

    @Override
    protected OpenRecord record(long id, String processInstanceId) {
        Contract contract = contracts.get(id);
        return new OpenRecord("contract", id, contract.number(), null, null, null, List.of(processInstanceId),
                OpenRecord.key("opportunity", contract.opportunityId()));
    }
}
