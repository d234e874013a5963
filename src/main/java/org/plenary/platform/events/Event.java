package org.plenary.platform.events;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.Map;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.plenary.platform.persistence.BaseEntity;

/** One state change: written once, in the same transaction as the change, never altered. */
@Entity
@Table(name = "event")
public class Event extends BaseEntity {
  @Column(updatable = false)
  public Long paperId;

  @Column(updatable = false)
  public Long actorId;

  @Column(nullable = false, updatable = false)
  public String type;

  @Column(nullable = false, updatable = false)
  public String objectType;

  @Column(updatable = false)
  public Long objectId;

  /** Where the request came from (after trusted proxies); null for Plenary's own work. */
  @Column(updatable = false)
  public String address;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(nullable = false, updatable = false)
  public Map<String, Object> payload;
}
