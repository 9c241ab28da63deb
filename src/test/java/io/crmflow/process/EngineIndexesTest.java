package io.crmflow.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import io.crmflow.ProcessIntegrationTest;
import io.crmflow.process.EngineIndexes.EngineIndex;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Camunda's tables get crmflow's indexes at start-up, after the engine made its schema, and again harmlessly at every start. */
class EngineIndexesTest extends ProcessIntegrationTest {

    @Autowired
    DataSource dataSource;

    @Test
    void theEngineTablesHaveCrmflowsIndexesAndAnotherStartKeepsThem() throws SQLException {
        assertThat(EngineIndexes.INDEXES).extracting(EngineIndex::name)
                .containsExactly("CRMFLOW_IDX_JOB_DUEDATE", "CRMFLOW_IDX_TASK_PARENT", "CRMFLOW_IDX_JOB_LOCK_EXP");
        for (EngineIndex index : EngineIndexes.INDEXES) {
            assertThat(indexColumns(index)).as(index.name()).containsExactly(index.column());
        }

        new EngineIndexes().postProcessEngineBuild(processEngine);

        for (EngineIndex index : EngineIndexes.INDEXES) {
            assertThat(indexColumns(index)).as(index.name()).containsExactly(index.column());
        }
    }

    private List<String> indexColumns(EngineIndex engineIndex) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            // H2 keeps unquoted names in upper case, PostgreSQL in lower case.
            for (String table : List.of(engineIndex.table(), engineIndex.table().toLowerCase())) {
                try (ResultSet index = connection.getMetaData().getIndexInfo(null, null, table, false, false)) {
                    while (index.next()) {
                        if (engineIndex.name().equalsIgnoreCase(index.getString("INDEX_NAME"))) {
                            columns.add(index.getString("COLUMN_NAME").toUpperCase());
                        }
                    }
                }
            }
        }
        return columns;
    }
}
