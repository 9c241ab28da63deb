package io.crmflow.lead;

import io.crmflow.PostgresTest;

/** The lead API tests again, on the real PostgreSQL of the machine with the {@code postgres} profile. */
@PostgresTest
class PostgresLeadApiTest extends LeadApiTest {
}
