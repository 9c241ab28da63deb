package io.crmflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.crmflow.IntegrationTest;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * What Camunda Modeler's "Deploy" button does: a multipart POST to {@code /engine-rest/deployment/create}. Process
 * designers may, others may not; a running instance stays on its version, a new one starts on the latest.
 */
class ModelerDeploymentTest extends IntegrationTest {

    @Autowired
    RepositoryService repositoryService;

    @Autowired
    RuntimeService runtimeService;

    private ResponseEntity<JsonNode> deployFromModeler(String user, String processKey, String taskName) {
        String bpmn = Bpmn.convertToString(Bpmn.createExecutableProcess(processKey).camundaHistoryTimeToLive(30)
                .startEvent().userTask("Task_Review").name(taskName).endEvent().done());
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("deployment-name", "modeler-" + processKey);
        form.add("deployment-source", "Camunda Modeler");
        form.add("deploy-changed-only", "true");
        form.add("data", new HttpEntity<>(new ByteArrayResource(bpmn.getBytes()) {
            @Override
            public String getFilename() {
                return processKey + ".bpmn";
            }
        }, fileHeaders()));
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return as(user).postForEntity("/engine-rest/deployment/create", new HttpEntity<>(form, headers), JsonNode.class);
    }

    private static HttpHeaders fileHeaders() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_OCTET_STREAM);
        return headers;
    }

    @Test
    void processDesignersDeployAndRunningInstancesKeepTheirVersion() {
        String key = unique("designer-review").replace("-", "_");
        ResponseEntity<JsonNode> first = deployFromModeler("pat", key, "Review v1");
        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.OK);
        ProcessInstance running = runtimeService.startProcessInstanceByKey(key, "order-1");

        ResponseEntity<JsonNode> second = deployFromModeler("pat", key, "Review v2");

        assertThat(second.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey(key).count()).isEqualTo(2);
        ProcessInstance started = runtimeService.startProcessInstanceByKey(key, "order-2");
        assertThat(repositoryService.getProcessDefinition(running.getProcessDefinitionId()).getVersion()).isEqualTo(1);
        assertThat(repositoryService.getProcessDefinition(started.getProcessDefinitionId()).getVersion()).isEqualTo(2);
    }

    @Test
    void everyoneElseIsRefused() {
        for (String user : new String[] {"alice", "mia", "rui", "lily"}) {
            String key = unique("not-allowed").replace("-", "_");
            ResponseEntity<JsonNode> refused = deployFromModeler(user, key, "Sneaky");

            assertThat(refused.getStatusCode()).as(user).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey(key).count()).isZero();
        }
        assertThat(http.postForEntity("/engine-rest/deployment/create", null, String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }
}
