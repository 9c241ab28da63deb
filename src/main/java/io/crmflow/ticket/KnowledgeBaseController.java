package io.crmflow.ticket;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/kb/articles")
@Tag(name = "Knowledge base", description = "知识库 Articles that answer P3/P4 tickets (L1)")
class KnowledgeBaseController {

    private final KnowledgeBase knowledgeBase;

    KnowledgeBaseController(KnowledgeBase knowledgeBase) {
        this.knowledgeBase = knowledgeBase;
    }

    @GetMapping
    @Operation(summary = "Articles (all but deleted, or one status: PROPOSED is the support lead's review queue)")
    List<KbArticle> list(@RequestParam(required = false) KbArticleStatus status, Authentication user) {
        return knowledgeBase.list(status, TicketActor.of(user));
    }

    @GetMapping("/{id}")
    KbArticle get(@PathVariable long id, Authentication user) {
        return knowledgeBase.get(id, TicketActor.of(user));
    }

    @PostMapping
    @Operation(summary = "Support lead: write an article (approved at once)")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<KbArticle> create(@Valid @RequestBody ArticleContent content, Authentication user) {
        KbArticle created = knowledgeBase.create(content, TicketActor.of(user));
        return ResponseEntity.created(URI.create("/api/kb/articles/" + created.id())).body(created);
    }

    @PutMapping("/{id}")
    @Operation(summary = "Support lead: edit an article")
    KbArticle update(@PathVariable long id, @Valid @RequestBody ArticleContent content, Authentication user) {
        return knowledgeBase.update(id, content, TicketActor.of(user));
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Support lead: delete (retire) an article; it answers no more tickets")
    ResponseEntity<Void> delete(@PathVariable long id, Authentication user) {
        knowledgeBase.delete(id, TicketActor.of(user));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/approve")
    @Operation(summary = "Support lead: approve a proposed article; L1 uses it from then on")
    KbArticle approve(@PathVariable long id, @Valid @RequestBody(required = false) TicketRequests.Review review, Authentication user) {
        return knowledgeBase.review(id, true, review == null ? null : review.note(), TicketActor.of(user));
    }

    @PostMapping("/{id}/reject")
    @Operation(summary = "Support lead: reject a proposed article")
    KbArticle reject(@PathVariable long id, @Valid @RequestBody(required = false) TicketRequests.Review review, Authentication user) {
        return knowledgeBase.review(id, false, review == null ? null : review.note(), TicketActor.of(user));
    }
}
