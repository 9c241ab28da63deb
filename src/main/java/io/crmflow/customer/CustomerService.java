package io.crmflow.customer;

import static io.crmflow.process.EngineClock.now;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.crmflow.audit.AuditTrail;
import io.crmflow.audit.AuditedRecords;
import io.crmflow.audit.FieldChange;
import io.crmflow.lead.Lead;
import io.crmflow.lead.LeadKeys;
import io.crmflow.lead.LeadQualified;
import io.crmflow.notify.Channel;
import io.crmflow.notify.Notification;
import io.crmflow.notify.Notifications;
import io.crmflow.opportunity.CustomerOrders;
import io.crmflow.opportunity.OpportunityEntered;
import io.crmflow.rules.ActiveRuleSet;
import io.crmflow.team.Region;
import io.crmflow.team.SalesTeam;
import io.crmflow.web.ConflictException;
import io.crmflow.web.ForbiddenException;
import io.crmflow.web.InvalidRequestException;
import io.crmflow.web.NotFoundException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Customers and their contacts (docs/product.md §12). One customer per folded name and per credit code; its owner is a rep of its
 * region; its tier comes from rules/customer-tier.dmn unless a manager pinned one. Every change is audited.
 */
@Service
public class CustomerService implements AuditedRecords {

    static final String ENTITY = "customer";
    static final String CONTACT_ENTITY = "customer_contact";
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private static final Map<String, Function<Customer, ?>> AUDITED = new LinkedHashMap<>();
    private static final Map<String, Function<Contact, ?>> AUDITED_CONTACT = new LinkedHashMap<>();

    static {
        AUDITED.put("name", Customer::name);
        AUDITED.put("creditCode", Customer::creditCode);
        AUDITED.put("industry", Customer::industry);
        AUDITED.put("region", Customer::region);
        AUDITED.put("address", Customer::address);
        AUDITED.put("owner", Customer::owner);
        AUDITED.put("tier", Customer::tier);
        AUDITED.put("pinnedTier", Customer::pinnedTier);
        AUDITED.put("pinReason", Customer::pinReason);
        AUDITED.put("lifecycle", Customer::lifecycle);
        AUDITED.put("tags", customer -> String.join(",", customer.tags()));
        AUDITED_CONTACT.put("name", Contact::name);
        AUDITED_CONTACT.put("role", Contact::role);
        AUDITED_CONTACT.put("title", Contact::title);
        AUDITED_CONTACT.put("phone", Contact::phone);
        AUDITED_CONTACT.put("email", Contact::email);
        AUDITED_CONTACT.put("wechat", Contact::wechat);
    }

    private final CustomerRepository customers;
    private final CustomerDecisions decisions;
    private final CustomerOrders orders;
    private final CustomerAccess access;
    private final SalesTeam team;
    private final ActiveRuleSet rules;
    private final AuditTrail audit;
    private final Notifications notifications;

    CustomerService(CustomerRepository customers, CustomerDecisions decisions, CustomerOrders orders, CustomerAccess access,
                    SalesTeam team, ActiveRuleSet rules, AuditTrail audit, Notifications notifications) {
        this.customers = customers;
        this.decisions = decisions;
        this.orders = orders;
        this.access = access;
        this.team = team;
        this.rules = rules;
        this.audit = audit;
        this.notifications = notifications;
    }

    // ------------------------------------------------------------------------------------------ for other features

    /** Name, tier in force and owner of a customer. */
    @Transactional(readOnly = true)
    public Optional<CustomerCard> card(long id) {
        return customers.findById(id).map(Customer::card);
    }

    /** The same for many customers, by id. */
    @Transactional(readOnly = true)
    public Map<Long, CustomerCard> cards(Collection<Long> ids) {
        Map<Long, CustomerCard> cards = new LinkedHashMap<>();
        customers.findAll(ids).forEach(customer -> cards.put(customer.id(), customer.card()));
        return cards;
    }

    /** The customers a rep owns. */
    @Transactional(readOnly = true)
    public List<Long> idsOwnedBy(String owner) {
        return customers.idsOwnedBy(owner);
    }

