package io.crmflow.ticket;

import io.crmflow.PostgresTest;

/** The ticket API tests again, on the real PostgreSQL of the machine with the {@code postgres} profile. */
@PostgresTest
class PostgresTicketApiTest extends TicketApiTest {
}
