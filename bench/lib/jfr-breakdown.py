#!/usr/bin/env python3
"""Where the application's CPU samples go, by component (BENCHMARKS.md).
Usage: bench/lib/jfr-breakdown.py recording.jfr [from HH:MM:SS] [to HH:MM:SS]
Runs `jfr print --events jdk.ExecutionSample --stack-depth 400` and counts, per category, the samples whose stack
contains one of the category's frames (inclusive time; categories overlap, so the column does not add up to 100 %).
Record with -XX:FlightRecorderOptions:stackdepth=256, or deep request stacks are cut off."""
import collections, re, subprocess, sys

CATEGORIES = [
    ("HTTP request (Tomcat → controller → response)", ["FilterChainProxy.doFilter", "NioEndpoint"]),
    ("  Spring Security filter chain incl. Basic auth", ["BasicAuthenticationFilter.doFilterInternal"]),
    ("    password check + group query (Camunda identity)", ["CamundaIdentityAuthenticationProvider.authenticate"]),
    ("  bearer token: found in the header (Spring's regex)", ["DefaultBearerTokenResolver.resolve"]),
    ("  bearer token: checked (JwtAuthenticationProvider)", ["JwtAuthenticationProvider.authenticate"]),
    ("    full check: parse, RSA signature, claims, validators", ["NimbusJwtDecoder.decode"]),
    ("    user and groups from the claims (JwtAuthenticationConverter)", ["JwtAuthenticationConverter.convert"]),
    ("  JSON read/write (Jackson)", ["com.fasterxml.jackson"]),
    ("  bean validation", ["hibernate.validator"]),
    ("  LeadService.submit (the transaction)", ["LeadService.submit", "ScoreInProcess.submit"]),
    ("    de-duplication query", ["LeadRepository.findOpenDuplicate"]),
    ("    score: Drools DMN (LeadScoring)", ["LeadScoring.score"]),
    ("    score: Camunda DMN (business rule tasks)", ["DmnBusinessRuleTaskActivityBehavior", "DecisionEvaluationUtil"]),
    ("    process start (Camunda, incl. delegates)", ["StartProcessInstanceCmd.execute"]),
    ("      assignment: Drools DRL + writes (AssignLeadDelegate)", ["AssignLeadDelegate.execute"]),
    ("        LeadAssignment.decide (rules)", ["LeadAssignment.decide"]),
    ("        open leads per owner (capacity query)", ["openLeadsByOwner"]),
    ("      Camunda flush at commit (INSERTs of runtime + history rows)", ["DbEntityManager.flush"]),
    ("      Camunda history events", ["HistoryEventProducer", "DbHistoryEventHandler"]),
    ("    lead/decision/timeline/audit writes (crmflow JDBC)", ["LeadRepository.insert", "LeadHistory.record", "AuditTrail", "LeadRepository.assign", "LeadRepository.attachProcess", "LeadRepository.moveToPool"]),
    ("    transaction commit", ["commitTransactionAfterReturning", "AbstractPlatformTransactionManager.commit"]),
    ("  PostgreSQL JDBC driver (all callers)", ["org.postgresql"]),
    ("  MyBatis (Camunda's SQL mapping)", ["org.apache.ibatis"]),
    ("  JUEL expressions (Camunda)", ["org.camunda.bpm.impl.juel", "JuelExpression"]),
    ("job executor (timers, async)", ["JobExecutor", "ExecuteJobsRunnable", "AcquireJobsRunnable"]),
    ("  job acquisition (AcquireJobsRunnable)", ["AcquireJobsRunnable"]),
    ("  job execution (ExecuteJobsRunnable)", ["ExecuteJobsRunnable"]),
    ("    reclaim (ReclaimLeadDelegate)", ["ReclaimLeadDelegate.execute"]),
    ("    re-assignment (AssignLeadDelegate)", ["AssignLeadDelegate.execute"]),
    ("      LeadAssignment.decide (rules + team)", ["LeadAssignment.decide"]),
    ("      open leads per owner (capacity query)", ["openLeadsByOwner"]),
    ("      decision record (LeadHistory.recordDecision)", ["LeadHistory.recordDecision"]),
    ("    user task listeners (stand-ins, deadlines, titles)", ["StandInTaskRouting", "TaskDeadlines.notify", "TaskTitles"]),
    ("    Camunda flush at commit", ["DbEntityManager.flush"]),
    ("    Camunda history events", ["HistoryEventProducer", "DbHistoryEventHandler"]),
    ("    job log (history)", ["JobEntity.createHistoricJobLog", "HistoricJobLogManager", "fireHistoricJobSuccessful"]),
    ("    transaction commit", ["AbstractPlatformTransactionManager.commit"]),
]

path = sys.argv[1]
lo = sys.argv[2] if len(sys.argv) > 2 else "00:00:00"
hi = sys.argv[3] if len(sys.argv) > 3 else "99:99:99"
text = subprocess.run(["jfr", "print", "--events", "jdk.ExecutionSample", "--stack-depth", "400", path],
                      capture_output=True, text=True, check=True).stdout
samples = []
for event in text.split("jdk.ExecutionSample {")[1:]:
    t = re.search(r"startTime = \S*?(\d\d:\d\d:\d\d)", event)
    if t and lo <= t.group(1) <= hi:
        samples.append(event)
total = len(samples)
print(f"{total} execution samples between {lo} and {hi} (all threads of the JVM)")
for name, needles in CATEGORIES:
    n = sum(1 for s in samples if any(k in s for k in needles))
    print(f"{100.0 * n / max(total, 1):5.1f} %  {n:6d}  {name}")
top = collections.Counter(re.sub(r"\s+line:.*", "", s.split("stackTrace = [")[1].split("\n")[1].strip()) for s in samples)
print("top frames (self):")
for frame, n in top.most_common(12):
    print(f"{100.0 * n / max(total, 1):5.1f} %  {frame}")
