package io.crmflow.rules;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;

import io.crmflow.web.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter;

/**
 * Served twice, like the analytics: under {@code /api/rules} for API clients (HTTP Basic) and under {@code /rules/data}
 * for the rules workbench page (its login session, with CSRF protection); same code, same checks.
 */
@RestController
@RequestMapping({"/api/rules", "/rules/data"})
@Validated
@Tag(name = "Rules", description = "规则 Rule-set versions: upload a candidate, replay it on recent decisions, activate, roll back "
        + "(rules owners and administrators)")
class RulesController {

    private static final int MAX_NOTE = 1000;

    private final RuleSetLifecycle lifecycle;
    private final RuleSetVersions versions;
    private final ReplayStreams replays;

    RulesController(RuleSetLifecycle lifecycle, RuleSetVersions versions, ReplayStreams replays) {
        this.lifecycle = lifecycle;
        this.versions = versions;
        this.replays = replays;
    }

    @GetMapping
    @Operation(summary = "The active version (content hash, sequence number, files, who activated it when) and all other versions, newest first")
    RulesOverview overview(Authentication user) {
        RulesOwners.check(user);
        RuleSetVersion active = lifecycle.activeVersion();
        return new RulesOverview(active, lifecycle.allVersions().stream().filter(version -> version.id() != active.id()).toList());
    }

    @PostMapping(path = "/candidates", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Upload a candidate", description = "Field 'files': one or more .dmn, .drl or .yaml files, or a single .zip "
            + "of them (files at the top level, at most 20, 1 MiB each). The candidate is the active version's files with these "
            + "replacing or adding files of the same name; it is compiled at once. 201 with the new candidate; 200 if the same "
            + "files were stored before; 422 naming file, line and message if it does not compile or cannot decide (every "
            + "DMN decision is evaluated over its tables' inputs and the last 1000 records of each kind); 400 for names with folders, "
            + "other file types or too large files. Nothing is stored when the upload is refused.")
    @ResponseStatus(HttpStatus.CREATED)
    @ApiResponse(responseCode = "200", description = "the same files were stored before: that version", useReturnTypeSchema = true)
    ResponseEntity<RuleSetVersion> upload(@RequestPart(name = RuleUploads.FIELD, required = false) List<MultipartFile> files,
                                          Authentication user) {
        String actor = RulesOwners.check(user);
        RuleSetLifecycle.Stored stored = lifecycle.upload(RuleUploads.read(files), actor);
        return stored.created()
                ? ResponseEntity.created(URI.create("/api/rules/candidates/" + stored.version().id())).body(stored.version())
                : ResponseEntity.ok(stored.version());
    }

    @GetMapping("/candidates/{id}")
    @Operation(summary = "One stored version: status and files")
    RuleSetVersion candidate(@PathVariable long id, Authentication user) {
        RulesOwners.check(user);
        return lifecycle.version(id);
    }

    @GetMapping("/candidates/{id}/files/{name}")
    @Operation(summary = "One file of a stored version, as its owner saved it (UTF-8 text/plain; refusals are problem+json)")
    ResponseEntity<String> file(@PathVariable long id, @PathVariable String name, Authentication user) {
        RulesOwners.check(user);
        lifecycle.version(id);
        RuleFile file = versions.files(id).stream().filter(candidate -> candidate.name().equals(name)).findFirst()
                .orElseThrow(() -> new NotFoundException("Rule-set version " + id + " has no file '" + name + "'"));
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8)).body(file.text());
    }

    @GetMapping("/candidates/{from}/diff/{to}")
    @Operation(summary = "What changed from one stored version to another", description = "Per file ADDED, REMOVED, CHANGED or "
            + "UNCHANGED; for a DMN file each decision table's rows added, removed and changed (cell by cell, with the column "
            + "labels; rows matched by id, else by content); for other files, and DMN files whose tables are equal, the changed "
            + "lines with 3 lines around them. Any two versions, in either order.")
    RuleSetDiff diff(@PathVariable long from, @PathVariable long to, Authentication user) {
        RulesOwners.check(user);
        return RuleSetDiff.between(lifecycle.version(from), versions.files(from), lifecycle.version(to), versions.files(to));
    }

    @PostMapping("/candidates/{id}/replay")
    @Operation(summary = "What the version would decide differently", description = "Re-decides the last N records of every "
            + "feature with this version (leads: each lead's latest score/grade and assignment; tickets; customer tiers), and "
            + "lists each changed field with its old and new value. Read-only.")
    CandidateReplay replay(@PathVariable long id, @RequestParam(defaultValue = "1000") @Min(1) @Max(10_000) int last,
                           Authentication user) {
        RulesOwners.check(user);
        RuleSetVersion candidate = lifecycle.version(id);
        return new CandidateReplay(candidate.id(), candidate.version(), last, lifecycle.replay(id, last));
    }

    @PostMapping(path = "/candidates/{id}/replay", params = "progress", produces = "application/x-ndjson")
    @Operation(summary = "The same replay, telling how far it has come", description = "With the parameter 'progress' "
            + "(any value): newline-delimited JSON, {\"decided\":n,\"total\":m} lines while it runs, then {\"replay\":{...}} "
            + "with the report above, or {\"error\":\"...\"}. For the last 10 000 records, which take seconds.")
    ResponseEntity<ResponseBodyEmitter> replayWithProgress(@PathVariable long id, @RequestParam(defaultValue = "1000") @Min(1) @Max(10_000) int last,
                                           Authentication user) {
        RulesOwners.check(user);
        return ResponseEntity.ok().contentType(ReplayStreams.NDJSON).body(replays.replay(lifecycle.version(id), last));
    }

    @PostMapping("/candidates/{id}/activate")
    @Operation(summary = "Make the version active", description = "Atomic: decisions already running finish on the old version, "
            + "the next ones use this one. A retired version can be activated again. 409 if it is already active. "
            + "'note': why, kept in the audit trail (the workbench page requires one).")
    RuleSetVersion activate(@PathVariable long id, @RequestParam(required = false) @Size(max = MAX_NOTE) String note,
                            Authentication user) {
        return lifecycle.activate(id, RulesOwners.check(user), note);
    }

    @PostMapping("/rollback")
    @Operation(summary = "Back to the version that was active before the current one (409 if there is none)",
            description = "'note': why, kept in the audit trail (the workbench page requires one).")
    RuleSetVersion rollback(@RequestParam(required = false) @Size(max = MAX_NOTE) String note, Authentication user) {
        return lifecycle.rollback(RulesOwners.check(user), note);
    }

    @GetMapping("/audit")
    @Operation(summary = "Every deployment, upload, activation and rollback: who, when, from which version to which, files changed")
    List<RuleSetAuditEntry> audit(Authentication user) {
        RulesOwners.check(user);
        return lifecycle.audit();
    }

    /**
     * A rule set that does not compile: 422 naming each file, line and message. Mapped here rather than in the shared
     * problem handler, which must not depend on the rules feature.
     */
    @ExceptionHandler(RuleValidationException.class)
    ResponseEntity<ProblemDetail> invalidRules(RuleValidationException invalid) {
        List<RuleProblem> problems = invalid.problems();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY,
                "The rule set does not compile: " + problems.get(0) + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more)" : ""));
        problem.setTitle("Invalid rules");
        problem.setProperty("problems", problems);
        return ResponseEntity.unprocessableEntity().body(problem);
    }

    record RulesOverview(RuleSetVersion active, List<RuleSetVersion> versions) {
    }

    record CandidateReplay(long candidate, String version, int last, List<ReplayReport> reports) {
    }
}