    /** Whether {@code contactId} is one of the customer's contacts (an activity may name it, docs/product.md §13). */
    @Transactional(readOnly = true)
    public boolean hasContact(long customerId, long contactId) {
        return customers.contact(customerId, contactId).isPresent();
    }

    // ------------------------------------------------------------------------------------------ API

    @Transactional
    Customer create(NewCustomer request, CustomerAccess.Viewer viewer) {
        if (!viewer.rep() && !viewer.manages(request.region())) {
            throw new ForbiddenException("Only sales reps and the manager of region " + request.region() + " enter its customers");
        }
        String owner = owner(request, viewer, null);
        String creditCode = CreditCodes.normalised(request.creditCode());
        String nameKey = nameKey(request.name());
        requireNoClash(nameKey, creditCode, null);
        return insert(request, nameKey, creditCode, owner, viewer.userId());
    }

    private Customer insert(NewCustomer request, String nameKey, String creditCode, String owner, String actor) {
        Instant now = now();
        // A new customer has won nothing yet: the tables decide on that, and are asked again as soon as it wins.
        CustomerTiering.Tiered tiered = rules.decide(CustomerTiering.MODEL, ruleSet -> CustomerTiering.decide(ruleSet, BigDecimal.ZERO));
        CustomerLifecycles.Staged staged = rules.decide(CustomerLifecycles.MODEL, ruleSet -> CustomerLifecycles.decide(ruleSet,
                new CustomerOrders.WonOrders(BigDecimal.ZERO, 0, null, null), false, now));
        long id;
        try {
            id = customers.insert(request, nameKey, creditCode, owner, tiered.tier(), staged.lifecycle(), actor, now);
        } catch (DuplicateKeyException concurrent) {
            requireNoClash(nameKey, creditCode, null);
            throw concurrent;
        }
        decisions.record(id, CustomerTiering.KIND, tiered.outcome(), Map.of("tier", tiered.tier().name()), now);
        decisions.record(id, CustomerLifecycles.KIND, staged.outcome(), Map.of("lifecycle", staged.lifecycle().name()), now);
        Customer created = get(id);
        audit.recordChanges(actor, ENTITY, id, null, created, AUDITED);
        return created;
    }

    /**
     * A lead was qualified: its company becomes a customer owned by the qualifying rep, or, when its name folds to an
     * existing customer's, that customer keeps its owner, who is told; either way the opportunity belongs to the
     * customer and the lead's person becomes a contact (unless one with the same phone or email is there).
     */
    @Transactional
    void takeOverQualifiedLead(LeadQualified qualified) {
        Lead lead = qualified.lead();
        String company = lead.company() == null || lead.company().isBlank() ? lead.name().strip() : lead.company().strip();
        String nameKey = LeadKeys.company(company);
        if (nameKey == null) {
            return;
        }
        Optional<Customer> existing = customers.findClash(nameKey, null, null);
        Customer customer;
        if (existing.isPresent()) {
            customer = existing.get();
            orders.link(qualified.opportunityId(), customer.id(), "客户已存在 Existing customer #" + customer.id() + " " + customer.name()
                    + "; its owner " + customer.owner() + " keeps it", qualified.owner());
            if (!customer.owner().equals(qualified.owner())) {
                notifications.send(new Notification(Channel.IM, customer.owner(), "您的客户有新商机 New opportunity for your customer " + customer.name(),
                        qualified.owner() + " 将线索 #" + lead.id() + " 转为商机 #" + qualified.opportunityId() + "；您仍是客户负责人。 "
                                + qualified.owner() + " qualified lead " + lead.id() + " into opportunity " + qualified.opportunityId()
                                + " of your customer; you remain its owner.",
                        "customer:" + customer.id(), "lead-qualified:" + lead.id()));
            }
        } else {
            customer = insert(new NewCustomer(company, null, lead.industry(), lead.region(), null, qualified.owner()), nameKey, null,
                    qualified.owner(), qualified.owner());
            orders.link(qualified.opportunityId(), customer.id(), "新客户 New customer #" + customer.id() + " " + customer.name()
                    + " from lead " + lead.id(), qualified.owner());
        }
        String phone = LeadKeys.phone(lead.phone());
        String email = LeadKeys.email(lead.email());
        boolean known = customers.contacts(customer.id()).stream()
                .anyMatch(contact -> phone != null && phone.equals(LeadKeys.phone(contact.phone()))
                        || email != null && email.equals(LeadKeys.email(contact.email())));
        if (!known) {
            long contactId = customers.insertContact(customer.id(), new NewContact(lead.name().strip(), null, null, lead.phone(), lead.email(), null),
                    qualified.owner(), now());
            audit.recordChanges(qualified.owner(), CONTACT_ENTITY, contactId, null, customers.contact(customer.id(), contactId).orElseThrow(),
                    AUDITED_CONTACT);
        }
    }

