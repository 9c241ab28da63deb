package io.crmflow.demo;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import io.crmflow.opportunity.CompanyOpportunity;
import io.crmflow.opportunity.OpportunityService;
import io.crmflow.process.EngineClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * About twelve months of history (docs/product.md §16), the same for the same seed: customers with contacts,
 * knowledge-base articles, leads of every source and grade (contacted, qualified, nurtured, disqualified), opportunities
 * whose stages reproduce the funnel of docs/product.md §7, quotes and contracts with their approvals, installments paid on
 * time, late or not at all, and tickets whose SLA clocks are met or breached.
 * <p>Every step is a call of the REST API by the person who would make it, at the step's time on the {@link DemoClock}:
 * steps are kept in time order and each schedules the next step of its record (a lead is contacted two hours after it
 * came in, qualified a day later, its opportunity moves on days later), so the engine sees one year pass in order.
 */
final class DemoHistoryGenerator {

    private static final Logger log = LoggerFactory.getLogger(DemoHistoryGenerator.class);
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final String[] SOURCES = {"REFERRAL", "TRADE_SHOW", "WEBSITE", "PARTNER", "WECHAT", "ONLINE_AD", "COLD_CALL", "OTHER"};
    private static final String[] LOSS_REASONS = {"PRICE", "COMPETITOR", "NO_BUDGET", "NO_DECISION", "OTHER"};
    private static final String[] SEVERITIES = {"CRITICAL", "HIGH", "MEDIUM", "MEDIUM", "LOW", "LOW"};
    private static final String[] CHANNELS = {"PHONE", "WECHAT", "EMAIL", "WEB"};
    private static final String[] CITIES = {"上海", "杭州", "南京", "苏州", "广州", "深圳", "北京", "天津", "成都", "重庆", "昆明", "厦门", "宁波", "东莞",
            "青岛", "贵阳"};
    private static final String[] KINDS = {"第一人民医院", "中心医院", "妇幼保健院", "康泰药房", "仁和诊所", "医药连锁", "中医院", "医疗器械有限公司"};
    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙"};
    private static final String[] GIVEN = {"伟", "芳", "娜", "敏", "静", "磊", "洋", "勇", "艳", "杰", "军", "涛"};
    private static final Map<String, String> PRODUCT_LINES = new TreeMap<>(Map.of("OTC", "非处方药", "PRESCRIPTION", "处方药",
            "DEVICES", "医疗设备", "CONSUMABLES", "耗材"));
    /** Visits and dwell seconds that, with each source's points, spread the leads over every grade of rules/lead-score.dmn. */
    private static final int[][] ENGAGEMENT = {{0, 0}, {2, 60}, {6, 320}, {12, 600}, {25, 1200}};

    /** How much history: opportunities reaching each funnel stage (docs/product.md §7), leads, customers, tickets. */
    record Scale(int[] reached, int otherLeads, int customers, int tickets, int articles) {

        /**
         * {@code opportunities} (a multiple of 125) reaching the funnel's stages with docs/product.md §7's conversions
         * 20 %/40 %/50 %/60 % (1000 → 1000/200/80/40/24); 30 % of them began as leads, with 12 % more leads nurtured,
         * disqualified or still waiting; tickets 15 %.
         */
        static Scale of(int opportunities) {
            if (opportunities <= 0 || opportunities % 125 != 0) {
                throw new IllegalArgumentException("crmflow.demo.history-opportunities must be a positive multiple of 125, not " + opportunities);
            }
            int n = opportunities;
            return new Scale(new int[] {n, n / 5, n * 2 / 25, n / 25, n * 3 / 125}, n * 3 / 25, Math.max(10, n / 25), n * 3 / 20, 12);
        }
    }

    record Summary(int steps, int failedSteps, long jobsRun, long jobsFailed, Duration took) {
    }

    private record Step(Instant at, long order, String what, Runnable action) {
    }

