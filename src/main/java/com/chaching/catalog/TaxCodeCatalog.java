package com.chaching.catalog;

import com.chaching.platform.LikePatterns;
import com.chaching.platform.Page;
import com.chaching.platform.PageRequest;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The tax-code catalog: one list for every account, seeded by a migration. */
@Repository
class TaxCodeCatalog {

    private static final RowMapper<TaxCode> ROWS = (rs, row) -> new TaxCode(rs.getString("tax_code_id"), "tax_code",
            rs.getString("name"), rs.getString("description"), new TaxCode.Category(rs.getString("category")));

    private final JdbcClient jdbc;

    TaxCodeCatalog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean exists(String taxCodeId) {
        return jdbc.sql("select count(*) from tax_codes where tax_code_id = :id").param("id", taxCodeId).query(Long.class).single() > 0;
    }

    Page<TaxCode> list(TaxCodeFilter filter, PageRequest page) {
        StringBuilder sql = new StringBuilder("select * from tax_codes where true");
        Map<String, Object> params = new HashMap<>();
        if (filter.search() != null && !filter.search().isBlank()) {
            sql.append(" and (tax_code_id ilike :pattern escape '\\' or name ilike :pattern escape '\\'"
                    + " or description ilike :pattern escape '\\' or category ilike :pattern escape '\\')");
            params.put("pattern", LikePatterns.containing(filter.search().strip()));
        }
        return page.fetch(jdbc, sql.toString(), params, ROWS, id -> jdbc
                .sql("select seq from tax_codes where tax_code_id = :id")
                .param("id", id)
                .query(Long.class)
                .optional());
    }
}
