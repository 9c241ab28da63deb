package io.crmflow.quote;

import java.math.BigDecimal;
import java.util.List;

/** A quote line asking for more than is in stock, with what could be offered instead. */
public record StockShortage(int line, long productId, String productName, String category, int requested, int inStock,
                            List<Substitute> substitutes) {

    /** An active product of the same category with stock; {@code enough} = it covers the whole line. */
    public record Substitute(long productId, String sku, String name, int stock, BigDecimal listPrice, boolean enough) {
    }
}
