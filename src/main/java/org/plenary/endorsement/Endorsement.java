package org.plenary.endorsement;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import org.plenary.identity.StakeholderGroup;
import org.plenary.platform.persistence.BaseEntity;

/**
 * A person's stance on a proposal ({@link #sectionId} set) or on the whole paper. A row records the
 * stance as it was given and is never changed except to end it, once: changing a stance ends the
 * current row and adds a new one, so the history of who supported what, when, stays.
 */
@Entity
@Table(name = "endorsement")
public class Endorsement extends BaseEntity {

  /** Where someone stands. */
  public enum Stance {
    ENDORSE,
    ENDORSE_WITH_RESERVATIONS,
    OBJECT
  }

  /** In whose name. */
  public enum Capacity {
    PERSONAL,
    ORGANISATION
  }

  /** How a stance ended. */
  public enum Ended {
    CHANGED,
    WITHDRAWN
  }

  @Column(nullable = false, updatable = false)
  public Long paperId;

  @Column(updatable = false)
  public Long sectionId;

  @Column(nullable = false, updatable = false)
  public Long accountId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, updatable = false)
  public Stance stance;

  /** The reservation or the reason for objecting. */
  @Column(updatable = false)
  public String statement;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, updatable = false)
  public Capacity capacity;

  /** The endorser's organisation when they gave the stance. */
  @Column(updatable = false)
  public String organisation;

  /** The endorser's stakeholder group when they gave the stance. */
  @Enumerated(EnumType.STRING)
  @Column(nullable = false, updatable = false)
  public StakeholderGroup stakeholderGroup;

  /** The proposal's revision the stance was given on. */
  @Column(updatable = false)
  public Integer revision;

  /** For the whole paper: the fingerprint of all its section revisions when it was given. */
  @Column(updatable = false)
  public String fingerprint;

  public Instant endedAt;

  @Enumerated(EnumType.STRING)
  @Column(name = "ended_how")
  public Ended ended;
}