    /**
     * An opportunity entered by hand or imported belongs to the customer its company folds to, if there is one; no customer is
     * made up from it (a customer is entered, imported or comes from a qualified lead).
     */
    @Transactional
    void linkEntered(OpportunityEntered entered) {
        String nameKey = LeadKeys.company(entered.company());
        if (nameKey != null) {
            customers.findClash(nameKey, null, null).ifPresent(customer -> orders.link(entered.opportunityId(), customer.id(),
                    "客户 Customer #" + customer.id() + " " + customer.name() + " (公司名称相同 same company name)", entered.actor()));
        }
    }

    @Transactional
    Customer update(long id, NewCustomer request, CustomerAccess.Viewer viewer) {
        Customer before = changeable(id, viewer);
        String owner = owner(request, viewer, before);
        String creditCode = CreditCodes.normalised(request.creditCode());
        String nameKey = nameKey(request.name());
        requireNoClash(nameKey, creditCode, id);
        try {
            customers.update(id, request, nameKey, creditCode, owner, now());
        } catch (DuplicateKeyException concurrent) {
            requireNoClash(nameKey, creditCode, id);
            throw concurrent;
        }
        Customer after = get(id);
        audit.recordChanges(viewer.userId(), ENTITY, id, before, after, AUDITED);
        return after;
    }

    @Transactional(readOnly = true)
    Customer visible(long id, CustomerAccess.Viewer viewer) {
        Customer customer = get(id);
        if (!viewer.canSee(customer)) {
            throw new CustomerNotFoundException(id);
        }
        return customer;
    }

    @Transactional(readOnly = true)
    CustomerOverview overview(long id, CustomerAccess.Viewer viewer) {
        Customer customer = visible(id, viewer);
        boolean full = viewer.canChange(customer);
        List<CustomerDecision> decided = decisions.of(id);
        return new CustomerOverview(customer, customers.contacts(id).stream().map(contact -> ContactView.of(contact, full)).toList(),
                latest(decided, CustomerTiering.KIND), latest(decided, CustomerLifecycles.KIND), full ? orders.of(id) : List.of());
    }

    private static CustomerDecision latest(List<CustomerDecision> decided, String kind) {
        return decided.stream().filter(decision -> decision.kind().equals(kind)).reduce((first, second) -> second).orElse(null);
    }

    @Transactional(readOnly = true)
    CustomerPage list(CustomerFilter filter, CustomerAccess.Viewer viewer, int page, int size) {
        CustomerRepository.Page found = customers.find(filter, viewer, page, size);
        return new CustomerPage(found.total(), page, size, found.items());
    }

    @Transactional(readOnly = true)
    List<CustomerDecision> decisions(long id, CustomerAccess.Viewer viewer) {
        visible(id, viewer);
        return decisions.of(id);
    }

    /** A manager's tier wins over the table until it is taken back ({@code pin} null). */
    @Transactional
    Customer pinTier(long id, TierPin pin, CustomerAccess.Viewer viewer) {
        Customer before = visible(id, viewer);
        if (!viewer.manages(before.region())) {
            throw new ForbiddenException("Only the manager of region " + before.region() + " pins a customer's tier");
        }
        customers.pinTier(id, pin == null ? null : pin.tier(), pin == null ? null : pin.reason().strip(), viewer.userId(), now());
        Customer after = get(id);
        audit.recordChanges(viewer.userId(), ENTITY, id, before, after, AUDITED);
        return after;
    }

