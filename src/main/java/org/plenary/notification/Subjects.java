package org.plenary.notification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.plenary.paper.Paper;
import org.plenary.section.Section;

/**
 * What a batch of notifications is about (paper titles, section headings, comment excerpts), asked
 * of the features that own them in one read each, whatever the batch's size.
 */
@ApplicationScoped
class Subjects {

  @Inject CommentExcerpts comments;

  // Every map answers get(null) with null: a notification need not be about a paper or section.

  /** The titles of the papers among {@code ids}, by id. */
  Map<Long, String> paperTitles(Collection<Long> ids) {
    Collection<Long> wanted = present(ids);
    Map<Long, String> titles = new HashMap<>();
    if (!wanted.isEmpty()) {
      Paper.<Paper>list("id in ?1", wanted).forEach(p -> titles.put(p.id, p.title));
    }
    return titles;
  }

  /** The headings of the sections among {@code ids}, by id. */
  Map<Long, String> sectionHeadings(Collection<Long> ids) {
    Collection<Long> wanted = present(ids);
    Map<Long, String> headings = new HashMap<>();
    if (!wanted.isEmpty()) {
      Section.<Section>list("id in ?1", wanted).forEach(s -> headings.put(s.id, s.heading));
    }
    return headings;
  }

  /** The first {@code length} characters of the visible comments among {@code ids}, by id. */
  Map<Long, String> commentExcerpts(Collection<Long> ids, int length) {
    Collection<Long> wanted = present(ids);
    return wanted.isEmpty() ? new HashMap<>() : new HashMap<>(comments.excerpts(wanted, length));
  }

  private static Collection<Long> present(Collection<Long> ids) {
    return ids.stream().filter(Objects::nonNull).collect(Collectors.toSet());
  }
}
