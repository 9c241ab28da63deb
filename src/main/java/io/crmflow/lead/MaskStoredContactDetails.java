package io.crmflow.lead;

import java.util.List;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Databases from before {@link ContactDetailsInTaskForms}: running qualification processes held the lead's phone and
 * email in full, and the history kept them. On start, running instances get the masked values and the full ones leave
 * the history; a second start finds nothing to do. Masked values always contain {@code *}, which a phone number never
 * does (see {@link NewLead}) and an email address practically never.
 */
@Component
class MaskStoredContactDetails implements ApplicationRunner {

    private static final List<String> CONTACT_VARIABLES = List.of(ContactDetailsInTaskForms.PHONE, ContactDetailsInTaskForms.EMAIL);

    private final JdbcClient jdbc;
    private final RuntimeService runtime;
    private final HistoryService history;

    MaskStoredContactDetails(JdbcClient jdbc, RuntimeService runtime, HistoryService history) {
        this.jdbc = jdbc;
        this.runtime = runtime;
        this.history = history;
    }

    private record StoredContact(String processInstanceId, String name, String value) {

        String masked() {
            return name.equals(ContactDetailsInTaskForms.EMAIL) ? LeadAccess.maskEmail(value) : LeadAccess.maskPhone(value);
        }
    }

    @Override
    public void run(ApplicationArguments args) {
        List<StoredContact> running = jdbc.sql("""
                        select v.proc_inst_id_, v.name_, v.text_ from act_ru_variable v
                        join act_ru_execution e on e.id_ = v.proc_inst_id_ join act_re_procdef d on d.id_ = e.proc_def_id_
                        where d.key_ = :process and v.execution_id_ = v.proc_inst_id_ and v.name_ in (:names) and v.text_ not like '%*%'""")
                .param("process", LeadService.PROCESS_KEY).param("names", CONTACT_VARIABLES)
                .query((rs, row) -> new StoredContact(rs.getString(1), rs.getString(2), rs.getString(3))).list();
        for (StoredContact contact : running) {
            // A new variable rather than an update: the old one's history, full value included, can then go entirely.
            runtime.removeVariable(contact.processInstanceId(), contact.name());
            runtime.setVariable(contact.processInstanceId(), contact.name(), contact.masked());
        }
        jdbc.sql("select id_ from act_hi_varinst where proc_def_key_ = :process and name_ in (:names) and text_ not like '%*%'")
                .param("process", LeadService.PROCESS_KEY).param("names", CONTACT_VARIABLES)
                .query(String.class).list()
                .forEach(history::deleteHistoricVariableInstance);
    }
}
