package io.crmflow.cluster;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

/** What the cluster tests post: grade-A leads in every region and P1 tickets, each unique within a run. */
final class Workload {

    private static final List<String> REGIONS = List.of("EAST", "SOUTH", "NORTH", "SOUTHWEST");
    /** Reps added per region, each a perfect match for every lead with room for all: a lead always finds a new owner. */
    private static final int REPS_PER_REGION = ShortTimerRules.RECLAIMS_PER_LEAD + 1;

    private Workload() {
    }

    /** A REFERRAL lead with 12 visits and 700 s dwell: score 100, grade A. */
    static ApiLoad.Submission lead(String run, int index) {
        String externalId = run + "-lead-" + index;
        String json = """
                {"externalId":"%s","name":"Contact %d","company":"Cluster %s Hospital %d","email":"lead%d.%s@cluster.example",
                 "phone":"+86 138 %08d","source":"REFERRAL","region":"%s","industry":"HOSPITAL","productLine":"DEVICES",
                 "visits30d":12,"dwellSeconds":700}""".formatted(externalId, index, run, index, index, run, index,
                REGIONS.get(index % REGIONS.size()));
        return new ApiLoad.Submission(externalId, "/api/leads", "mia", json);
    }

    /** A CRITICAL ticket: P1, so its SLA clocks run round the clock and no knowledge-base answer pauses them. */
    static ApiLoad.Submission ticket(String run, long customerId, int index) {
        String subject = run + " ticket " + index;
        String json = """
                {"customerId":%d,"severity":"CRITICAL","channel":"PHONE","subject":"%s","description":"Infusion pump %d alarms"}"""
                .formatted(customerId, subject, index);
        return new ApiLoad.Submission(subject, "/api/tickets", "sam", json);
    }

    /** An agent's first answer on a ticket: it meets the first-response clock, which ends that clock's timers. */
    static ApiLoad.Submission reply(long ticketId) {
        return new ApiLoad.Submission("reply-" + ticketId, "/api/tickets/" + ticketId + "/replies", "sam",
                "{\"body\":\"We are on it\"}");
    }

    /** Adds the reps; the schema must exist (a node has started). */
    static void addReps(JdbcClient jdbc) {
        for (String region : REGIONS) {
            for (int rep = 1; rep <= REPS_PER_REGION; rep++) {
                jdbc.sql("insert into sales_rep (user_id, regions, product_lines, industries, capacity) values (?, ?, ?, ?, ?)")
                        .params("cluster-" + region.toLowerCase() + "-" + rep, region, "OTC,PRESCRIPTION,DEVICES,CONSUMABLES",
                                "HOSPITAL,PHARMACY,CLINIC,DISTRIBUTOR", 1_000_000).update();
            }
        }
    }

    static long anyCustomer(JdbcClient jdbc) {
        return jdbc.sql("select min(id) from customer").query(Long.class).single();
    }
}
