package io.crmflow.opportunity;

import static io.crmflow.pdf.PdfDocuments.money;
import static io.crmflow.process.EngineClock.now;

import java.math.BigDecimal;
import java.time.Instant;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The opportunity's amount follows what was approved, because the forecast and the leaderboard read it:
 * <ul>
 * <li>A quote of the opportunity is approved: its net total becomes the amount.</li>
 * <li>A contract of the opportunity is approved (which wins it): its amount becomes the amount. The contract is the
 * final word, since it is what the customer signs: a quote approved after it leaves the amount as it is, whether it
 * would lower or raise it. So does a quote approved once the opportunity is closed: a lost opportunity keeps the
 * amount it was lost at. The timeline then says why the amount stayed.</li>
 * </ul>
 * An approval that leaves the amount equal records nothing. A change goes on the timeline (old → new CNY) and into the
 * audit log (field {@code amount}) under the approver whose decision made it, or {@code process} when no one had to
 * approve. Migration V13 applied the same rule to the opportunities that existed before it.
 */
@Service
public class OpportunityAmounts {

    private final OpportunityRepository opportunities;
    private final ApprovedContracts approvedContracts;

    OpportunityAmounts(OpportunityRepository opportunities, ApprovedContracts approvedContracts) {
        this.opportunities = opportunities;
        this.approvedContracts = approvedContracts;
    }

    /** In the transaction that approves quote {@code quoteNumber}, with the net total it was approved at. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void quoteApproved(long opportunityId, String quoteNumber, BigDecimal netTotal, String approver) {
        Opportunity opportunity = find(opportunityId);
        boolean contracted = approvedContracts.existFor(opportunityId);
        if (contracted || opportunity.stage().isClosed()) {
            if (!equal(opportunity.amount(), netTotal)) {
                opportunities.recordEvent(opportunityId, "AMOUNT_KEPT", "金额保持 Amount stays " + cny(opportunity.amount()) + " CNY: "
                        + (contracted ? "合同已批准 the contract is approved" : "商机已关闭 the opportunity is " + opportunity.stage()) + "; 报价 quote "
                        + quoteNumber + " (" + cny(netTotal) + " CNY) 不再改变金额 no longer changes it", approver, now());
            }
            return;
        }
        change(opportunity, netTotal, "报价 quote " + quoteNumber + " 已批准 approved", approver);
    }

    /** In the transaction that approves contract {@code contractNumber}, before it wins the opportunity. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void contractApproved(long opportunityId, String contractNumber, BigDecimal amount, String approver) {
        change(find(opportunityId), amount, "合同 contract " + contractNumber + " 已批准 approved", approver);
    }

    private void change(Opportunity opportunity, BigDecimal amount, String why, String actor) {
        if (equal(opportunity.amount(), amount)) {
            return;
        }
        Instant now = now();
        opportunities.changeAmount(opportunity.id(), amount, now, actor);
        opportunities.recordEvent(opportunity.id(), "AMOUNT_CHANGED", "金额 Amount " + cny(opportunity.amount()) + " → " + cny(amount) + " CNY: "
                + why, actor, now);
    }

    private Opportunity find(long id) {
        return opportunities.findById(id).orElseThrow(() -> new OpportunityNotFoundException(id));
    }

    private static String cny(BigDecimal amount) {
        return amount == null ? "—" : money(amount);
    }

    private static boolean equal(BigDecimal amount, BigDecimal other) {
        return amount != null && amount.compareTo(other) == 0;
    }
}
