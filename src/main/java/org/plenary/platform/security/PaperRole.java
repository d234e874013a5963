package org.plenary.platform.security;

import java.util.EnumSet;
import java.util.Set;

/**
 * A person's role in one paper, and the actions it allows (the README's permission matrix).
 * Contributors may also save sections assigned to a breakout group they belong to; that depends on
 * the section, so {@link PermissionService} decides it.
 */
public enum PaperRole {
  OBSERVER(EnumSet.of(Action.READ_PAPER)),
  CONTRIBUTOR(EnumSet.of(Action.READ_PAPER, Action.PARTICIPATE)),
  EDITOR(
      EnumSet.of(
          Action.READ_PAPER,
          Action.PARTICIPATE,
          Action.SAVE_SECTION,
          Action.EDIT_OUTLINE,
          Action.EDIT,
          Action.COMPILE)),
  OWNER(
      EnumSet.of(
          Action.READ_PAPER,
          Action.PARTICIPATE,
          Action.SAVE_SECTION,
          Action.EDIT_OUTLINE,
          Action.EDIT,
          Action.COMPILE,
          Action.MANAGE_PAPER));

  private final Set<Action> allowed;

  PaperRole(Set<Action> allowed) {
    this.allowed = allowed;
  }

  public boolean allows(Action action) {
    return allowed.contains(action);
  }
}
