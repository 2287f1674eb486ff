package com.chaching.catalog;

import static com.chaching.platform.SqlValues.instant;
import static com.chaching.platform.SqlValues.utc;

import com.chaching.platform.JsonColumns;
import com.chaching.platform.LikePatterns;
import com.chaching.platform.Page;
import com.chaching.platform.PageRequest;
import com.chaching.platform.Tenant;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Products. */
@Repository
class ProductRepository {

    private final JdbcClient jdbc;
    private final JsonColumns json;
    private final RowMapper<Product> rows;

    ProductRepository(JdbcClient jdbc, JsonColumns json) {
        this.jdbc = jdbc;
        this.json = json;
        this.rows = this::product;
    }

    /** Inserts the product; false when its name is taken in the account (ignoring case). */
    boolean insert(Tenant tenant, Product product) {
        return jdbc.sql("""
                        insert into products (account_id, product_id, name, description, active, tax_code, unit_label, metadata,
                                              created_at, updated_at)
                        values (:accountId, :id, :name, :description, :active, :taxCode, :unitLabel, cast(:metadata as jsonb),
                                :createdAt, :updatedAt)
                        on conflict (account_id, lower(name)) do nothing
                        """)
                .param("accountId", tenant.accountId())
                .param("id", product.id())
                .param("name", product.name())
                .param("description", product.description())
                .param("active", product.active())
                .param("taxCode", product.taxCode())
                .param("unitLabel", product.unitLabel())
                .param("metadata", json.write(product.metadata()))
                .param("createdAt", utc(product.createdAt()))
                .param("updatedAt", utc(product.updatedAt()))
                .update() == 1;
    }

    Optional<Product> find(Tenant tenant, String id) {
        return jdbc.sql("select * from products where account_id = :accountId and product_id = :id")
                .param("accountId", tenant.accountId())
                .param("id", id)
                .query(rows)
                .optional();
    }

    /** Locks the product for the caller's transaction: its prices are created and deleted under this lock. */
    Optional<Product> lock(Tenant tenant, String id) {
        return jdbc.sql("select * from products where account_id = :accountId and product_id = :id for update")
                .param("accountId", tenant.accountId())
                .param("id", id)
                .query(rows)
                .optional();
    }

    boolean nameTakenByAnother(Tenant tenant, String name, String productId) {
        return jdbc.sql("""
                        select count(*) from products
                         where account_id = :accountId and lower(name) = lower(:name) and product_id <> :id
                        """)
                .param("accountId", tenant.accountId())
                .param("name", name)
                .param("id", productId)
                .query(Long.class)
                .single() > 0;
    }

    void update(Tenant tenant, Product product) {
        jdbc.sql("""
                        update products
                           set name = :name, description = :description, active = :active, tax_code = :taxCode,
                               unit_label = :unitLabel, metadata = cast(:metadata as jsonb), updated_at = :updatedAt
                         where account_id = :accountId and product_id = :id
                        """)
                .param("accountId", tenant.accountId())
                .param("id", product.id())
                .param("name", product.name())
                .param("description", product.description())
                .param("active", product.active())
                .param("taxCode", product.taxCode())
                .param("unitLabel", product.unitLabel())
                .param("metadata", json.write(product.metadata()))
                .param("updatedAt", utc(product.updatedAt()))
                .update();
    }

    /** Deletes the product and, by the schema's cascade, its prices. */
    void delete(Tenant tenant, String id) {
        jdbc.sql("delete from products where account_id = :accountId and product_id = :id")
                .param("accountId", tenant.accountId())
                .param("id", id)
                .update();
    }

    Page<Product> list(Tenant tenant, ProductFilter filter, PageRequest page) {
        StringBuilder sql = new StringBuilder("select * from products where account_id = :accountId");
        Map<String, Object> params = new HashMap<>();
        params.put("accountId", tenant.accountId());
        if (filter.active() != null) {
            sql.append(" and active = :active");
            params.put("active", filter.active());
        }
        if (filter.search() != null && !filter.search().isBlank()) {
            sql.append(" and name ilike :pattern escape '\\'");
            params.put("pattern", LikePatterns.containing(filter.search().strip()));
        }
        return page.fetch(jdbc, sql.toString(), params, rows, PageRequest.cursorIn(jdbc, tenant, "products", "product_id"));
    }

    private Product product(ResultSet rs, int row) throws SQLException {
        return new Product(
                rs.getString("product_id"),
                "product",
                rs.getString("name"),
                rs.getString("description"),
                rs.getBoolean("active"),
                rs.getString("tax_code"),
                rs.getString("unit_label"),
                json.readMetadata(rs.getString("metadata")),
                instant(rs, "created_at"),
                instant(rs, "updated_at"));
    }
}
