package io.crmflow.rules;

import io.crmflow.PostgresTest;

/** The rules API tests again, on the real PostgreSQL of the machine (bytea files, audit queries). */
@PostgresTest
class PostgresRulesApiTest extends RulesApiTest {
}
