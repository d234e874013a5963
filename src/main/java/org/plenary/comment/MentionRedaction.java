package org.plenary.comment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import org.plenary.identity.Erasing;

/**
 * An erased person's old handle goes from the text of every comment that mentions them, in every
 * version (the versions view shows old ones): {@code @oldhandle} becomes {@code @former-12}, the
 * handle the account now has, so the mention still resolves and readers outside the room see
 * "@participant" as for any unnamed person. Runs inside the erasure's transaction, past the
 * versions' append-only trigger through the transaction-local {@code plenary.redaction} (V8).
 */
@ApplicationScoped
public class MentionRedaction {

  @Inject EntityManager em;

  @SuppressWarnings("unchecked")
  void onErasing(@Observes Erasing erasing) {
    List<Number> comments =
        em.createNativeQuery("SELECT comment_id FROM comment_mention WHERE account_id = ?1")
            .setParameter(1, erasing.accountId())
            .getResultList();
    if (comments.isEmpty()) {
      return;
    }
    Long[] ids = comments.stream().map(Number::longValue).toArray(Long[]::new);
    em.createNativeQuery("SELECT set_config('plenary.redaction', 'erasure', true)")
        .getSingleResult();
    rewrite("comment", "id", ids, erasing);
    rewrite("comment_version", "comment_id", ids, erasing);
    em.createNativeQuery("SELECT set_config('plenary.redaction', '', true)").getSingleResult();
  }

  @SuppressWarnings("unchecked")
  private void rewrite(String table, String key, Long[] ids, Erasing erasing) {
    List<Object[]> rows =
        em.createNativeQuery("SELECT id, body FROM " + table + " WHERE " + key + " = ANY(?1)")
            .setParameter(1, ids)
            .getResultList();
    for (Object[] r : rows) {
      String body = (String) r[1];
      String redacted = replace(body, erasing.oldHandle(), erasing.newHandle());
      if (!redacted.equals(body)) {
        em.createNativeQuery("UPDATE " + table + " SET body = ?2 WHERE id = ?1")
            .setParameter(1, ((Number) r[0]).longValue())
            .setParameter(2, redacted)
            .executeUpdate();
      }
    }
  }

  /** Mentions of {@code handle} (as {@link Mentions} reads them, trailing punctuation kept). */
  static String replace(String body, String handle, String newHandle) {
    String old = handle.toLowerCase(Locale.ROOT);
    Matcher m = Mentions.MENTION.matcher(body);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String h = m.group(1).toLowerCase(Locale.ROOT);
      String bare = h.replaceAll("[._-]+$", "");
      String replacement =
          h.equals(old)
              ? "@" + newHandle
              : bare.equals(old)
                  ? "@" + newHandle + m.group(1).substring(bare.length())
                  : m.group();
      m.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(out);
    return out.toString();
  }
}
