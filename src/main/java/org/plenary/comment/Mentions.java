package org.plenary.comment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.plenary.comment.CommentRecords.Mentionable;
import org.plenary.identity.Account;
import org.plenary.member.Memberships;
import org.plenary.platform.error.Invalid;

/**
 * {@code @handle} mentions in comments, resolved on the server against the paper's members: a
 * mention of anyone else is refused, so no one is told about a paper they cannot read.
 */
@ApplicationScoped
public class Mentions {

  /** An {@code @} not inside a word or an email address, then a handle (see Handles). */
  static final Pattern MENTION =
      Pattern.compile("(?<![\\p{L}\\p{N}._@-])@([A-Za-z0-9][A-Za-z0-9._-]{1,29})");

  @Inject Memberships memberships;

  /** The handles written in {@code text}, as written, in order, without repeats. */
  static Set<String> written(String text) {
    Set<String> handles = new LinkedHashSet<>();
    Matcher m = MENTION.matcher(text);
    while (m.find()) {
      handles.add(m.group(1));
    }
    return handles;
  }

  /**
   * The members of the paper that {@code text} mentions, by account id; refuses (422 on {@code
   * field}) a mention of someone who is not a member. A handle followed by a full stop or dash
   * ("thanks @amina.") is read without it.
   */
  public Map<Long, String> resolve(long paperId, String text, String field) {
    Set<String> written = written(text);
    if (written.isEmpty()) {
      return Map.of();
    }
    Map<String, Long> members = membersByHandle(paperId, written);
    Map<Long, String> found = new LinkedHashMap<>();
    List<String> unknown = new ArrayList<>();
    for (String handle : written) {
      String h = handle;
      Long id = members.get(h.toLowerCase(Locale.ROOT));
      while (id == null && !h.isEmpty() && ".-_".indexOf(h.charAt(h.length() - 1)) >= 0) {
        h = h.substring(0, h.length() - 1);
        id = members.get(h.toLowerCase(Locale.ROOT));
      }
      if (id == null) {
        unknown.add("@" + handle);
      } else {
        found.put(id, h);
      }
    }
    if (!unknown.isEmpty()) {
      throw new Invalid(
          field,
          "mentions "
              + String.join(", ", unknown)
              + (unknown.size() == 1 ? ", who is" : ", who are")
              + " not a member of this paper; mention members only (or write the name without @)");
    }
    return found;
  }

  /** Members whose handle or name starts with {@code query}, for autocompletion (at most 20). */
  public List<Mentionable> candidates(long paperId, String query) {
    String q = query == null ? "" : query.strip().replaceFirst("^@", "").toLowerCase(Locale.ROOT);
    return Account.activeStartingWith(memberships.membersOf(paperId), q, 20).stream()
        .map(a -> new Mentionable(a.handle, a.displayName, a.organisation))
        .toList();
  }

  private Map<String, Long> membersByHandle(long paperId, Set<String> written) {
    Set<String> wanted = new LinkedHashSet<>();
    for (String h : written) {
      String lower = h.toLowerCase(Locale.ROOT);
      wanted.add(lower);
      wanted.add(lower.replaceAll("[._-]+$", ""));
    }
    Map<String, Long> byHandle = new LinkedHashMap<>();
    for (Account a : Account.notErasedAmong(memberships.membersOf(paperId))) {
      String handle = a.handle.toLowerCase(Locale.ROOT);
      if (wanted.contains(handle)) {
        byHandle.put(handle, a.id);
      }
    }
    return byHandle;
  }
}