    /**
     * Decides the customer's tier and lifecycle again by the tables, on what it won (a won opportunity, the nightly
     * review); the tier in force stays a pinned one.
     */
    @Transactional
    public void decideAgain(long id, String actor) {
        Customer before = get(id);
        Instant now = now();
        CustomerOrders.WonOrders won = orders.wonBy(id, now.atZone(SHANGHAI).minusMonths(12).toInstant());
        boolean churnWarning = customers.hasOpenChurnWarning(id);
        CustomerTiering.Tiered tiered = rules.decide(CustomerTiering.MODEL, ruleSet -> CustomerTiering.decide(ruleSet, won.amountSince()));
        CustomerLifecycles.Staged staged = rules.decide(CustomerLifecycles.MODEL, ruleSet -> CustomerLifecycles.decide(ruleSet, won, churnWarning, now));
        customers.decideTier(id, tiered.tier(), now);
        customers.changeLifecycle(id, staged.lifecycle(), now);
        decisions.record(id, CustomerTiering.KIND, tiered.outcome(), Map.of("tier", tiered.tier().name()), now);
        decisions.record(id, CustomerLifecycles.KIND, staged.outcome(), Map.of("lifecycle", staged.lifecycle().name()), now);
        audit.recordChanges(actor, ENTITY, id, before, get(id), AUDITED);
    }

    /** The nightly review: every customer's tier and lifecycle decided again by the tables; returns how many were reviewed. */
    @Transactional
    public int reviewTiers() {
        List<Long> ids = customers.allIds();
        ids.forEach(id -> decideAgain(id, CustomerTierReview.ACTOR));
        return ids.size();
    }

    // ------------------------------------------------------------------------------------------ tags

    @Transactional(readOnly = true)
    List<TagOption> tagOptions() {
        return customers.tagOptions();
    }

    @Transactional
    TagOption addTagOption(TagOption option, CustomerAccess.Viewer viewer) {
        requireManager(viewer);
        String name = option.name().strip();
        if (customers.tagOption(name).isPresent()) {
            throw new ConflictException("Tag '" + name + "' is already on the list", Map.of("field", "name"));
        }
        customers.insertTagOption(option, viewer.userId(), now());
        audit.record(viewer.userId(), List.of(FieldChange.of("customer_tag_option", name, "label", null, option.label().strip())));
        return customers.tagOption(name).orElseThrow();
    }

    @Transactional
    void removeTagOption(String name, CustomerAccess.Viewer viewer) {
        requireManager(viewer);
        TagOption option = customers.tagOption(name).orElseThrow(() -> new NotFoundException("No tag '" + name + "' on the list"));
        if (!customers.deleteUnusedTagOption(name)) {
            throw new ConflictException("Tag '" + name + "' is still on customers; take it off them first");
        }
        audit.record(viewer.userId(), List.of(FieldChange.of("customer_tag_option", name, "label", option.label(), null)));
    }

    /** The customer's tags from now on; the owner tags their customers, the region's manager too. */
    @Transactional
    Customer tag(long id, List<String> tags, CustomerAccess.Viewer viewer) {
        Customer before = changeable(id, viewer);
        Set<String> offered = customers.tagOptions().stream().map(TagOption::name).collect(Collectors.toSet());
        List<String> unknown = tags.stream().filter(tag -> !offered.contains(tag)).toList();
        if (!unknown.isEmpty()) {
            throw new InvalidRequestException("tags", "Not on the managers' tag list: " + unknown + "; the list is " + new TreeSet<>(offered));
        }
        customers.replaceTags(id, new TreeSet<>(tags));
        Customer after = get(id);
        audit.recordChanges(viewer.userId(), ENTITY, id, before, after, AUDITED);
        return after;
    }

    private static void requireManager(CustomerAccess.Viewer viewer) {
        if (!viewer.admin() && viewer.managedRegions().isEmpty()) {
            throw new ForbiddenException("Only sales managers keep the list of customer tags");
        }
    }

    // ------------------------------------------------------------------------------------------ contacts