    private record Company(String name, String region, String industry, Long customerId) {
    }

    private final DemoApi api;
    private final DemoClock clock;
    private final OpportunityService opportunities;
    private final Random random;
    private final Instant now;
    private final Instant start;
    private final PriorityQueue<Step> steps = new PriorityQueue<>(Comparator.comparing(Step::at).thenComparingLong(Step::order));
    private final Map<String, List<String>> reps = Map.of("EAST", List.of("alice", "frank", "bob"), "SOUTH", List.of("chen"),
            "NORTH", List.of("dana"), "SOUTHWEST", List.of("eli"));
    private final Map<String, String> managers = Map.of("EAST", "mia", "SOUTH", "mia", "NORTH", "noah", "SOUTHWEST", "noah");
    private final List<Company> companies = new ArrayList<>();
    private final List<JsonNode> products = new ArrayList<>();
    private long order;
    private int installments;
    private int done;
    private int failed;

    DemoHistoryGenerator(DemoApi api, DemoClock clock, OpportunityService opportunities, long seed, Instant now) {
        this.api = api;
        this.clock = clock;
        this.opportunities = opportunities;
        this.random = new Random(seed);
        this.now = now;
        this.start = now.minus(Duration.ofDays(365));
    }

    Summary generate(Scale scale) {
        long began = System.nanoTime();
        schedule(start, "catalogue", () -> api.get("admin", "/api/products").forEach(product -> {
            if (product.path("stock").asInt() >= 10) {
                products.add(product);
            }
        }));
        for (int i = 0; i < scale.articles(); i++) {
            int article = i;
            schedule(start.plus(Duration.ofHours(1 + i)), "article", () -> article(article));
        }
        for (int i = 0; i < scale.customers(); i++) {
            int customer = i;
            schedule(start.plus(Duration.ofHours(2)).plus(Duration.ofDays(i % 20)), "customer", () -> customer(customer));
        }
        planOpportunities(scale);
        for (int i = 0; i < scale.otherLeads(); i++) {
            planLeadNotQualified(i, scale.otherLeads());
        }
        for (int i = 0; i < scale.tickets(); i++) {
            schedule(workingTime(start.plus(Duration.ofDays(30 + (long) i * 330 / scale.tickets()))), "ticket", this::ticket);
        }
        int total = steps.size();
        int reported = 0;
        while (!steps.isEmpty()) {
            Step step = steps.poll();
            clock.moveTo(step.at());
            try {
                step.action().run();
                done++;
            } catch (RuntimeException refused) {
                failed++;
                log.warn("Demo history: step '{}' at {} failed: {}", step.what(), step.at(), refused.getMessage());
            }
            int percent = (int) (100L * done / Math.max(total, done + steps.size()));
            if (percent >= reported + 10) {
                reported = percent - percent % 10;
                log.info("Demo history: {} % ({} steps, history up to {})", reported, done, step.at().atZone(SHANGHAI).toLocalDate());
            }
        }
        return new Summary(done, failed, clock.jobsRun(), clock.jobsFailed(), Duration.ofNanos(System.nanoTime() - began));
    }

    // ---- customers, contacts, articles

    private void customer(int index) {
        String region = pick(List.of("EAST", "EAST", "SOUTH", "NORTH", "SOUTHWEST"));
        String industry = pick(List.of("HOSPITAL", "PHARMACY", "CLINIC", "DISTRIBUTOR"));
        String name = CITIES[index % CITIES.length] + KINDS[(index / CITIES.length + index) % KINDS.length] + (index >= CITIES.length * 2 ? " " + (index + 1) : "");
        JsonNode created = api.post(managers.get(region), "/api/customers", Map.of("name", name, "region", region, "industry", industry,
                "owner", pick(reps.get(region)), "address", CITIES[index % CITIES.length] + "市 " + (index + 1) + " 号"));
        long id = created.get("id").asLong();
        companies.add(new Company(name, region, industry, id));
        String owner = created.get("owner").asText();
        api.post(owner, "/api/customers/" + id + "/contacts", Map.of("name", person(), "role", "DECISION_MAKER", "title", "院长 Director",
                "phone", phone()));
        api.post(owner, "/api/customers/" + id + "/contacts", Map.of("name", person(), "role", "PURCHASER", "title", "采购主任 Purchasing",
                "email", "purchasing" + id + "@demo.example.cn"));
    }

