package db.migration;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.crmflow.lead.LeadKeys;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * The demo-era customers (V5) get the folded name that de-duplication compares (docs/product.md §3.1 folding), and existing
 * opportunities are linked to the customer whose folded name their company folds to. Java, because the folding is the
 * lead feature's and SQL cannot repeat it. Two names folding to one key keep only the first key, so the migration
 * never fails on old data; what could not be keyed or linked is reported in the log.
 */
public class V21__Customer_name_keys extends BaseJavaMigration {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(V21__Customer_name_keys.class);

    @Override
    public void migrate(Context context) throws Exception {
        Set<String> seen = new HashSet<>();
        try (Statement select = context.getConnection().createStatement();
             ResultSet customers = select.executeQuery("select id, name from customer where name_key is null order by id");
             PreparedStatement update = context.getConnection().prepareStatement("update customer set name_key = ? where id = ?")) {
            while (customers.next()) {
                String key = LeadKeys.company(customers.getString("name"));
                if (key == null || !seen.add(key)) {
                    log.warn("Customer {} '{}' has the same folded name as an earlier one: left without a name key",
                            customers.getLong("id"), customers.getString("name"));
                    continue;
                }
                update.setString(1, key);
                update.setLong(2, customers.getLong("id"));
                update.executeUpdate();
            }
        }
        linkOpportunities(context);
    }

    private static void linkOpportunities(Context context) throws Exception {
        Map<String, Long> customers = new HashMap<>();
        try (Statement select = context.getConnection().createStatement();
             ResultSet keyed = select.executeQuery("select id, name_key from customer where name_key is not null")) {
            while (keyed.next()) {
                customers.put(keyed.getString("name_key"), keyed.getLong("id"));
            }
        }
        List<String> unlinked = new ArrayList<>();
        try (Statement select = context.getConnection().createStatement();
             ResultSet opportunities = select.executeQuery("select id, coalesce(company, name) as company from opportunity where customer_id is null order by id");
             PreparedStatement link = context.getConnection().prepareStatement("update opportunity set customer_id = ? where id = ?")) {
            while (opportunities.next()) {
                Long customer = customers.get(LeadKeys.company(opportunities.getString("company")));
                if (customer == null) {
                    unlinked.add(opportunities.getLong("id") + " '" + opportunities.getString("company") + "'");
                    continue;
                }
                link.setLong(1, customer);
                link.setLong(2, opportunities.getLong("id"));
                link.executeUpdate();
            }
        }
        if (!unlinked.isEmpty()) {
            log.warn("{} opportunities match no customer by folded company name and stay unlinked: {}", unlinked.size(), unlinked);
        }
    }
}
