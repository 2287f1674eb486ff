package com.chaching.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The statement check of issue 16 on its own: it refuses the two statements Citus could not route (as they stood in
 * the code when the issue was filed) and accepts their fixed forms, with the tables the shipped script distributes.
 */
class OneAccountRuleTest {

    private final OneAccountRule rule = new OneAccountRule(CitusDistribution.shipped().distributedTables());

    /** TransactionRepository's SELECT, as AccountRows locked it, before issue 16: its subquery follows t's account. */
    private static final String TRANSACTION_LOCK_BEFORE = """
            select t.*, c.external_key as customer_key,
                   (select coalesce(sum(r.amount), 0) from transactions r
                     where r.account_id = t.account_id and r.source_transaction_id = t.transaction_id
                       and r.type = 'refund' and r.status = 'succeeded') as refunded_amount
              from transactions t
              left join customers c on c.account_id = t.account_id and c.customer_id = t.customer_id
             where t.account_id = :accountId and t.transaction_id = :id for update of t""";

    /** SubscriptionRepository.claimDue, until the bill run of issue 14 replaced it: a claim across every account. */
    private static final String CLAIM_DUE_BEFORE = """
            update subscriptions s set claimed_until = :claimedUntil
              from (select s.account_id, s.subscription_id
                      from subscriptions s
                      left join account_clocks k on k.account_id = s.account_id
                     where s.next_work_at <= :serverNow + make_interval(secs => coalesce(k.offset_seconds, 0))
                       and (s.claimed_until is null or s.claimed_until < :serverNow)
                     order by s.next_work_at
                     limit :limit
                       for update of s skip locked) due
             where s.account_id = due.account_id and s.subscription_id = due.subscription_id
            returning s.account_id, s.subscription_id, s.livemode, s.next_work_at
            """;

    @Test
    void theTransactionLockWhoseSubqueryFollowsTheOuterAccountIsRefused() {
        assertThat(rule.violations(TRANSACTION_LOCK_BEFORE))
                .containsExactly("reads transactions (as r) without naming one account: its account_id is not equal to a parameter"
                        + " or literal at its own query level");
        assertThat(rule.violations(TRANSACTION_LOCK_BEFORE + " skip locked")).hasSize(1);
    }

    @Test
    void theTransactionLockWithTheAccountBoundInItsSubqueryToo() {
        String fixed = TRANSACTION_LOCK_BEFORE.replace("r.account_id = t.account_id", "r.account_id = :accountId");

        assertThat(rule.violations(fixed)).isEmpty();
        assertThat(rule.violations(fixed + " skip locked")).isEmpty();
    }

    @Test
    void theClaimAcrossAccountsIsRefusedForItsLockAndForItsUpdate() {
        assertThat(rule.violations(CLAIM_DUE_BEFORE)).containsExactlyInAnyOrder(
                "updates or reads subscriptions (as s) without naming one account: its account_id is not equal to a parameter"
                        + " or literal at its own query level",
                "reads subscriptions (as s) without naming one account: its account_id is not equal to a parameter"
                        + " or literal at its own query level",
                "reads account_clocks (as k) without naming one account: its account_id is not equal to a parameter"
                        + " or literal at its own query level");
    }

    @Test
    void theClaimWithinOneAccountThatReplacedIt() {
        // SubscriptionRepository.lockDue: the engine first reads which accounts have due work, then claims within each.
        assertThat(rule.violations("""
                select s.*, c.external_key as customer_key
                  from subscriptions s
                  join customers c on c.account_id = s.account_id and c.customer_id = s.customer_id
                 where s.account_id = :accountId and s.next_work_at <= :accountNow
                   and (s.claimed_until is null or s.claimed_until < :serverNow)
                 order by s.next_work_at, s.subscription_id
                 limit :limit
                   for update of s skip locked
                """)).isEmpty();
    }

