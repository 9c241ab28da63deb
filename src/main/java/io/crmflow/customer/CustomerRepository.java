package io.crmflow.customer;

import static io.crmflow.persistence.SqlTimes.instant;
import static io.crmflow.persistence.SqlTimes.timestamp;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.crmflow.team.Industry;
import io.crmflow.team.Region;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Customers, their contacts and the decisions about them. */
@Repository
class CustomerRepository {

    private static final String COLUMNS = "id, name, name_key, credit_code, industry, region, address, account_owner, tier, decided_tier, "
            + "pinned_tier, pin_reason, pinned_by, lifecycle, created_by, created_at, updated_at";
    private static final String CONTACT_COLUMNS = "id, customer_id, name, role, title, phone, email, wechat, created_by, created_at, updated_at";

    private final JdbcClient jdbc;

    CustomerRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // ------------------------------------------------------------------------------------------ customers

    Optional<Customer> findById(long id) {
        return jdbc.sql("select " + COLUMNS + " from customer where id = ?").param(id).query(CustomerRepository::customer).optional()
                .map(customer -> customer.withTags(tags(customer.id())));
    }

    /** A customer other than {@code except} with the same folded name or the same credit code. */
    Optional<Customer> findClash(String nameKey, String creditCode, Long except) {
        return jdbc.sql("select " + COLUMNS + " from customer where (name_key = :key or credit_code = :code) and id <> :except order by id")
                .param("key", nameKey).param("code", creditCode).param("except", except == null ? -1L : except)
                .query(CustomerRepository::customer).stream().findFirst();
    }