    @Transactional
    ContactView addContact(long customerId, NewContact request, CustomerAccess.Viewer viewer) {
        changeable(customerId, viewer);
        long id = customers.insertContact(customerId, request, viewer.userId(), now());
        Contact created = customers.contact(customerId, id).orElseThrow();
        audit.recordChanges(viewer.userId(), CONTACT_ENTITY, id, null, created, AUDITED_CONTACT);
        return ContactView.of(created, true);
    }

    @Transactional
    ContactView updateContact(long customerId, long contactId, NewContact request, CustomerAccess.Viewer viewer) {
        changeable(customerId, viewer);
        Contact before = contact(customerId, contactId);
        customers.updateContact(contactId, request, now());
        Contact after = contact(customerId, contactId);
        audit.recordChanges(viewer.userId(), CONTACT_ENTITY, contactId, before, after, AUDITED_CONTACT);
        return ContactView.of(after, true);
    }

    @Transactional(readOnly = true)
    List<ContactView> contacts(long customerId, CustomerAccess.Viewer viewer) {
        boolean full = viewer.canChange(visible(customerId, viewer));
        return customers.contacts(customerId).stream().map(contact -> ContactView.of(contact, full)).toList();
    }

    @Transactional(readOnly = true)
    ContactView visibleContact(long customerId, long contactId, CustomerAccess.Viewer viewer) {
        boolean full = viewer.canChange(visible(customerId, viewer));
        return ContactView.of(contact(customerId, contactId), full);
    }

    private Contact contact(long customerId, long contactId) {
        return customers.contact(customerId, contactId)
                .orElseThrow(() -> new NotFoundException("Customer " + customerId + " has no contact " + contactId));
    }

    // ------------------------------------------------------------------------------------------ rules of a customer

    private Customer get(long id) {
        return customers.findById(id).orElseThrow(() -> new CustomerNotFoundException(id));
    }

    /** A customer the viewer may change: 404 if they may not see it, 403 if they only read it. */
    Customer changeable(long id, CustomerAccess.Viewer viewer) {
        Customer customer = visible(id, viewer);
        if (!viewer.canChange(customer)) {
            throw new ForbiddenException("Only the owner of customer " + id + " and the manager of region " + customer.region() + " change it");
        }
        return customer;
    }

    /** The owner: the creating rep, or whom the region's manager names; always an active rep of the customer's region. */
    private String owner(NewCustomer request, CustomerAccess.Viewer viewer, Customer existing) {
        String current = existing == null ? viewer.userId() : existing.owner();
        String owner = request.owner() == null || request.owner().isBlank() ? current : request.owner().strip();
        if (!owner.equals(current) && !viewer.manages(request.region())) {
            throw new ForbiddenException("Only the manager of region " + request.region() + " names a customer's owner");
        }
        if (existing != null && existing.region() != request.region() && !viewer.manages(request.region()) && !viewer.manages(existing.region())) {
            throw new ForbiddenException("Only a manager moves a customer to another region");
        }
        Region region = request.region();
        if (team.activeReps().stream().noneMatch(rep -> rep.userId().equals(owner) && rep.regions().contains(region))) {
            throw new InvalidRequestException("owner", "'" + owner + "' is not an active sales rep of region " + region
                    + (request.owner() == null ? "; name the owner" : ""));
        }
        return owner;
    }

    private static String nameKey(String name) {
        String key = LeadKeys.company(name);
        if (key == null) {
            throw new InvalidRequestException("name", "'" + name.strip() + "' has no letters or digits besides a legal form");
        }
        return key;
    }

    private void requireNoClash(String nameKey, String creditCode, Long except) {
        customers.findClash(nameKey, creditCode, except).ifPresent(existing -> {
            boolean sameName = nameKey.equals(existing.nameKey());
            String field = sameName ? "name" : "creditCode";
            throw new ConflictException("Customer " + existing.id() + " '" + existing.name() + "' already has this "
                    + (sameName ? "name (folded: " + nameKey + ")" : "credit code " + creditCode),
                    Map.of("field", field, "existingCustomer", Map.of("id", existing.id(), "name", existing.name())));
        });
    }

    // ------------------------------------------------------------------------------------------ audit

    @Override
    public String entity() {
        return ENTITY;
    }

    @Override
    public void requireVisible(long id, Authentication caller) {
        visible(id, access.viewer(caller));
    }
}