    @Test
    void aReadAcrossAccountsThatNeitherLocksNorWritesIsAllowed() {
        // Citus runs it on every shard; it is how the engine finds the accounts with due work.
        assertThat(rule.violations("""
                select s.account_id, s.livemode, count(*) as due
                  from subscriptions s
                  left join account_clocks k on k.account_id = s.account_id
                 where s.next_work_at <= :serverNow + make_interval(secs => coalesce(k.offset_seconds, 0))
                 group by s.account_id, s.livemode
                """)).isEmpty();
    }

    @Test
    void aWriteAcrossAccountsIsRefused() {
        assertThat(rule.violations("delete from idempotency_keys where expires_at <= ?")).hasSize(1);
        assertThat(rule.violations("delete from idempotency_keys where account_id = ? and expires_at <= ?")).isEmpty();
        assertThat(rule.violations("update invoices set status = 'void' where account_id = ? or invoice_id = ?")).hasSize(1);
        assertThat(rule.violations("update invoices set status = 'void' where account_id in (?, ?)")).hasSize(1);
    }

    @Test
    void aSubqueryOfAWriteNamesTheAccountToo() {
        assertThat(rule.violations("""
                update invoices set amount_paid = (select sum(t.amount) from transactions t where t.invoice_id = invoices.invoice_id)
                 where account_id = ?
                """)).hasSize(1);
        assertThat(rule.violations("""
                update invoices set amount_paid = (select sum(t.amount) from transactions t
                                                    where t.account_id = ? and t.invoice_id = invoices.invoice_id)
                 where account_id = ?
                """)).isEmpty();
        assertThat(rule.violations("""
                delete from subscription_items i where i.account_id = ?
                   and exists (select 1 from subscriptions s where s.account_id = i.account_id and s.status = 'canceled')
                """)).hasSize(1);
    }

    @Test
    void anInsertNamesItsAccountByTheValueItGives() {
        assertThat(rule.violations("insert into customers (account_id, customer_id) values (?, ?)")).isEmpty();
        assertThat(rule.violations("insert into customers (account_id, customer_id) values ('acct_1', ?), ('acct_2', ?)")).isEmpty();
        assertThat(rule.violations("insert into customers (customer_id) values (?)")).hasSize(1);
        // A delivery's account taken from a CTE's row names no account; taken from the endpoint the statement pins, it does.
        String fromCte = """
                with event as (insert into events (account_id, event_id) values (:accountId, :id) returning account_id, event_id)
                insert into webhook_deliveries (account_id, delivery_id, webhook_endpoint_id, event_id)
                select %s, 'whd_1', w.webhook_endpoint_id, e.event_id
                  from event e join webhook_endpoints w on w.account_id = :accountId
                """;
        assertThat(rule.violations(fromCte.formatted("e.account_id"))).hasSize(1);
        assertThat(rule.violations(fromCte.formatted("w.account_id"))).isEmpty();
    }

    @Test
    void referenceTablesAndTheCoordinatorsOwnAreNotChecked() {
        // Sign-up's insert into the reference table accounts, and Bucket4j's statements on rate_limit_buckets.
        assertThat(rule.violations("insert into accounts (account_id, email) values (?, ?) on conflict ((lower(email))) do nothing")).isEmpty();
        assertThat(rule.violations("update api_keys k set last_used_at = ? from accounts a where k.key_hash = ? and a.account_id = k.account_id"))
                .isEmpty();
        assertThat(rule.violations("SELECT state FROM rate_limit_buckets WHERE id = ? FOR UPDATE")).isEmpty();
        assertThat(rule.violations("DELETE FROM rate_limit_buckets WHERE id IN (SELECT id FROM rate_limit_buckets WHERE id = ? FOR UPDATE SKIP LOCKED)"))
                .isEmpty();
    }

    @Test
    void aStatementTheParserCannotReadIsRefused() {
        assertThat(rule.violations("update invoices set number = ? where account_id = ? and number is null"))
                .singleElement().asString().startsWith("JSqlParser cannot read it");
    }
}