    long insert(NewCustomer customer, String nameKey, String creditCode, String owner, CustomerTier tier, CustomerLifecycle lifecycle,
                String actor, Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into customer (name, name_key, credit_code, industry, region, address, account_owner, tier, decided_tier,
                                              lifecycle, created_by, created_at, updated_at)
                        values (:name, :key, :code, :industry, :region, :address, :owner, :tier, :tier, :lifecycle, :actor, :now, :now)""")
                .param("name", customer.name().strip())
                .param("key", nameKey)
                .param("code", creditCode)
                .param("industry", customer.industry() == null ? null : customer.industry().name())
                .param("region", customer.region().name())
                .param("address", blankToNull(customer.address()))
                .param("owner", owner)
                .param("tier", tier.name())
                .param("lifecycle", lifecycle.name())
                .param("actor", actor)
                .param("now", timestamp(now))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    void update(long id, NewCustomer customer, String nameKey, String creditCode, String owner, Instant now) {
        jdbc.sql("""
                        update customer set name = :name, name_key = :key, credit_code = :code, industry = :industry, region = :region,
                                            address = :address, account_owner = :owner, updated_at = :now where id = :id""")
                .param("name", customer.name().strip())
                .param("key", nameKey)
                .param("code", creditCode)
                .param("industry", customer.industry() == null ? null : customer.industry().name())
                .param("region", customer.region().name())
                .param("address", blankToNull(customer.address()))
                .param("owner", owner)
                .param("now", timestamp(now))
                .param("id", id)
                .update();
    }

    /** A new table decision; the tier in force follows it unless a manager pinned one. */
    void decideTier(long id, CustomerTier decided, Instant now) {
        jdbc.sql("update customer set decided_tier = :tier, tier = coalesce(pinned_tier, :tier), updated_at = :now where id = :id")
                .param("tier", decided.name()).param("now", timestamp(now)).param("id", id).update();
    }

    /** Pins {@code tier} (null: unpins, the table's tier is in force again). */
    void pinTier(long id, CustomerTier tier, String reason, String actor, Instant now) {
        jdbc.sql("""
                        update customer set pinned_tier = :tier, pin_reason = :reason, pinned_by = :actor,
                                            tier = coalesce(:tier, decided_tier), updated_at = :now where id = :id""")
                .param("tier", tier == null ? null : tier.name()).param("reason", reason).param("actor", tier == null ? null : actor)
                .param("now", timestamp(now)).param("id", id).update();
    }

    /**
     * An unhandled churn warning (docs/product.md §7) makes a customer CHURNED. The warnings are the analytics feature's table, read
     * here like analytics reads every feature's tables: analytics depends on features that depend on customers.
     */
    boolean hasOpenChurnWarning(long id) {
        return jdbc.sql("select count(*) from churn_warning where customer_id = ? and handled_at is null").param(id).query(Long.class).single() > 0;
    }

    void changeLifecycle(long id, CustomerLifecycle lifecycle, Instant now) {
        jdbc.sql("update customer set lifecycle = ?, updated_at = ? where id = ?").params(lifecycle.name(), timestamp(now), id).update();
    }

    /** One page of the customers matching {@code filter} that {@code viewer} may see, newest first, and how many there are. */
    Page find(CustomerFilter filter, CustomerAccess.Viewer viewer, int page, int size) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (!viewer.seesAll()) {
            where.append(" and (account_owner = :viewer");
            params.put("viewer", viewer.userId());
            if (!viewer.managedRegions().isEmpty()) {
                where.append(" or region in (:managed)");
                params.put("managed", viewer.managedRegions().stream().map(Enum::name).toList());
            }
            where.append(")");
        }
        if (filter.owner() != null) {
            where.append(" and account_owner = :owner");
            params.put("owner", filter.owner());
        }
        if (filter.region() != null) {
            where.append(" and region = :region");
            params.put("region", filter.region().name());
        }
        if (filter.tier() != null) {
            where.append(" and tier = :tier");
            params.put("tier", filter.tier().name());
        }
        if (filter.lifecycle() != null) {
            where.append(" and lifecycle = :lifecycle");
            params.put("lifecycle", filter.lifecycle().name());
        }
        if (filter.tag() != null) {
            where.append(" and id in (select customer_id from customer_tag where tag = :tag)");
            params.put("tag", filter.tag());
        }
        if (filter.q() != null) {
            where.append(" and (lower(name) like :q escape '\\' or name_key like :q escape '\\')");
            params.put("q", "%" + filter.q().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        long total = jdbc.sql("select count(*) from customer" + where).params(params).query(Long.class).single();
        List<Customer> items = jdbc.sql("select " + COLUMNS + " from customer" + where + " order by id desc offset :offset rows fetch next :size rows only")
                .params(params).param("offset", (long) page * size).param("size", size)
                .query(CustomerRepository::customer).list();
        return new Page(total, withTags(items));
    }

    record Page(long total, List<Customer> items) {
    }

    List<Long> allIds() {
        return jdbc.sql("select id from customer order by id").query(Long.class).list();
    }

    List<Long> idsOwnedBy(String owner) {
        return jdbc.sql("select id from customer where account_owner = ?").param(owner).query(Long.class).list();
    }

    List<Customer> findAll(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return withTags(jdbc.sql("select " + COLUMNS + " from customer where id in (:ids)").param("ids", ids).query(CustomerRepository::customer).list());
    }

    private static Customer customer(ResultSet rs, int row) throws SQLException {
        return new Customer(rs.getLong("id"), rs.getString("name"), rs.getString("name_key"), rs.getString("credit_code"),
                rs.getString("industry") == null ? null : Industry.valueOf(rs.getString("industry")),
                rs.getString("region") == null ? null : Region.valueOf(rs.getString("region")), rs.getString("address"),
                rs.getString("account_owner"), CustomerTier.valueOf(rs.getString("tier")), tier(rs, "decided_tier"), tier(rs, "pinned_tier"),
                rs.getString("pin_reason"), rs.getString("pinned_by"), CustomerLifecycle.valueOf(rs.getString("lifecycle")), List.of(),
                rs.getString("created_by"), instant(rs, "created_at"), instant(rs, "updated_at"));
    }

    private static CustomerTier tier(ResultSet rs, String column) throws SQLException {
        return rs.getString(column) == null ? null : CustomerTier.valueOf(rs.getString(column));
    }

    // ------------------------------------------------------------------------------------------ tags

    private List<String> tags(long customerId) {
        return jdbc.sql("select tag from customer_tag where customer_id = ? order by tag").param(customerId).query(String.class).list();
    }

    private List<Customer> withTags(List<Customer> found) {
        if (found.isEmpty()) {
            return found;
        }
        Map<Long, List<String>> tags = new HashMap<>();
        jdbc.sql("select customer_id, tag from customer_tag where customer_id in (:ids) order by tag")
                .param("ids", found.stream().map(Customer::id).toList())
                .query((rs, row) -> Map.entry(rs.getLong(1), rs.getString(2))).list()
                .forEach(tag -> tags.computeIfAbsent(tag.getKey(), id -> new ArrayList<>()).add(tag.getValue()));
        return found.stream().map(customer -> customer.withTags(tags.getOrDefault(customer.id(), List.of()))).toList();
    }

    void replaceTags(long customerId, Collection<String> tags) {
        jdbc.sql("delete from customer_tag where customer_id = ?").param(customerId).update();
        tags.forEach(tag -> jdbc.sql("insert into customer_tag (customer_id, tag) values (?, ?)").params(customerId, tag).update());
    }

    List<TagOption> tagOptions() {
        return jdbc.sql("select name, label from customer_tag_option order by name").query((rs, row) -> new TagOption(rs.getString(1), rs.getString(2)))
                .list();
    }

    Optional<TagOption> tagOption(String name) {
        return jdbc.sql("select name, label from customer_tag_option where name = ?").param(name)
                .query((rs, row) -> new TagOption(rs.getString(1), rs.getString(2))).optional();
    }

    void insertTagOption(TagOption option, String actor, Instant now) {
        jdbc.sql("insert into customer_tag_option (name, label, created_by, created_at) values (?, ?, ?, ?)")
                .params(option.name().strip(), option.label().strip(), actor, timestamp(now)).update();
    }

    /** Deletes the option if no customer carries it; false when one does. */
    boolean deleteUnusedTagOption(String name) {
        if (jdbc.sql("select count(*) from customer_tag where tag = ?").param(name).query(Long.class).single() > 0) {
            return false;
        }
        return jdbc.sql("delete from customer_tag_option where name = ?").param(name).update() > 0;
    }

    // ------------------------------------------------------------------------------------------ contacts

    long insertContact(long customerId, NewContact contact, String actor, Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into customer_contact (customer_id, name, role, title, phone, email, wechat, created_by, created_at, updated_at)
                        values (:customer, :name, :role, :title, :phone, :email, :wechat, :actor, :now, :now)""")
                .param("customer", customerId)
                .params(contactParams(contact))
                .param("actor", actor)
                .param("now", timestamp(now))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    void updateContact(long contactId, NewContact contact, Instant now) {
        jdbc.sql("update customer_contact set name = :name, role = :role, title = :title, phone = :phone, email = :email, wechat = :wechat,"
                        + " updated_at = :now where id = :id")
                .params(contactParams(contact)).param("now", timestamp(now)).param("id", contactId).update();
    }

