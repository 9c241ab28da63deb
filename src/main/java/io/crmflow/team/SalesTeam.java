package io.crmflow.team;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import io.crmflow.audit.AuditTrail;
import io.crmflow.security.CrmflowGroup;
import io.crmflow.security.CurrentUser;
import io.crmflow.audit.FieldChange;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Who sells where: rep profiles (the inputs of lead assignment) and the manager of each region. */
@Service
public class SalesTeam {

    private static final String REP_COLUMNS = "user_id, regions, product_lines, industries, capacity, active";

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final ProfileColumn<Region> regions = new ProfileColumn<>(Region.class);
    private final ProfileColumn<ProductLine> productLines = new ProfileColumn<>(ProductLine.class);
    private final ProfileColumn<Industry> industries = new ProfileColumn<>(Industry.class);

    public SalesTeam(JdbcClient jdbc, AuditTrail audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    public List<SalesRep> activeReps() {
        return jdbc.sql("select " + REP_COLUMNS + " from sales_rep where active order by user_id").query(this::repOf).list();
    }

    public List<SalesRep> allReps() {
        return jdbc.sql("select " + REP_COLUMNS + " from sales_rep order by user_id").query(this::repOf).list();
    }

    /** The active profile of a rep. */
    public Optional<SalesRep> rep(String userId) {
        return jdbc.sql("select " + REP_COLUMNS + " from sales_rep where active and user_id = ?").param(userId).query(this::repOf).optional();
    }

    public Optional<String> managerOf(Region region) {
        return jdbc.sql("select user_id from region_manager where region = ?").param(region.name()).query(String.class).optional();
    }

    public Map<Region, String> managers() {
        return jdbc.sql("select region, user_id from region_manager").query((rs, row) -> Map.entry(Region.valueOf(rs.getString(1)), rs.getString(2)))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, TreeMap::new));
    }

    /** The regions the user manages as a member of {@code sales-manager}; none for anyone else. */
    public Set<Region> regionsManagedBy(CurrentUser user) {
        return user.isIn(CrmflowGroup.SALES_MANAGER) ? regionsManagedBy(user.userId()) : Set.of();
    }

    public Set<Region> regionsManagedBy(String userId) {
        return jdbc.sql("select region from region_manager where user_id = ?").param(userId)
                .query((rs, row) -> Region.valueOf(rs.getString(1))).set();
    }

    /** Creates or changes a rep's profile; what changed goes to the audit log under {@code actor}. */
    @Transactional
    public SalesRep saveRep(SalesRep rep, String actor) {
        Optional<SalesRep> before = allReps().stream().filter(existing -> existing.userId().equals(rep.userId())).findFirst();
        int updated = jdbc.sql("update sales_rep set regions = ?, product_lines = ?, industries = ?, capacity = ?, active = ? where user_id = ?")
                .params(csv(rep.regions()), csv(rep.productLines()), csv(rep.industries()), rep.capacity(), rep.active(), rep.userId())
                .update();
        if (updated == 0) {
            jdbc.sql("insert into sales_rep (user_id, regions, product_lines, industries, capacity, active) values (?, ?, ?, ?, ?, ?)")
                    .params(rep.userId(), csv(rep.regions()), csv(rep.productLines()), csv(rep.industries()), rep.capacity(), rep.active())
                    .update();
        }
        audit.record(actor, List.of(
                FieldChange.of("sales_rep", rep.userId(), "regions", before.map(old -> csv(old.regions())).orElse(null), csv(rep.regions())),
                FieldChange.of("sales_rep", rep.userId(), "productLines", before.map(old -> csv(old.productLines())).orElse(null),
                        csv(rep.productLines())),
                FieldChange.of("sales_rep", rep.userId(), "industries", before.map(old -> csv(old.industries())).orElse(null),
                        csv(rep.industries())),
                FieldChange.of("sales_rep", rep.userId(), "capacity", before.map(SalesRep::capacity).orElse(null), rep.capacity()),
                FieldChange.of("sales_rep", rep.userId(), "active", before.map(SalesRep::active).orElse(null), rep.active())));
        return rep;
    }

    @Transactional
    public void setManager(Region region, String userId, String actor) {
        Optional<String> before = managerOf(region);
        if (jdbc.sql("update region_manager set user_id = ? where region = ?").params(userId, region.name()).update() == 0) {
            jdbc.sql("insert into region_manager (region, user_id) values (?, ?)").params(region.name(), userId).update();
        }
        audit.record(actor, List.of(FieldChange.of("region_manager", region, "userId", before.orElse(null), userId)));
    }

    private static String csv(Set<? extends Enum<?>> values) {
        return values.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
    }

    private SalesRep repOf(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new SalesRep(rs.getString("user_id"), regions.parse(rs.getString("regions")),
                productLines.parse(rs.getString("product_lines")), industries.parse(rs.getString("industries")),
                rs.getInt("capacity"), rs.getBoolean("active"));
    }

    /**
     * A profile column (comma-separated enum names) parsed once per distinct text: the whole team is read for every lead
     * assignment, and parsing every rep's three columns each time was a visible share of a lead's intake (JFR). The sets
     * handed out are shared, hence unmodifiable. The texts are the team's profiles, a handful of combinations, written
     * only by the people who manage the team.
     */
    private static final class ProfileColumn<E extends Enum<E>> {

        private final Class<E> type;
        private final Map<String, Set<E>> parsed = new ConcurrentHashMap<>();

        ProfileColumn(Class<E> type) {
            this.type = type;
        }

        Set<E> parse(String csv) {
            return parsed.computeIfAbsent(csv, text -> Collections.unmodifiableSet(Arrays.stream(text.split(","))
                    .filter(part -> !part.isBlank()).map(name -> Enum.valueOf(type, name.trim()))
                    .collect(Collectors.toCollection(() -> EnumSet.noneOf(type)))));
        }
    }
}
