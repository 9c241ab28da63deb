package io.crmflow.quote;

import io.crmflow.PostgresTest;

/** The quote API tests again, on the real PostgreSQL of the machine with the {@code postgres} profile. */
@PostgresTest
class PostgresQuoteApiTest extends QuoteApiTest {
}
