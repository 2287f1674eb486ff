package com.chaching.tax;

import static com.chaching.platform.SqlValues.instant;
import static com.chaching.platform.SqlValues.utc;

import com.chaching.platform.AccountRows;
import com.chaching.platform.JsonColumns;
import com.chaching.platform.Page;
import com.chaching.platform.PageRequest;
import com.chaching.platform.Tenant;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Tax rates. */
@Repository
class TaxRateRepository {

    private final JdbcClient jdbc;
    private final JsonColumns json;
    private final RowMapper<TaxRate> rows;
    private final AccountRows<TaxRate> byId;

    TaxRateRepository(JdbcClient jdbc, JsonColumns json) {
        this.jdbc = jdbc;
        this.json = json;
        this.rows = this::taxRate;
        this.byId = new AccountRows<>(jdbc, "select r.* from tax_rates r", "r", "tax_rate_id", rows);
    }

    void insert(Tenant tenant, TaxRate rate) {
        jdbc.sql("""
                        insert into tax_rates (account_id, tax_rate_id, display_name, description, percentage, country, state,
                                               jurisdiction, active, metadata, created_at, updated_at)
                        values (:accountId, :id, :displayName, :description, :percentage, :country, :state,
                                :jurisdiction, :active, cast(:metadata as jsonb), :createdAt, :updatedAt)
                        """)
                .param("accountId", tenant.accountId())
                .param("id", rate.id())
                .param("displayName", rate.displayName())
                .param("description", rate.description())
                .param("percentage", rate.percentage())
                .param("country", rate.country())
                .param("state", rate.state())
                .param("jurisdiction", rate.jurisdiction())
                .param("active", rate.active())
                .param("metadata", json.write(rate.metadata()))
                .param("createdAt", utc(rate.createdAt()))
                .param("updatedAt", utc(rate.updatedAt()))
                .update();
    }

    Optional<TaxRate> find(Tenant tenant, String id) {
        return byId.find(tenant, id);
    }

    Optional<TaxRate> lock(Tenant tenant, String id) {
        return byId.lock(tenant, id);
    }

    /** The rates of this account among {@code ids}, in no particular order. */
    List<TaxRate> findAll(Tenant tenant, Collection<String> ids) {
        return byId.findAll(tenant, ids);
    }

    void update(Tenant tenant, TaxRate rate) {
        jdbc.sql("""
                        update tax_rates
                           set display_name = :displayName, description = :description, country = :country, state = :state,
                               jurisdiction = :jurisdiction, active = :active, metadata = cast(:metadata as jsonb),
                               updated_at = :updatedAt
                         where account_id = :accountId and tax_rate_id = :id
                        """)
                .param("accountId", tenant.accountId())
                .param("id", rate.id())
                .param("displayName", rate.displayName())
                .param("description", rate.description())
                .param("country", rate.country())
                .param("state", rate.state())
                .param("jurisdiction", rate.jurisdiction())
                .param("active", rate.active())
                .param("metadata", json.write(rate.metadata()))
                .param("updatedAt", utc(rate.updatedAt()))
                .update();
    }

    Page<TaxRate> list(Tenant tenant, TaxRateFilter filter, PageRequest page) {
        StringBuilder sql = new StringBuilder("select * from tax_rates where account_id = :accountId");
        Map<String, Object> params = new HashMap<>();
        params.put("accountId", tenant.accountId());
        if (filter.active() != null) {
            sql.append(" and active = :active");
            params.put("active", filter.active());
        }
        return page.fetch(jdbc, sql.toString(), params, rows, PageRequest.cursorIn(jdbc, tenant, "tax_rates", "tax_rate_id"));
    }

    private TaxRate taxRate(ResultSet rs, int row) throws SQLException {
        return new TaxRate(
                rs.getString("tax_rate_id"),
                "tax_rate",
                rs.getString("display_name"),
                rs.getString("description"),
                asEntered(rs.getBigDecimal("percentage")),
                rs.getString("country"),
                rs.getString("state"),
                rs.getString("jurisdiction"),
                rs.getBoolean("active"),
                json.readMetadata(rs.getString("metadata")),
                instant(rs, "created_at"),
                instant(rs, "updated_at"));
    }

    /** numeric(7,4) reads back as 8.8750; the API shows the decimal as it was entered, 8.875. */
    private static BigDecimal asEntered(BigDecimal stored) {
        BigDecimal plain = stored.stripTrailingZeros();
        return plain.scale() < 0 ? plain.setScale(0) : plain;
    }
}
