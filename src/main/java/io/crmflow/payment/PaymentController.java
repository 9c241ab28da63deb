package io.crmflow.payment;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Payments", description = "回款 Installment plans of approved contracts, payments and dunning (docs/product.md §3.8)")
class PaymentController {

    private final PaymentService payments;

    PaymentController(PaymentService payments) {
        this.payments = payments;
    }

    @GetMapping("/api/contracts/{contractId}/installments")
    @Operation(summary = "The contract's payment plan: each installment's due date, amount, paid, outstanding, status, days overdue",
            description = "status=OPEN|PARTIALLY_PAID|OVERDUE|PAID lists only those installments (the totals stay the contract's). "
                    + "OVERDUE: the installment's dunning ladder has started (rules/payment-collection.dmn) and it is not paid in full.")
    PaymentPlan plan(@PathVariable long contractId, @RequestParam(required = false) InstallmentStatus status, Authentication user) {
        return payments.plan(contractId, status, user);
    }

    @GetMapping("/api/contracts/{contractId}/payments")
    @Operation(summary = "Payments received for the contract, oldest first, with their allocation to installments")
    List<Payment> list(@PathVariable long contractId, Authentication user) {
        return payments.payments(contractId, user);
    }

    @PostMapping("/api/contracts/{contractId}/payments")
    @Operation(summary = "Record a payment received (finance, administrators)", description = "Allocated to the oldest open "
            + "installments; partial payments are fine. 422 for an over-payment (more than is outstanding) or a date in the future; "
            + "409 for a contract that is not approved or a reference already recorded. An installment it settles leaves the "
            + "dunning ladder; when all are paid the contract is PAID and its collection process ends.")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<RecordedPayment> record(@PathVariable long contractId, @Valid @RequestBody NewPayment payment, Authentication user) {
        RecordedPayment recorded = payments.record(contractId, payment, user);
        return ResponseEntity.created(URI.create("/api/contracts/" + contractId + "/payments")).body(recorded);
    }
}
