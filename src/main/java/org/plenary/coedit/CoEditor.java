package org.plenary.coedit;

import org.plenary.identity.People.Audience;
import org.plenary.platform.security.Actor;
import org.plenary.platform.security.Credential;

/**
 * One open socket of a section and who reads it: what the relay of awareness needs (how the reader
 * sees others, how others see the reader) and what {@link SocketAccess} checks again while it is
 * open. {@code audience} and {@code mayWrite} are brought up to date by that check.
 */
final class CoEditor {
  final String connectionId;
  final long paperId;
  final long sectionId;
  final Actor actor;

  /** What the reader signed in with; the socket closes when it no longer holds (null: never). */
  final Credential credential;

  /** How the reader's cursor looks to others. */
  final CursorUser.Looks looks;

  volatile Audience audience;
  volatile boolean mayWrite;

  CoEditor(
      String connectionId,
      long paperId,
      long sectionId,
      Actor actor,
      Credential credential,
      CursorUser.Looks looks,
      Audience audience,
      boolean mayWrite) {
    this.connectionId = connectionId;
    this.paperId = paperId;
    this.sectionId = sectionId;
    this.actor = actor;
    this.credential = credential;
    this.looks = looks;
    this.audience = audience;
    this.mayWrite = mayWrite;
  }
}
