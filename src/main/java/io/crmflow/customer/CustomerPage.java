package io.crmflow.customer;

import java.util.List;

/** One page of a customer list: {@code total} counts every match, {@code items} the customers of page {@code page}. */
public record CustomerPage(long total, int page, int size, List<Customer> items) {
}
