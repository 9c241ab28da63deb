package io.crmflow.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import io.crmflow.ProcessIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The job table gets its due-date index at start-up, after the engine made its schema, and again harmlessly at every start. */
class JobDueDateIndexTest extends ProcessIntegrationTest {

    @Autowired
    DataSource dataSource;

    @Test
    void theJobTableIsIndexedByDueDateAndAnotherStartKeepsIt() throws SQLException {
        assertThat(dueDateIndexColumns()).containsExactly("DUEDATE_");

        new JobDueDateIndex().postProcessEngineBuild(processEngine);

        assertThat(dueDateIndexColumns()).containsExactly("DUEDATE_");
    }

    private List<String> dueDateIndexColumns() throws SQLException {
        List<String> columns = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            // H2 keeps unquoted names in upper case, PostgreSQL in lower case.
            for (String table : List.of("ACT_RU_JOB", "act_ru_job")) {
                try (ResultSet index = connection.getMetaData().getIndexInfo(null, null, table, false, false)) {
                    while (index.next()) {
                        if ("CRMFLOW_IDX_JOB_DUEDATE".equalsIgnoreCase(index.getString("INDEX_NAME"))) {
                            columns.add(index.getString("COLUMN_NAME").toUpperCase());
                        }
                    }
                }
            }
        }
        return columns;
    }
}
