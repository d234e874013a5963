package org.plenary.workshop;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import org.plenary.platform.persistence.BaseEntity;

/** A workshop session of a paper: when and where it meets, and its agenda (Markdown). */
@Entity
@Table(name = "workshop")
public class Workshop extends BaseEntity {
  @Column(nullable = false, updatable = false)
  public Long paperId;

  @Column(nullable = false)
  public String title;

  @Column(nullable = false)
  public Instant startsAt;

  @Column(nullable = false)
  public Instant endsAt;

  /** IANA time zone the session is announced in, e.g. {@code Africa/Nairobi}. */
  @Column(nullable = false)
  public String timeZone;

  public String place;
  public String onlineLink;

  @Column(nullable = false)
  public String agenda = "";

  @Column(nullable = false)
  public Instant updatedAt;
}