    private void article(int index) {
        String[][] topics = {{"监护仪报警", "监护仪,报警,alarm", "检查导联与电极片，重新设置报警阈值。"}, {"发票申请", "发票,invoice", "在订单页申请增值税发票，三个工作日内寄出。"},
                {"退货流程", "退货,return", "签收七日内可申请退货，附照片与批号。"}, {"系统登录失败", "登录,密码,login", "重置密码后清除浏览器缓存再试。"},
                {"配送延迟", "配送,物流,delivery", "查询物流单号；超过三天联系客服加急。"}, {"耗材批号查询", "批号,耗材,batch", "批号印在外包装侧面，可在追溯系统查询。"}};
        String[] topic = topics[index % topics.length];
        String suffix = index < topics.length ? "" : " (" + (index / topics.length + 1) + ")";
        api.post("lily", "/api/kb/articles", Map.of("title", topic[0] + suffix, "keywords", topic[1], "body", topic[2]));
    }

    // ---- the funnel

    /**
     * Which opportunity reaches which stage: the first {@code reached[k]} of a shuffled order reach stage k, so the funnel
     * counts are exact while the winners spread over reps, months and lead sources.
     */
    private void planOpportunities(Scale scale) {
        int count = scale.reached()[0];
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            order.add(i);
        }
        Collections.shuffle(order, random);
        for (int position = 0; position < count; position++) {
            int rank = order.get(position);
            int highest = 0;
            for (int stage = 1; stage < scale.reached().length; stage++) {
                if (rank < scale.reached()[stage]) {
                    highest = stage;
                }
            }
            OpportunityPlan plan = new OpportunityPlan(highest, highest == 4);
            Instant opened = start.plus(Duration.ofDays(21)).plus(Duration.ofMinutes(random.nextInt((int) Duration.between(start.plus(Duration.ofDays(21)),
                    now.minus(plan.duration())).toMinutes())));
            // Three in ten began as leads, the winners included (ranks 0-2, 10-12, 20-22 of the 24 won).
            if (rank % 10 < 3) {
                planQualifiedLead(plan, position, workingTime(opened.minus(Duration.ofDays(2))));
            } else {
                schedule(workingTime(opened), "opportunity", () -> directOpportunity(plan));
            }
        }
    }

    /** One opportunity's path: the stage it gets to, whether it is won, and the days spent in each stage. */
    private final class OpportunityPlan {
        final int highest;
        final boolean won;
        final int[] days = new int[4];
        final int lostAfterDays;
        final boolean withoutAmount;
        long id;
        String owner;
        String region;
        long quoteId;
        /** When the quote is approved at the latest (by the manager when it needs one): negotiation comes after it. */
        Instant quoteApprovedBy;

        OpportunityPlan(int highest, boolean won) {
            this.highest = highest;
            this.won = won;
            for (int stage = 0; stage < days.length; stage++) {
                days[stage] = 3 + random.nextInt(10);
            }
            this.lostAfterDays = 2 + random.nextInt(12);
            this.withoutAmount = !won && random.nextInt(40) == 0;
        }

        Duration duration() {
            int total = won ? 4 : lostAfterDays;
            for (int stage = 0; stage < Math.min(highest, days.length); stage++) {
                total += days[stage];
            }
            // Office hours and weekends push each step by up to three days.
            return Duration.ofDays(total + 16);
        }

        /** Still open: one not won that would be lost in the last three weeks stays open (the pipeline of the forecast). */
        boolean staysOpen(Instant lossAt) {
            return !won && lossAt.isAfter(now.minus(Duration.ofDays(21)));
        }
    }

    private void directOpportunity(OpportunityPlan plan) {
        Company company = pick(companies);
        String region = company.region();
        String owner = pick(reps.get(region));
        String productLine = productLine();
        Map<String, Object> body = new HashMap<>(Map.of("name", company.name() + " " + PRODUCT_LINES.get(productLine) + "采购",
                "company", company.name(), "region", region, "productLine", productLine, "owner", owner));
        if (!plan.withoutAmount) {
            body.put("amount", amount());
            body.put("expectedCloseDate", today().plusDays(60).toString());
        }
        JsonNode created = api.post(managers.get(region), "/api/opportunities", body);
        plan.id = created.get("id").asLong();
        plan.owner = owner;
        plan.region = region;
        advance(plan, 0);
    }

    /** The opportunity a qualified lead became: found by its company (the lead's own, unique), then on its way like any other. */
    private void opportunityOfLead(OpportunityPlan plan, String company, String owner) {
        List<CompanyOpportunity> found = opportunities.ofCompany(company);
        if (found.isEmpty()) {
            throw new IllegalStateException("No opportunity for the qualified lead of " + company);
        }
        plan.id = found.get(0).id();
        plan.owner = found.get(0).ownerId();
        plan.region = api.get(plan.owner, "/api/opportunities/" + plan.id).get("region").asText();
        api.patch(plan.owner, "/api/opportunities/" + plan.id, Map.of("amount", amount(), "expectedCloseDate", today().plusDays(60).toString()));
        advance(plan, 0);
    }

    /** Schedules what happens after the opportunity entered {@code stage} (0 = initial contact). */
    private void advance(OpportunityPlan plan, int stage) {
        if (stage == plan.highest) {
            if (plan.won) {
                return;
            }
            Instant lossAt = now().plus(Duration.ofDays(plan.lostAfterDays));
            if (!plan.staysOpen(lossAt)) {
                schedule(workingTime(lossAt), "lose", () -> move(plan, "LOST", Map.of(), LOSS_REASONS[random.nextInt(LOSS_REASONS.length)]));
            }
            return;
        }
        Instant next = workingTime(now().plus(Duration.ofDays(plan.days[stage])));
        if (stage == 2 && !next.isAfter(plan.quoteApprovedBy)) {
            // Office hours can put the quote's approval at or after the end of the days planned in the proposal stage.
            next = workingTime(plan.quoteApprovedBy.plus(Duration.ofHours(1)));
        }
        switch (stage) {
            case 0 -> schedule(next, "needs confirmed", () -> {
                move(plan, "NEEDS_CONFIRMED", Map.of("contactPerson", person(), "firstMeetingNote", "首次拜访，了解科室需求 First visit"), null);
                advance(plan, 1);
            });
            case 1 -> schedule(next, "proposal", () -> {
                move(plan, "PROPOSAL", Map.of("requirementSummary", "更新科室设备与耗材 Renew the ward's equipment", "budget", amount(),
                        "decisionMaker", person()), null);
                Instant quoteAt = workingTime(now().plus(Duration.ofDays(1)));
                plan.quoteApprovedBy = workingTime(quoteAt.plus(Duration.ofHours(20)));
                schedule(quoteAt, "quote", () -> quote(plan));
                advance(plan, 2);
            });
            case 2 -> schedule(next, "negotiation", () -> {
                move(plan, "NEGOTIATION", Map.of(), null);
                if (plan.won) {
                    schedule(workingTime(now().plus(Duration.ofDays(2))), "contract", () -> contract(plan));
                } else {
                    advance(plan, 3);
                }
            });
            default -> throw new IllegalStateException("A won opportunity goes from negotiation to won through its contract");
        }
    }

    private void move(OpportunityPlan plan, String stage, Map<String, Object> details, String lossReason) {
        Map<String, Object> body = new HashMap<>(Map.of("stage", stage));
        if (!details.isEmpty()) {
            body.put("details", details);
        }
        if (lossReason != null) {
            body.put("lossReason", lossReason);
        }
        api.post(plan.owner, "/api/opportunities/" + plan.id + "/stage", body);
    }

    /** A quote: mostly within the rep's own discount; one in six needs the manager (rules/quote-discount-approval.dmn). */
    private void quote(OpportunityPlan plan) {
        boolean needsManager = random.nextInt(6) == 0;
        List<JsonNode> chosen = new ArrayList<>(products);
        Collections.shuffle(chosen, random);
        List<Map<String, Object>> lines = chosen.subList(0, 1 + random.nextInt(3)).stream()
                .map(product -> Map.<String, Object>of("productId", product.get("id").asLong(), "quantity", 1 + random.nextInt(2))).toList();
        JsonNode quote = api.post(plan.owner, "/api/opportunities/" + plan.id + "/quotes",
                Map.of("lines", lines, "discountPercent", new BigDecimal(needsManager ? 15 : random.nextInt(9))));
        plan.quoteId = quote.get("id").asLong();
        if (!"APPROVED".equals(quote.path("status").asText())) {
            schedule(plan.quoteApprovedBy, "quote approval",
                    () -> api.post(managers.get(plan.region), "/api/quotes/" + plan.quoteId + "/decision", Map.of("approve", true, "comment", "同意 Agreed")));
        }
    }

    /** A won opportunity's contract: drafted, approved by the approvers rules/contract-approval.dmn names, then paid. */
    private void contract(OpportunityPlan plan) {
        JsonNode contract = api.post(plan.owner, "/api/opportunities/" + plan.id + "/contracts",
                Map.of("quoteId", plan.quoteId, "terms", "货到付款，分期 Installments per the payment plan"));
        long id = contract.get("id").asLong();
        List<String> approvers = contract.path("amount").decimalValue().compareTo(new BigDecimal("500000")) > 0
                ? List.of("leo", "fiona", "grace") : List.of("leo", managers.get(plan.region));
        Instant at = now();
        for (String approver : approvers) {
            at = workingTime(at.plus(Duration.ofHours(6)));
            schedule(at, "contract approval", () -> api.post(approver, "/api/contracts/" + id + "/decision", Map.of("approve", true,
                    "comment", "同意 Agreed")));
        }
        schedule(at.plus(Duration.ofHours(1)), "payments", () -> payments(id));
    }

    /** Of every five installments three are paid a few days before they are due, one late and one not at all (overdue). */
    private void payments(long contractId) {
        for (JsonNode installment : api.get("fiona", "/api/contracts/" + contractId + "/installments").get("installments")) {
            LocalDate due = LocalDate.parse(installment.get("dueDate").asText());
            int fate = installments++ % 5;
            if (fate == 4) {
                continue;
            }
            LocalDate paidOn = fate == 3 ? due.plusDays(12) : due.minusDays(2);
            Instant at = workingTime(paidOn.atStartOfDay(SHANGHAI).toInstant());
            if (at.isBefore(now)) {
                schedule(at, "payment", () -> api.post("fiona", "/api/contracts/" + contractId + "/payments", Map.of("amount",
                        installment.get("amount").decimalValue(), "receivedOn", paidOn.toString(), "reference", "BANK-" + contractId + "-"
                                + installment.get("number").asInt())));
            }
        }
    }

    // ---- leads

    /** A lead that is contacted and qualified, and becomes the opportunity of {@code plan}. */
    private void planQualifiedLead(OpportunityPlan plan, int index, Instant submitted) {
        submitLead(index, true, submitted, lead -> {
            String company = lead.get("company").asText();
            contactThen(lead, Duration.ofDays(1), (owner, id) -> {
                api.post(owner, "/api/leads/" + id + "/qualify", Map.of("qualificationNote", "有明确采购计划 Purchase planned"));
                opportunityOfLead(plan, company, owner);
            }, () -> directOpportunity(plan));
        });
    }

    /** Leads that are nurtured, disqualified or (the newest) still waiting for their first contact. */
    private void planLeadNotQualified(int index, int count) {
        Instant submitted = workingTime(start.plus(Duration.ofDays(10 + (long) index * 350 / count)));
        int fate = index % 12;
        submitLead(1000 + index, false, submitted, lead -> {
            if (fate == 11 && submitted.isAfter(now.minus(Duration.ofDays(40)))) {
                return;
            }
            contactThen(lead, Duration.ofDays(1), (owner, id) -> {
                if (fate < 7) {
                    api.post(owner, "/api/leads/" + id + "/nurture", Map.of("qualificationNote", "明年预算 Budget next year"));
                } else {
                    api.post(owner, "/api/leads/" + id + "/disqualify", Map.of("disqualifyReason", pick(List.of("NO_NEED", "NO_BUDGET",
                            "UNREACHABLE", "OTHER")), "qualificationNote", "暂无需求 No need now"));
                }
            }, () -> { });
        });
    }

    /** A lead of the next source; {@code engaged}: a visitor active enough for grades A to C (D leads go to nurturing). */
    private void submitLead(int index, boolean engaged, Instant at, Consumer<JsonNode> then) {
        schedule(at, "lead", () -> {
            String region = pick(List.of("EAST", "EAST", "EAST", "SOUTH", "NORTH", "SOUTHWEST"));
            int[] engagement = engaged ? ENGAGEMENT[ENGAGEMENT.length - 1 - index % 2] : ENGAGEMENT[(index / SOURCES.length) % ENGAGEMENT.length];
            Map<String, Object> body = new HashMap<>(Map.of("externalId", "demo-lead-" + index, "name", person(),
                    "company", CITIES[random.nextInt(CITIES.length)] + KINDS[random.nextInt(KINDS.length)] + " " + (index + 1),
                    "source", SOURCES[index % SOURCES.length], "region", region, "industry", pick(List.of("HOSPITAL", "PHARMACY", "CLINIC", "DISTRIBUTOR")),
                    "productLine", productLine(), "visits30d", engagement[0], "dwellSeconds", engagement[1]));
            // One in twenty-five leaves neither phone nor email (the data-quality panel counts them while they are open).
            if (index % 25 != 24) {
                body.put("phone", phone());
                body.put("email", "lead" + index + "@demo.example.cn");
            }
            then.accept(api.post("admin", "/api/leads", body));
        });
    }

    /**
     * Contacts the lead two working hours later (dispatched by the manager first if it waits in the pool), then
     * {@code then}; {@code nurturedByRules} instead if the rules sent it to nurturing at once (grade D).
     */
    private void contactThen(JsonNode lead, Duration decideAfter, LeadStep then, Runnable nurturedByRules) {
        long id = lead.get("id").asLong();
        String region = lead.get("region").asText();
        schedule(workingTime(now().plus(Duration.ofHours(2))), "contact lead", () -> {
            // The rules assigned it meanwhile, or left it in the pool for the region's manager to dispatch.
            JsonNode current = api.get("admin", "/api/leads/" + id);
            if ("NURTURING".equals(current.path("status").asText())) {
                nurturedByRules.run();
                return;
            }
            String owner = current.path("owner").asText(null);
            if (owner == null) {
                owner = api.post(managers.get(region), "/api/leads/" + id + "/dispatch", Map.of("rep", pick(reps.get(region)))).get("owner").asText();
            }
            String worker = owner;
            api.post(worker, "/api/leads/" + id + "/contact", Map.of("contactChannel", pick(List.of("PHONE", "WECHAT", "EMAIL", "VISIT")),
                    "contactNote", "电话沟通，客户有兴趣 Interested on the phone"));
            schedule(workingTime(now().plus(decideAfter)), "qualify lead", () -> then.run(worker, id));
        });
    }

    @FunctionalInterface
    private interface LeadStep {
        void run(String owner, long leadId);
    }

    // ---- tickets

    /** A ticket answered and resolved in time, or (one in four) late enough that its SLA timers fire first. */
    private void ticket() {
        List<Company> customers = companies.stream().filter(company -> company.customerId() != null).toList();
        Company customer = pick(customers);
        String agent = pick(List.of("sam", "sara"));
        JsonNode ticket = api.post(agent, "/api/tickets", Map.of("customerId", customer.customerId(), "severity", pick(List.of(SEVERITIES)),
                "channel", pick(List.of(CHANNELS)), "subject", pick(List.of("监护仪报警 Monitor alarm", "发票未收到 Invoice missing",
                        "配送延迟 Late delivery", "无法登录 Cannot sign in", "耗材批号 Batch number")), "description", "客户来电反映问题，需要跟进。"));
        long id = ticket.get("id").asLong();
        if ("WAITING_ON_CUSTOMER".equals(ticket.path("status").asText())) {
            // A knowledge-base article answered it (L1): the customer says it helped.
            schedule(now().plus(Duration.ofHours(2)), "ticket solved by article",
                    () -> api.post(agent, "/api/tickets/" + id + "/customer-replies", Map.of("body", "按文章操作已解决，谢谢。", "solved", true)));
            return;
        }
        boolean late = random.nextInt(4) == 0;
        Instant reply = now().plus(late ? Duration.ofDays(3) : Duration.ofMinutes(20 + random.nextInt(60)));
        schedule(reply, "ticket reply", () -> {
            api.post(agent, "/api/tickets/" + id + "/replies", Map.of("body", "您好，我们已收到，正在处理。We are on it."));
            schedule(now().plus(late ? Duration.ofDays(4) : Duration.ofHours(2)), "ticket resolve", () -> {
                api.post(agent, "/api/tickets/" + id + "/resolve", Map.of("resolution", "已远程指导客户处理 Solved with the customer"));
                schedule(now().plus(Duration.ofDays(1)), "ticket confirm",
                        () -> api.post(agent, "/api/tickets/" + id + "/confirm", Map.of("csat", late ? 2 + random.nextInt(2) : 4 + random.nextInt(2))));
            });
        });
    }

    // ---- helpers

    private void schedule(Instant at, String what, Runnable action) {
        if (at.isBefore(now)) {
            steps.add(new Step(at, order++, what, action));
        }
    }

    private Instant now() {
        return EngineClock.now();
    }

    private LocalDate today() {
        return LocalDate.ofInstant(now(), SHANGHAI);
    }

    /** The next weekday between 9:00 and 17:00 in Shanghai at or after {@code instant}: people work in office hours. */
    private static Instant workingTime(Instant instant) {
        ZonedDateTime time = instant.atZone(SHANGHAI);
        if (time.getHour() >= 17) {
            time = time.plusDays(1).withHour(9).withMinute(time.getMinute());
        } else if (time.getHour() < 9) {
            time = time.withHour(9);
        }
        while (time.getDayOfWeek() == DayOfWeek.SATURDAY || time.getDayOfWeek() == DayOfWeek.SUNDAY) {
            time = time.plusDays(1);
        }
        return time.toInstant();
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private String person() {
        return SURNAMES[random.nextInt(SURNAMES.length)] + GIVEN[random.nextInt(GIVEN.length)] + (random.nextBoolean() ? GIVEN[random.nextInt(GIVEN.length)] : "");
    }

    private String phone() {
        return String.format("+86 138 %04d %04d", random.nextInt(10_000), random.nextInt(10_000));
    }

    private String productLine() {
        return pick(List.copyOf(PRODUCT_LINES.keySet()));
    }

    private BigDecimal amount() {
        return BigDecimal.valueOf(20_000 + 1_000L * random.nextInt(400)).setScale(2);
    }
}
