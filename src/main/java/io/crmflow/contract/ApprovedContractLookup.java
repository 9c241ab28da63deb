package io.crmflow.contract;

import io.crmflow.opportunity.ApprovedContracts;
import org.springframework.stereotype.Component;

/** Tells the opportunity feature whether its NEGOTIATION stage's exit need, an approved contract, is met. */
@Component
class ApprovedContractLookup implements ApprovedContracts {

    private final ContractRepository contracts;

    ApprovedContractLookup(ContractRepository contracts) {
        this.contracts = contracts;
    }

    @Override
    public boolean existFor(long opportunityId) {
        return contracts.exists(opportunityId, ContractStatus.APPROVED, ContractStatus.PAID);
    }
}