    private static Map<String, Object> contactParams(NewContact contact) {
        Map<String, Object> params = new HashMap<>();
        params.put("name", contact.name().strip());
        params.put("role", contact.role() == null ? null : contact.role().name());
        params.put("title", blankToNull(contact.title()));
        params.put("phone", blankToNull(contact.phone()));
        params.put("email", blankToNull(contact.email()));
        params.put("wechat", blankToNull(contact.wechat()));
        return params;
    }

    Optional<Contact> contact(long customerId, long contactId) {
        return jdbc.sql("select " + CONTACT_COLUMNS + " from customer_contact where customer_id = ? and id = ?").params(customerId, contactId)
                .query(CustomerRepository::contact).optional();
    }

    List<Contact> contacts(long customerId) {
        return jdbc.sql("select " + CONTACT_COLUMNS + " from customer_contact where customer_id = ? order by id").param(customerId)
                .query(CustomerRepository::contact).list();
    }

    private static Contact contact(ResultSet rs, int row) throws SQLException {
        return new Contact(rs.getLong("id"), rs.getLong("customer_id"), rs.getString("name"),
                rs.getString("role") == null ? null : ContactRole.valueOf(rs.getString("role")), rs.getString("title"),
                rs.getString("phone"), rs.getString("email"), rs.getString("wechat"), rs.getString("created_by"),
                instant(rs, "created_at"), instant(rs, "updated_at"));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
