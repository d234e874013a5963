package org.plenary.paper;

import jakarta.enterprise.context.ApplicationScoped;
import org.plenary.platform.security.KnownPapers;

/** Tells the platform which papers exist. */
@ApplicationScoped
public class PaperDirectory implements KnownPapers {

  @Override
  public boolean exists(long paperId) {
    return Paper.count("id", paperId) > 0;
  }
}
