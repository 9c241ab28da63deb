package io.crmflow.rules;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;

import io.crmflow.security.CrmflowGroup;
import io.crmflow.security.CurrentUser;
import io.crmflow.web.ForbiddenException;
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

    RulesController(RuleSetLifecycle lifecycle, RuleSetVersions versions) {
        this.lifecycle = lifecycle;
        this.versions = versions;
    }

    @GetMapping
    @Operation(summary = "The active version (content hash, sequence number, files, who activated it when) and all other versions, newest first")
    RulesOverview overview(Authentication user) {
        checkRulesOwner(user);
        RuleSetVersion active = lifecycle.activeVersion();
        return new RulesOverview(active, lifecycle.allVersions().stream().filter(version -> version.id() != active.id()).toList());
    }

    @PostMapping(path = "/candidates", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Upload a candidate", description = "Field 'files': one or more .dmn, .drl or .yaml files, or a single .zip "
            + "of them (files at the top level, at most 20, 1 MiB each). The candidate is the active version's files with these "
            + "replacing or adding files of the same name; it is compiled at once. 201 with the new candidate; 200 if the same "
            + "files were stored before; 422 naming file, line and message if it does not compile or cannot decide (every "
            + "DMN decision is evaluated over its tables' inputs and the last 1000 recorded decisions); 400 for names with folders, "
            + "other file types or too large files. Nothing is stored when the upload is refused.")
    @ResponseStatus(HttpStatus.CREATED)
    @ApiResponse(responseCode = "200", description = "the same files were stored before: that version", useReturnTypeSchema = true)
    ResponseEntity<RuleSetVersion> upload(@RequestPart(name = RuleUploads.FIELD, required = false) List<MultipartFile> files,
                                          Authentication user) {
        String actor = checkRulesOwner(user);
        RuleSetLifecycle.Stored stored = lifecycle.upload(RuleUploads.read(files), actor);
        return stored.created()
                ? ResponseEntity.created(URI.create("/api/rules/candidates/" + stored.version().id())).body(stored.version())
                : ResponseEntity.ok(stored.version());
    }

    @GetMapping("/candidates/{id}")
    @Operation(summary = "One stored version: status and files")
    RuleSetVersion candidate(@PathVariable long id, Authentication user) {
        checkRulesOwner(user);
        return lifecycle.version(id);
    }

    @GetMapping("/candidates/{id}/files/{name}")
    @Operation(summary = "One file of a stored version, as its owner saved it (UTF-8 text/plain; refusals are problem+json)")
    ResponseEntity<String> file(@PathVariable long id, @PathVariable String name, Authentication user) {
        checkRulesOwner(user);
        lifecycle.version(id);
        RuleFile file = versions.files(id).stream().filter(candidate -> candidate.name().equals(name)).findFirst()
                .orElseThrow(() -> new NotFoundException("Rule-set version " + id + " has no file '" + name + "'"));
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8)).body(file.text());
    }

    @PostMapping("/candidates/{id}/replay")
    @Operation(summary = "What the version would decide differently", description = "Re-decides the last N recorded decisions "
            + "of every feature (leads: score/grade and owner) with this version, and lists each changed field with its old "
            + "and new value. Read-only.")
    CandidateReplay replay(@PathVariable long id, @RequestParam(defaultValue = "1000") @Min(1) @Max(10_000) int last,
                           Authentication user) {
        checkRulesOwner(user);
        RuleSetVersion candidate = lifecycle.version(id);
        return new CandidateReplay(candidate.id(), candidate.version(), last, lifecycle.replay(id, last));
    }

    @PostMapping("/candidates/{id}/activate")
    @Operation(summary = "Make the version active", description = "Atomic: decisions already running finish on the old version, "
            + "the next ones use this one. A retired version can be activated again. 409 if it is already active. "
            + "'note': why, kept in the audit trail (the workbench page requires one).")
    RuleSetVersion activate(@PathVariable long id, @RequestParam(required = false) @Size(max = MAX_NOTE) String note,
                            Authentication user) {
        return lifecycle.activate(id, checkRulesOwner(user), note);
    }

    @PostMapping("/rollback")
    @Operation(summary = "Back to the version that was active before the current one (409 if there is none)",
            description = "'note': why, kept in the audit trail (the workbench page requires one).")
    RuleSetVersion rollback(@RequestParam(required = false) @Size(max = MAX_NOTE) String note, Authentication user) {
        return lifecycle.rollback(checkRulesOwner(user), note);
    }

    @GetMapping("/audit")
    @Operation(summary = "Every deployment, upload, activation and rollback: who, when, from which version to which, files changed")
    List<RuleSetAuditEntry> audit(Authentication user) {
        checkRulesOwner(user);
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

    /** @return the caller's user id, the actor of the audit trail */
    static String checkRulesOwner(Authentication authentication) {
        CurrentUser user = CurrentUser.of(authentication);
        if (!user.isAdmin() && !user.isIn(CrmflowGroup.RULES_OWNER)) {
            throw new ForbiddenException("Only rules owners and administrators may see or change rule sets");
        }
        return user.userId();
    }

    record RulesOverview(RuleSetVersion active, List<RuleSetVersion> versions) {
    }

    record CandidateReplay(long candidate, String version, int last, List<ReplayReport> reports) {
    }
}
