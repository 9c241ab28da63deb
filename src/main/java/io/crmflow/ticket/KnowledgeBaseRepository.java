package io.crmflow.ticket;

import static io.crmflow.persistence.SqlTimes.instant;
import static io.crmflow.persistence.SqlTimes.timestamp;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class KnowledgeBaseRepository {

    private static final String COLUMNS = "id, title, keywords, body, status, source_ticket_id, proposed_by, reviewed_by, review_note, "
            + "created_at, updated_at";

    private final JdbcClient jdbc;

    KnowledgeBaseRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(ArticleContent content, KbArticleStatus status, Long sourceTicketId, String author, Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into kb_article (title, keywords, body, status, source_ticket_id, proposed_by, reviewed_by, created_at, updated_at)
                        values (:title, :keywords, :body, :status, :ticket, :author, :reviewer, :now, :now)
                        """)
                .param("title", content.title().strip())
                .param("keywords", content.keywords().strip())
                .param("body", content.body().strip())
                .param("status", status.name())
                .param("ticket", sourceTicketId)
                .param("author", author)
                .param("reviewer", status == KbArticleStatus.APPROVED ? author : null)
                .param("now", timestamp(now))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    Optional<KbArticle> findById(long id) {
        return jdbc.sql("select " + COLUMNS + " from kb_article where id = ?").param(id).query(KnowledgeBaseRepository::map).optional();
    }

    List<KbArticle> withStatus(KbArticleStatus status) {
        return jdbc.sql("select " + COLUMNS + " from kb_article where status = ? order by id").param(status.name())
                .query(KnowledgeBaseRepository::map).list();
    }

    List<KbArticle> all() {
        return jdbc.sql("select " + COLUMNS + " from kb_article where status <> ? order by id").param(KbArticleStatus.RETIRED.name())
                .query(KnowledgeBaseRepository::map).list();
    }

    void update(long id, ArticleContent content, Instant now) {
        jdbc.sql("update kb_article set title = ?, keywords = ?, body = ?, updated_at = ? where id = ?")
                .params(content.title().strip(), content.keywords().strip(), content.body().strip(), timestamp(now), id).update();
    }

    void review(long id, KbArticleStatus status, String reviewer, String note, Instant now) {
        jdbc.sql("update kb_article set status = ?, reviewed_by = ?, review_note = ?, updated_at = ? where id = ?")
                .params(status.name(), reviewer, note, timestamp(now), id).update();
    }

    private static KbArticle map(ResultSet rs, int row) throws SQLException {
        long ticket = rs.getLong("source_ticket_id");
        Long sourceTicket = rs.wasNull() ? null : ticket;
        return new KbArticle(rs.getLong("id"), rs.getString("title"), rs.getString("keywords"), rs.getString("body"),
                KbArticleStatus.valueOf(rs.getString("status")), sourceTicket, rs.getString("proposed_by"), rs.getString("reviewed_by"),
                rs.getString("review_note"), instant(rs, "created_at"), instant(rs, "updated_at"));
    }
}
