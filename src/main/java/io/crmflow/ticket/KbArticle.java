package io.crmflow.ticket;

import java.time.Instant;

/** A knowledge-base article; {@code keywords} are separated by commas (, ，、;). */
public record KbArticle(long id, String title, String keywords, String body, KbArticleStatus status, Long sourceTicketId,
                        String proposedBy, String reviewedBy, String reviewNote, Instant createdAt, Instant updatedAt) {
}
