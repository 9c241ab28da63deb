package io.crmflow.lead;

import io.crmflow.PostgresTest;

/** Every path of the lead process again, on the real PostgreSQL. */
@PostgresTest
class PostgresLeadQualificationProcessTest extends LeadQualificationProcessTest {
}
