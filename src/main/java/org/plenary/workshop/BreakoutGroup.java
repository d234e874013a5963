package org.plenary.workshop;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.plenary.platform.persistence.BaseEntity;

/**
 * A breakout group of a workshop session. Its members may save the sections assigned to it directly
 * (see {@code PermissionService}); the membership and assignments live in the join tables {@code
 * group_member} and {@code group_section}.
 */
@Entity
@Table(name = "breakout_group")
public class BreakoutGroup extends BaseEntity {
  @Column(nullable = false, updatable = false)
  public Long workshopId;

  @Column(nullable = false, updatable = false)
  public Long paperId;

  @Column(nullable = false)
  public String name;

  public Long facilitatorId;
}
