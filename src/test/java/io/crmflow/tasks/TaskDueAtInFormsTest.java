package io.crmflow.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.crmflow.IntegrationTest;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A task's due time and priority from rules/task-deadline.dmn (docs/product.md §16); the exact due time in its form,
 * filled in from the task's due date when the form is loaded, in Beijing time, and never stored as a variable.
 */
class TaskDueAtInFormsTest extends IntegrationTest {

    @Autowired
    TaskService taskService;

    @Test
    void theFormShowsTheDueDateInBeijingTimeAndFollowsAChangedDueDate() {
        JsonNode lead = southWestClinicLead();
        String owner = lead.get("owner").asText();
        String processInstanceId = lead.get("processInstanceId").asText();
        Task task = taskService.createTaskQuery().processInstanceId(processInstanceId).singleResult();
        assertThat(task.getDueDate()).as("every task has a due date").isNotNull();

        assertThat(dueAtInForm(owner, task.getId(), "")).isEqualTo(inBeijingTime(task.getDueDate()));
        assertThat(as(owner).getForObject("/engine-rest/task/" + task.getId() + "/form-variables?variableNames=leadName", JsonNode.class)
                .has("dueAt")).as("only when the form asks for it").isFalse();
        assertThat(taskService.getVariables(task.getId())).doesNotContainKey("dueAt");
        assertThat(jdbc.sql("select count(*) from act_hi_varinst where proc_inst_id_ = ? and name_ = 'dueAt'").param(processInstanceId)
                .query(Long.class).single()).as("nor in the history").isZero();

        Date later = Date.from(task.getDueDate().toInstant().plus(3, ChronoUnit.DAYS).plus(90, ChronoUnit.MINUTES));
        task.setDueDate(later);
        taskService.saveTask(task);
        assertThat(dueAtInForm(owner, task.getId(), "?variableNames=dueAt,leadName")).isEqualTo(inBeijingTime(later));
    }

    /** rules/task-deadline.dmn: a grade-A lead's task has priority 75 (its grade read from the process, not the new task). */
    @Test
    void aLeadTaskIsPrioritisedByTheLeadsGrade() {
        JsonNode lead = southWestClinicLead();
        assertThat(lead.get("grade").asText()).isEqualTo("A");
        Task task = taskService.createTaskQuery().processInstanceId(lead.get("processInstanceId").asText()).singleResult();

        assertThat(task.getPriority()).isEqualTo(75);
    }

    /** A lead of the one rep in the south-west, so that the lead tests' assignments in the east are not disturbed. */
    private JsonNode southWestClinicLead() {
        return as("mia").postForObject("/api/leads", Map.of("name", "王芳", "company", unique("杭州康复医院"), "email",
                unique("wang.fang") + "@example.cn", "phone", uniquePhone(), "source", "REFERRAL", "region", "SOUTHWEST", "industry",
                "CLINIC", "productLine", "CONSUMABLES", "visits30d", 12, "dwellSeconds", 640), JsonNode.class);
    }

    private String dueAtInForm(String reader, String taskId, String query) {
        JsonNode form = as(reader).getForObject("/engine-rest/task/" + taskId + "/form-variables" + query, JsonNode.class);
        assertThat(form.get("dueAt").get("type").asText()).isEqualTo("String");
        return form.get("dueAt").get("value").asText();
    }

    private static String inBeijingTime(Date date) {
        return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(date.toInstant().atZone(ZoneId.of("Asia/Shanghai"))) + " 北京时间 Beijing time";
    }
}
