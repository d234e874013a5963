package org.plenary.platform.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PrePersist;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Every entity has a database-generated id and the time it was created. Active-record style. */
@MappedSuperclass
public abstract class BaseEntity extends PanacheEntityBase {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @Column(nullable = false, updatable = false)
  public Instant createdAt;

  @PrePersist
  void stampCreation() {
    if (createdAt == null) {
      createdAt = now();
    }
  }

  /** PostgreSQL keeps microseconds; truncating here keeps what we return equal to what we read. */
  public static Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.MICROS);
  }
}
