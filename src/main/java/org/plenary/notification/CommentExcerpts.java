package org.plenary.notification;

import java.util.Collection;
import java.util.Map;

/**
 * What comments said, for the notifications that point at them, as the comment feature tells it (it
 * implements this; the notification feature never reads its tables). A comment that was deleted or
 * hidden has no excerpt.
 */
public interface CommentExcerpts {

  /** The first {@code length} characters of each visible comment among {@code ids}, by id. */
  Map<Long, String> excerpts(Collection<Long> ids, int length);
}
