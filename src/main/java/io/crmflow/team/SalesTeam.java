package io.crmflow.team;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Who sells where: rep profiles and the manager of each region. */
@Service
public class SalesTeam {

    private final JdbcClient jdbc;

    public SalesTeam(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<SalesRep> activeReps() {
        return jdbc.sql("select user_id, regions, product_lines, industries, capacity from sales_rep where active order by user_id")
                .query((rs, row) -> new SalesRep(rs.getString("user_id"),
                        parse(rs.getString("regions"), Region.class),
                        parse(rs.getString("product_lines"), ProductLine.class),
                        parse(rs.getString("industries"), Industry.class),
                        rs.getInt("capacity")))
                .list();
    }

    public Optional<String> managerOf(Region region) {
        return jdbc.sql("select user_id from region_manager where region = ?").param(region.name()).query(String.class).optional();
    }

    public Set<Region> regionsManagedBy(String userId) {
        return jdbc.sql("select region from region_manager where user_id = ?").param(userId)
                .query((rs, row) -> Region.valueOf(rs.getString(1))).set();
    }

    private static <E extends Enum<E>> Set<E> parse(String csv, Class<E> type) {
        Function<String, E> byName = name -> Enum.valueOf(type, name.trim());
        return Arrays.stream(csv.split(",")).filter(part -> !part.isBlank()).map(byName)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(type)));
    }
}
