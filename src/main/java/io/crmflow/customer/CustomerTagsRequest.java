package io.crmflow.customer;

import java.util.List;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The tags a customer carries from now on, each one of the managers' list. */
record CustomerTagsRequest(@NotNull @Size(max = 20) List<@NotNull @Size(max = 50) String> tags) {
}
