package io.crmflow.ticket;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Title, keywords (separated by commas: , ，、;) and answer of a knowledge-base article. */
public record ArticleContent(@NotBlank @Size(max = 200) String title, @NotBlank @Size(max = 500) String keywords,
                             @NotBlank @Size(max = 4000) String body) {
}
