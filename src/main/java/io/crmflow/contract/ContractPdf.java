package io.crmflow.contract;

import static io.crmflow.pdf.PdfDocuments.DAY_AND_TIME;
import static io.crmflow.pdf.PdfDocuments.money;

import com.lowagie.text.Paragraph;
import io.crmflow.opportunity.Opportunity;
import io.crmflow.pdf.PdfDocuments;
import io.crmflow.quote.QuoteLinesTable;
import org.springframework.stereotype.Component;

/** Renders an approved contract as PDF: parties, the quoted lines, amount, terms and who approved it. */
@Component
class ContractPdf {

    private final PdfDocuments documents;

    ContractPdf(PdfDocuments documents) {
        this.documents = documents;
    }

    byte[] render(ContractService.ContractDocument document) {
        Contract contract = document.contract();
        Opportunity opportunity = document.opportunity();
        return documents.render("合同 Contract " + contract.number(), (page, fonts) -> {
            page.add(new Paragraph("合同 Contract " + contract.number(), fonts.title()));
            page.add(new Paragraph("客户 Customer: " + (opportunity.company() == null ? opportunity.name() : opportunity.company()), fonts.text()));
            page.add(new Paragraph("商机 Opportunity: " + opportunity.name() + "    销售 Sales rep: " + opportunity.ownerId(), fonts.text()));
            page.add(new Paragraph("报价 Quote: " + document.quote().number() + "    批准日期 Approved: " + DAY_AND_TIME.format(contract.decidedAt()),
                    fonts.text()));
            page.add(QuoteLinesTable.of(document.quote().lines(), fonts));
            page.add(new Paragraph("合同金额 Contract amount: " + contract.currency() + " " + money(contract.amount()), fonts.bold()));
            if (contract.terms() != null) {
                page.add(new Paragraph("条款 Terms: " + contract.terms(), fonts.text()));
            }
            contract.approvals().stream().filter(a -> a.round() == contract.round()).forEach(approval -> page.add(new Paragraph(
                    "审批 Approved by " + approval.decider() + " (" + approval.step().label() + "), " + DAY_AND_TIME.format(approval.decidedAt()),
                    fonts.text())));
        });
    }
}
