package io.crmflow.contract;

import java.math.BigDecimal;
import java.util.List;

/**
 * Keeps the payment plan a contract is drafted with. Payment collection is a feature of its own that builds on
 * contracts; it implements this so that drafting a contract can hand over the plan without depending on it.
 */
public interface InstallmentPlans {

    /**
     * Checks and stores the plan of a newly drafted contract; an empty plan means the default term of the rules applies
     * at approval. Throws {@link io.crmflow.web.InvalidRequestException} naming the installment that breaks a rule.
     */
    void plan(long contractId, BigDecimal contractAmount, List<PlannedInstallment> installments);
}
