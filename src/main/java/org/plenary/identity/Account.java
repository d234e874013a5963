package org.plenary.identity;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.plenary.platform.persistence.BaseEntity;

/** A person (or, until sign-in exists, the shared open-access account) that changes belong to. */
@Entity
@Table(name = "account")
public class Account extends BaseEntity {
  public String handle;
  public String displayName;
}
