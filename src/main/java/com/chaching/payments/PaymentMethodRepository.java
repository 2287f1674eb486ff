package com.chaching.payments;

import static com.chaching.platform.SqlValues.instant;
import static com.chaching.platform.SqlValues.utc;

import com.chaching.platform.AccountRows;
import com.chaching.platform.JsonColumns;
import com.chaching.platform.Page;
import com.chaching.platform.PageRequest;
import com.chaching.platform.Tenant;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Collection;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Payment methods, with the customer they are attached to shown by its external key. */
@Repository
class PaymentMethodRepository {

    /** A payment method as stored: what the API shows, plus what only the service sees. */
    record Stored(PaymentMethod paymentMethod, @Nullable String customerId, String gatewayToken) {
    }

    private static final String SELECT = """
            select pm.*, c.external_key as customer_external_key
              from payment_methods pm
              left join customers c on c.account_id = pm.account_id and c.customer_id = pm.customer_id
            """;

    private final JdbcClient jdbc;
    private final JsonColumns json;
    private final RowMapper<Stored> rows;
    private final AccountRows<Stored> byId;

    PaymentMethodRepository(JdbcClient jdbc, JsonColumns json) {
        this.jdbc = jdbc;
        this.json = json;
        this.rows = this::stored;
        this.byId = new AccountRows<>(jdbc, SELECT, "pm", "payment_method_id", rows);
    }

    void insert(Tenant tenant, PaymentMethod paymentMethod, String gatewayToken) {
        PaymentMethod.Card card = paymentMethod.card();
        jdbc.sql("""
                        insert into payment_methods (account_id, payment_method_id, type, gateway_token, brand, last4, exp_month,
                                                     exp_year, funding, country, billing_details, metadata, created_at, updated_at)
                        values (:accountId, :id, :type, :gatewayToken, :brand, :last4, :expMonth, :expYear, :funding, :country,
                                cast(:billingDetails as jsonb), cast(:metadata as jsonb), :createdAt, :updatedAt)
                        """)
                .param("accountId", tenant.accountId())
                .param("id", paymentMethod.id())
                .param("type", paymentMethod.type())
                .param("gatewayToken", gatewayToken)
                .param("brand", card.brand().value())
                .param("last4", card.last4())
                .param("expMonth", card.expMonth())
                .param("expYear", card.expYear())
                .param("funding", card.funding().value())
                .param("country", card.country())
                .param("billingDetails", json.write(paymentMethod.billingDetails()))
                .param("metadata", json.write(paymentMethod.metadata()))
                .param("createdAt", utc(paymentMethod.createdAt()))
                .param("updatedAt", utc(paymentMethod.updatedAt()))
                .update();
    }

    Optional<Stored> find(Tenant tenant, String id) {
        return byId.find(tenant, id);
    }

    /** The payment methods with these ids, by id. */
    Map<String, Stored> findAll(Tenant tenant, Collection<String> ids) {
        Map<String, Stored> found = new HashMap<>();
        byId.findAll(tenant, ids).forEach(stored -> found.put(stored.paymentMethod().id(), stored));
        return found;
    }

    /** Locks the payment method for the caller's transaction: attach and detach are decided one at a time. */
    Optional<Stored> lock(Tenant tenant, String id) {
        return byId.lock(tenant, id);
    }

    void setCustomer(Tenant tenant, String id, @Nullable String customerId, Instant now) {
        jdbc.sql("""
                        update payment_methods set customer_id = :customerId, updated_at = :now
                         where account_id = :accountId and payment_method_id = :id
                        """)
                .param("accountId", tenant.accountId())
                .param("id", id)
                .param("customerId", customerId)
                .param("now", utc(now))
                .update();
    }

    /** Detaches every payment method of the customer; returns their ids. */
    List<String> detachAll(Tenant tenant, String customerId, Instant now) {
        return jdbc.sql("""
                        update payment_methods set customer_id = null, updated_at = :now
                         where account_id = :accountId and customer_id = :customerId
                        returning payment_method_id
                        """)
                .param("accountId", tenant.accountId())
                .param("customerId", customerId)
                .param("now", utc(now))
                .query(String.class)
                .list();
    }

    boolean isAttached(Tenant tenant, String id, String customerId) {
        return jdbc.sql("""
                        select count(*) from payment_methods
                         where account_id = :accountId and payment_method_id = :id and customer_id = :customerId
                        """)
                .param("accountId", tenant.accountId())
                .param("id", id)
                .param("customerId", customerId)
                .query(Long.class)
                .single() > 0;
    }

    Page<PaymentMethod> list(Tenant tenant, @Nullable String customerId, @Nullable String type, PageRequest page) {
        StringBuilder sql = new StringBuilder("select * from (" + SELECT + " where pm.account_id = :accountId");
        Map<String, Object> params = new HashMap<>();
        params.put("accountId", tenant.accountId());
        if (customerId != null) {
            sql.append(" and pm.customer_id = :customerId");
            params.put("customerId", customerId);
        }
        if (type != null) {
            sql.append(" and pm.type = :type");
            params.put("type", type);
        }
        sql.append(") listed where true");
        Page<Stored> stored = page.fetch(jdbc, sql.toString(), params, rows,
                PageRequest.cursorIn(jdbc, tenant, "payment_methods", "payment_method_id"));
        return Page.of(stored.data().stream().map(Stored::paymentMethod).toList(), stored.hasMore());
    }

    private Stored stored(ResultSet rs, int row) throws SQLException {
        PaymentMethod paymentMethod = new PaymentMethod(
                rs.getString("payment_method_id"),
                "payment_method",
                rs.getString("type"),
                new PaymentMethod.Card(CardBrand.fromValue(rs.getString("brand")), rs.getString("last4"), rs.getInt("exp_month"),
                        rs.getInt("exp_year"), CardToken.Funding.fromValue(rs.getString("funding")), rs.getString("country")),
                json.read(rs.getString("billing_details"), BillingDetails.class),
                rs.getString("customer_external_key"),
                json.readMetadata(rs.getString("metadata")),
                instant(rs, "created_at"),
                instant(rs, "updated_at"));
        return new Stored(paymentMethod, rs.getString("customer_id"), rs.getString("gateway_token"));
    }
}
