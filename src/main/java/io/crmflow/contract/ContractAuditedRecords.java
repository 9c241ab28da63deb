package io.crmflow.contract;

import io.crmflow.audit.AuditedRecords;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/** A contract's audit history (payments included) is readable to whoever may see the contract. */
@Component
class ContractAuditedRecords implements AuditedRecords {

    private final ContractService contracts;

    ContractAuditedRecords(ContractService contracts) {
        this.contracts = contracts;
    }

    @Override
    public String entity() {
        return "contract";
    }

    @Override
    public void requireVisible(long id, Authentication caller) {
        contracts.visible(id, caller);
    }
}
