package io.crmflow.handover;

import java.util.List;

/**
 * One open record of a rep, as the handover lists it: what it is, what the assignment rules need to propose a successor
 * (region, product line, industry), the running process instances that belong to it, and, for a record that moves with
 * another (a quote or contract with its opportunity, a ticket with its customer), that other record's key.
 */
public record OpenRecord(String type, long id, String label, String region, String productLine, String industry,
                         List<String> processInstanceIds, String follows) {

    public OpenRecord {
        processInstanceIds = List.copyOf(processInstanceIds);
    }

    /** "lead:42": how the preview and the confirmation name the record. */
    public String key() {
        return key(type, id);
    }

    public static String key(String type, long id) {
        return type + ":" + id;
    }
}
