package com.chaching.catalog;

import static com.chaching.platform.SqlValues.instant;
import static com.chaching.platform.SqlValues.utc;

import com.chaching.platform.CurrencyCode;
import com.chaching.platform.JsonColumns;
import com.chaching.platform.Page;
import com.chaching.platform.PageRequest;
import com.chaching.platform.Tenant;
import com.chaching.tax.TaxBehavior;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Prices. */
@Repository
class PriceRepository {

    private final JdbcClient jdbc;
    private final JsonColumns json;
    private final RowMapper<Price> rows;

    PriceRepository(JdbcClient jdbc, JsonColumns json) {
        this.jdbc = jdbc;
        this.json = json;
        this.rows = this::price;
    }

    /** Inserts the price; false when its lookup key is taken in the account. */
    boolean insert(Tenant tenant, Price price) {
        return jdbc.sql("""
                        insert into prices (account_id, price_id, product_id, currency, unit_amount, type, recurring_interval,
                                            recurring_interval_count, tax_behavior, nickname, description, lookup_key, active,
                                            metadata, created_at, updated_at)
                        values (:accountId, :id, :product, :currency, :unitAmount, :type, :interval, :intervalCount,
                                :taxBehavior, :nickname, :description, :lookupKey, :active, cast(:metadata as jsonb),
                                :createdAt, :updatedAt)
                        on conflict (account_id, lookup_key) do nothing
                        """)
                .params(columns(tenant, price))
                .param("createdAt", utc(price.createdAt()))
                .update() == 1;
    }

    Optional<Price> find(Tenant tenant, String id) {
        return jdbc.sql("select * from prices where account_id = :accountId and price_id = :id")
                .param("accountId", tenant.accountId())
                .param("id", id)
                .query(rows)
                .optional();
    }

    Optional<Price> lock(Tenant tenant, String id) {
        return jdbc.sql("select * from prices where account_id = :accountId and price_id = :id for update")
                .param("accountId", tenant.accountId())
                .param("id", id)
                .query(rows)
                .optional();
    }

    boolean lookupKeyTakenByAnother(Tenant tenant, String lookupKey, String priceId) {
        return jdbc.sql("""
                        select count(*) from prices where account_id = :accountId and lookup_key = :lookupKey and price_id <> :id
                        """)
                .param("accountId", tenant.accountId())
                .param("lookupKey", lookupKey)
                .param("id", priceId)
                .query(Long.class)
                .single() > 0;
    }

    /** The product's prices, locked for the caller's transaction (the product's delete takes them with it). */
    List<Price> lockAllOfProduct(Tenant tenant, String productId) {
        return jdbc.sql("""
                        select * from prices where account_id = :accountId and product_id = :productId
                         order by price_id for update
                        """)
                .param("accountId", tenant.accountId())
                .param("productId", productId)
                .query(rows)
                .list();
    }

    void update(Tenant tenant, Price price) {
        jdbc.sql("""
                        update prices
                           set currency = :currency, unit_amount = :unitAmount, type = :type, recurring_interval = :interval,
                               recurring_interval_count = :intervalCount, tax_behavior = :taxBehavior, nickname = :nickname,
                               description = :description, lookup_key = :lookupKey, active = :active,
                               metadata = cast(:metadata as jsonb), updated_at = :updatedAt
                         where account_id = :accountId and price_id = :id
                        """)
                .params(columns(tenant, price))
                .update();
    }

    void delete(Tenant tenant, String id) {
        jdbc.sql("delete from prices where account_id = :accountId and price_id = :id")
                .param("accountId", tenant.accountId())
                .param("id", id)
                .update();
    }

    Page<Price> list(Tenant tenant, PriceFilter filter, PageRequest page) {
        StringBuilder sql = new StringBuilder("select * from prices where account_id = :accountId");
        Map<String, Object> params = new HashMap<>();
        params.put("accountId", tenant.accountId());
        if (filter.product() != null) {
            sql.append(" and product_id = :product");
            params.put("product", filter.product());
        }
        if (filter.active() != null) {
            sql.append(" and active = :active");
            params.put("active", filter.active());
        }
        if (filter.type() != null) {
            sql.append(" and type = :type");
            params.put("type", filter.type().value());
        }
        if (filter.currency() != null) {
            sql.append(" and currency = :currency");
            params.put("currency", filter.currency());
        }
        if (filter.lookupKey() != null) {
            sql.append(" and lookup_key = :lookupKey");
            params.put("lookupKey", filter.lookupKey());
        }
        return page.fetch(jdbc, sql.toString(), params, rows, PageRequest.cursorIn(jdbc, tenant, "prices", "price_id"));
    }

    private Map<String, Object> columns(Tenant tenant, Price price) {
        Map<String, Object> columns = new HashMap<>();
        columns.put("accountId", tenant.accountId());
        columns.put("id", price.id());
        columns.put("product", price.product());
        columns.put("currency", price.currency().code());
        columns.put("unitAmount", price.unitAmount());
        columns.put("type", price.type().value());
        columns.put("interval", price.recurring() == null ? null : price.recurring().interval().value());
        columns.put("intervalCount", price.recurring() == null ? null : price.recurring().count());
        columns.put("taxBehavior", price.taxBehavior().value());
        columns.put("nickname", price.nickname());
        columns.put("description", price.description());
        columns.put("lookupKey", price.lookupKey());
        columns.put("active", price.active());
        columns.put("metadata", json.write(price.metadata()));
        columns.put("updatedAt", utc(price.updatedAt()));
        return columns;
    }

    private Price price(ResultSet rs, int row) throws SQLException {
        String interval = rs.getString("recurring_interval");
        return new Price(
                rs.getString("price_id"),
                "price",
                rs.getString("product_id"),
                CurrencyCode.of(rs.getString("currency")),
                rs.getLong("unit_amount"),
                PriceType.fromValue(rs.getString("type")),
                interval == null ? null : new Recurring(Recurring.Interval.fromValue(interval), rs.getInt("recurring_interval_count")),
                TaxBehavior.fromValue(rs.getString("tax_behavior")),
                rs.getString("nickname"),
                rs.getString("description"),
                rs.getString("lookup_key"),
                rs.getBoolean("active"),
                json.readMetadata(rs.getString("metadata")),
                instant(rs, "created_at"),
                instant(rs, "updated_at"));
    }
}
