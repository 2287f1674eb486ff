package com.chaching.payments;

import static com.chaching.platform.SqlValues.utc;

import com.chaching.platform.Tenant;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The revenue query of {@link RevenueService}, scoped by account. */
@Repository
class RevenueRepository {

    /** One currency's net of a local day: succeeded charges' amounts minus succeeded refunds' amounts. */
    record DayAmount(String currency, LocalDate day, long amount) {
    }

    private final JdbcClient jdbc;

    RevenueRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * One row per currency and local day (the zone's calendar day of created_at, the account clock's instant
     * the transaction was made) with anything on it, for transactions created in [from, until). The status and
     * types are literals so that the partial index transactions_revenue (V21) serves it.
     */
    List<DayAmount> netByLocalDay(Tenant tenant, ZoneId zone, Instant from, Instant until) {
        return jdbc.sql("""
                        select currency, (created_at at time zone :zone)::date as day,
                               sum(case when type = 'charge' then amount else -amount end) as amount
                          from transactions
                         where account_id = :accountId and status = 'succeeded' and type in ('charge', 'refund')
                           and created_at >= :from and created_at < :until
                         group by currency, day
                         order by currency, day
                        """)
                .param("accountId", tenant.accountId())
                .param("zone", zone.getId())
                .param("from", utc(from))
                .param("until", utc(until))
                .query((rs, row) -> new DayAmount(rs.getString("currency"), rs.getObject("day", LocalDate.class),
                        rs.getBigDecimal("amount").longValueExact()))
                .list();
    }
}
