package io.crmflow.quote;

import java.math.BigDecimal;

/** A product of the catalogue: list price in CNY, units in stock. Inactive products cannot be quoted any more. */
public record Product(long id, String sku, String name, String category, BigDecimal listPrice, int stock, boolean active) {
}
