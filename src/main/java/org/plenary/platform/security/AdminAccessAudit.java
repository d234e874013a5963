package org.plenary.platform.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import org.plenary.platform.events.EventLog;

/** Records each time a platform administrator acts on a paper they are not a member of. */
@ApplicationScoped
public class AdminAccessAudit {

  @Inject EventLog events;
  @Inject KnownPapers papers;

  void record(Actor actor, long paperId, Action action) {
    // The paper's own log shows it too, when the paper exists.
    Long inPaper = papers.exists(paperId) ? paperId : null;
    events.audit(
        actor, inPaper, "admin.paper-accessed", "paper", paperId, Map.of("action", action.name()));
  }
}
