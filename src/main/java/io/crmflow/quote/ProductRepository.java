package io.crmflow.quote;

import static io.crmflow.persistence.SqlTimes.timestamp;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class ProductRepository {

    private static final String COLUMNS = "id, sku, name, category, list_price, stock, active";

    private final JdbcClient jdbc;

    ProductRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Product> findAll(String category, boolean activeOnly) {
        String where = (category == null ? "1 = 1" : "category = :category") + (activeOnly ? " and active = true" : "");
        JdbcClient.StatementSpec query = jdbc.sql("select " + COLUMNS + " from product where " + where + " order by category, name");
        return (category == null ? query : query.param("category", category)).query(ProductRepository::map).list();
    }

    Optional<Product> findById(long id) {
        return jdbc.sql("select " + COLUMNS + " from product where id = ?").param(id).query(ProductRepository::map).optional();
    }

    List<Product> findByIds(Collection<Long> ids) {
        return jdbc.sql("select " + COLUMNS + " from product where id in (:ids)").param("ids", ids).query(ProductRepository::map).list();
    }

    boolean skuTaken(String sku, long exceptId) {
        return jdbc.sql("select count(*) from product where sku = ? and id <> ?").params(sku.trim(), exceptId).query(Long.class).single() > 0;
    }

    /** Active products of the category, other than the one short of stock, that have any stock: most in stock first. */
    List<Product> inStockOfCategory(String category, long exceptId) {
        return jdbc.sql("select " + COLUMNS + " from product where category = ? and id <> ? and active = true and stock > 0 "
                        + "order by stock desc, list_price, id")
                .params(category, exceptId).query(ProductRepository::map).list();
    }

    long insert(ProductRequest product, Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        withValues(jdbc.sql("""
                        insert into product (sku, name, category, list_price, stock, active, created_at, updated_at)
                        values (:sku, :name, :category, :listPrice, :stock, :active, :now, :now)
                        """), product, now)
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    void update(long id, ProductRequest product, Instant now) {
        withValues(jdbc.sql("""
                        update product set sku = :sku, name = :name, category = :category, list_price = :listPrice, stock = :stock,
                               active = :active, updated_at = :now
                        where id = :id
                        """), product, now)
                .param("id", id)
                .update();
    }

    private static JdbcClient.StatementSpec withValues(JdbcClient.StatementSpec statement, ProductRequest product, Instant now) {
        return statement.param("sku", product.sku().trim())
                .param("name", product.name().trim())
                .param("category", product.category().trim())
                .param("listPrice", product.listPrice())
                .param("stock", product.stock())
                .param("active", product.activeOrDefault())
                .param("now", timestamp(now));
    }

    private static Product map(ResultSet rs, int row) throws SQLException {
        return new Product(rs.getLong("id"), rs.getString("sku"), rs.getString("name"), rs.getString("category"),
                rs.getBigDecimal("list_price"), rs.getInt("stock"), rs.getBoolean("active"));
    }
}
