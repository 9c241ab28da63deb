package io.crmflow.contract;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The owner's answer to a rejection: the revised terms, which go to the approvers again. */
public record ContractRevision(@NotBlank @Size(max = 4000) String terms) {
}
