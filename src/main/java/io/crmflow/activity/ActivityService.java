package io.crmflow.activity;

import static io.crmflow.process.EngineClock.now;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.crmflow.audit.AuditTrail;
import io.crmflow.audit.AuditedRecords;
import io.crmflow.customer.CustomerLookup;
import io.crmflow.customer.CustomerService;
import io.crmflow.opportunity.CompanyOpportunity;
import io.crmflow.web.ForbiddenException;
import io.crmflow.web.InvalidRequestException;
import io.crmflow.web.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Activities with customers (docs/product.md §13). An activity is seen by whoever sees its customer; it is recorded and
 * corrected by the customer's owner, the region's manager and administrators (and by the owner through a follow-up
 * task). Its attachments are checked before anything is written, so a refused file leaves nothing behind. Creation and
 * every correction go to the audit log.
 */
@Service
public class ActivityService implements AuditedRecords {

    static final String ENTITY = "activity";
    /** Recorded later than this after it happened: late (docs/product.md §13, counted in data quality §7). */
    static final Duration LATE_AFTER = Duration.ofHours(72);
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final int MAX_LISTED = 500;

    private static final Map<String, Function<Activity, ?>> AUDITED = new LinkedHashMap<>();

    static {
        AUDITED.put("customerId", Activity::customerId);
        AUDITED.put("kind", Activity::kind);
        AUDITED.put("occurredAt", Activity::occurredAt);
        AUDITED.put("minutes", Activity::minutes);
        AUDITED.put("note", Activity::note);
        AUDITED.put("contactId", Activity::contactId);
        AUDITED.put("opportunityId", Activity::opportunityId);
        AUDITED.put("late", Activity::late);
        AUDITED.put("attachments", activity -> String.join(", ", activity.attachments().stream().map(Activity.AttachmentInfo::fileName).toList()));
    }

    private final ActivityRepository activities;
    private final AttachmentInspector inspector;
    private final CustomerService customers;
    private final CustomerLookup lookup;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;

    ActivityService(ActivityRepository activities, AttachmentInspector inspector, CustomerService customers, CustomerLookup lookup,
                    AuditTrail audit, ApplicationEventPublisher events) {
        this.activities = activities;
        this.inspector = inspector;
        this.customers = customers;
        this.lookup = lookup;
        this.audit = audit;
        this.events = events;
    }

    /** Records an activity through the API: the caller must be allowed to change the customer. */
    @Transactional
    Activity record(long customerId, NewActivity activity, List<AttachmentInspector.Upload> files, Authentication caller) {
        List<CompanyOpportunity> opportunities = requireChanger(customerId, caller);
        List<AttachmentInspector.Accepted> accepted = inspector.inspect(files);
        check(customerId, activity, opportunities);
        return insert(customerId, activity, accepted, caller.getName());
    }

    /** Records an activity the owner entered in a task's form (the task was theirs, so no further check of who they are). */
    @Transactional
    Activity recordFromTask(long customerId, NewActivity activity, String actor) {
        check(customerId, activity, List.of());
        return insert(customerId, activity, List.of(), actor);
    }

    private Activity insert(long customerId, NewActivity activity, List<AttachmentInspector.Accepted> files, String actor) {
        Instant now = now();
        long id = activities.insert(customerId, activity, isLate(activity.occurredAt(), now), actor, now);
        files.forEach(file -> activities.insertAttachment(id, file, now));
        Activity created = activities.find(customerId, id).orElseThrow();
        audit.recordChanges(actor, ENTITY, id, null, created, AUDITED);
        events.publishEvent(new ActivityRecorded(id, customerId, created.kind(), created.occurredAt(), actor));
        return created;
    }

    @Transactional
    Activity correct(long customerId, long id, NewActivity activity, Authentication caller) {
        List<CompanyOpportunity> opportunities = requireChanger(customerId, caller);
        Activity before = activities.find(customerId, id).orElseThrow(() -> notFound(customerId, id));
        check(customerId, activity, opportunities);
        activities.update(id, activity, isLate(activity.occurredAt(), before.recordedAt()), now());
        Activity after = activities.find(customerId, id).orElseThrow();
        audit.recordChanges(caller.getName(), ENTITY, id, before, after, AUDITED);
        return after;
    }

    @Transactional(readOnly = true)
    List<Activity> list(long customerId, int limit, Authentication caller) {
        customers.requireVisible(customerId, caller);
        return activities.list(customerId, Math.min(limit, MAX_LISTED));
    }

    @Transactional(readOnly = true)
    Activity get(long customerId, long id, Authentication caller) {
        customers.requireVisible(customerId, caller);
        return activities.find(customerId, id).orElseThrow(() -> notFound(customerId, id));
    }

    @Transactional(readOnly = true)
    ActivityRepository.StoredFile file(long customerId, long id, long attachmentId, Authentication caller) {
        get(customerId, id, caller);
        return activities.file(id, attachmentId)
                .orElseThrow(() -> new NotFoundException("Activity " + id + " has no attachment " + attachmentId));
    }

    private static boolean isLate(Instant occurredAt, Instant recordedAt) {
        return Duration.between(occurredAt, recordedAt).compareTo(LATE_AFTER) > 0;
    }

    /** The customer's opportunities when the caller may change the customer; 404 when they may not see it, 403 when only read it. */
    private List<CompanyOpportunity> requireChanger(long customerId, Authentication caller) {
        CustomerLookup.Seen seen = lookup.overview(customerId, caller);
        if (!seen.full()) {
            throw new ForbiddenException("Activities of customer " + customerId + " are recorded by its owner, the region's manager and administrators");
        }
        return seen.overview().opportunities() == null ? List.of() : seen.overview().opportunities();
    }

    /** Not later than tomorrow (Asia/Shanghai): planned visits may be entered a day ahead, not more. */
    private void check(long customerId, NewActivity activity, List<CompanyOpportunity> opportunities) {
        Instant latest = LocalDate.ofInstant(now(), SHANGHAI).plusDays(2).atStartOfDay(SHANGHAI).toInstant();
        if (!activity.occurredAt().isBefore(latest)) {
            throw new InvalidRequestException("occurredAt", "occurredAt " + activity.occurredAt() + " is after tomorrow (Asia/Shanghai): "
                    + "record an activity when it has happened");
        }
        if (activity.contactId() != null && !customers.hasContact(customerId, activity.contactId())) {
            throw new InvalidRequestException("contactId", "Contact " + activity.contactId() + " is not a contact of customer " + customerId);
        }
        if (activity.opportunityId() != null && opportunities.stream().noneMatch(opportunity -> opportunity.id() == activity.opportunityId())) {
            throw new InvalidRequestException("opportunityId", "Opportunity " + activity.opportunityId() + " is not one of customer "
                    + customerId + "'s opportunities");
        }
    }

    private static NotFoundException notFound(long customerId, long id) {
        return new NotFoundException("Customer " + customerId + " has no activity " + id);
    }

    @Override
    public String entity() {
        return ENTITY;
    }

    @Override
    public void requireVisible(long id, Authentication caller) {
        long customerId = activities.customerOf(id).orElseThrow(() -> new NotFoundException("Activity " + id + " does not exist"));
        customers.requireVisible(customerId, caller);
    }
}
