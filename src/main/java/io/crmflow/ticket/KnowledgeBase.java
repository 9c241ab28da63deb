package io.crmflow.ticket;

import static io.crmflow.process.EngineClock.now;

import java.time.Instant;
import java.util.List;

import io.crmflow.web.ConflictException;
import io.crmflow.web.ForbiddenException;
import io.crmflow.web.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Knowledge-base articles: the support lead writes and edits them; an agent proposes a resolved ticket's answer, which
 * the lead approves or rejects. Only APPROVED articles answer new tickets (L1), from the moment they are approved.
 */
@Service
class KnowledgeBase {

    private final KnowledgeBaseRepository articles;
    private final TicketRepository tickets;

    KnowledgeBase(KnowledgeBaseRepository articles, TicketRepository tickets) {
        this.articles = articles;
        this.tickets = tickets;
    }

    @Transactional(readOnly = true)
    List<KbArticle> list(KbArticleStatus status, TicketActor actor) {
        requireSupport(actor);
        return status == null ? articles.all() : articles.withStatus(status);
    }

    @Transactional(readOnly = true)
    KbArticle get(long id, TicketActor actor) {
        requireSupport(actor);
        return find(id);
    }

    @Transactional
    KbArticle create(ArticleContent content, TicketActor actor) {
        requireLead(actor);
        return find(articles.insert(content, KbArticleStatus.APPROVED, null, actor.userId(), now()));
    }

    @Transactional
    KbArticle update(long id, ArticleContent content, TicketActor actor) {
        requireLead(actor);
        find(id);
        articles.update(id, content, now());
        return find(id);
    }

    /** Retires the article: it no longer answers tickets, but tickets it answered keep pointing at it. */
    @Transactional
    void delete(long id, TicketActor actor) {
        requireLead(actor);
        find(id);
        articles.review(id, KbArticleStatus.RETIRED, actor.userId(), "deleted", now());
    }

    /** An agent proposes how a ticket was resolved as an article; it waits for the support lead. */
    @Transactional
    KbArticle propose(long ticketId, TicketRequests.ArticleProposal proposal, TicketActor actor) {
        requireSupport(actor);
        Ticket ticket = tickets.findById(ticketId).orElseThrow(() -> new TicketNotFoundException(ticketId));
        if (ticket.resolution() == null) {
            throw new ConflictException("Ticket " + ticketId + " is " + ticket.status() + "; only a resolved ticket's answer can be proposed");
        }
        Instant now = now();
        long id = articles.insert(new ArticleContent(proposal.title(), proposal.keywords(), ticket.resolution()), KbArticleStatus.PROPOSED,
                ticketId, actor.userId(), now);
        tickets.recordEvent(ticketId, "ARTICLE_PROPOSED", "knowledge-base article #" + id + " " + proposal.title().strip(), actor.userId(), now);
        return find(id);
    }

    @Transactional
    KbArticle review(long id, boolean approve, String note, TicketActor actor) {
        requireLead(actor);
        KbArticle article = find(id);
        if (article.status() != KbArticleStatus.PROPOSED) {
            throw new ConflictException("Article " + id + " is " + article.status() + "; only PROPOSED articles are reviewed");
        }
        articles.review(id, approve ? KbArticleStatus.APPROVED : KbArticleStatus.REJECTED, actor.userId(),
                note == null || note.isBlank() ? null : note.strip(), now());
        return find(id);
    }

    private KbArticle find(long id) {
        return articles.findById(id).filter(article -> article.status() != KbArticleStatus.RETIRED)
                .orElseThrow(() -> new NotFoundException("Knowledge-base article " + id + " does not exist"));
    }

    private static void requireSupport(TicketActor actor) {
        if (!actor.supportStaff()) {
            throw new ForbiddenException("The knowledge base is for the service desk (support-agent, support-lead)");
        }
    }

    private static void requireLead(TicketActor actor) {
        if (!actor.supportLead()) {
            throw new ForbiddenException("Only the support lead writes, edits and reviews knowledge-base articles");
        }
    }
}
