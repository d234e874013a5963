package org.plenary.coedit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The awareness states of one section as this instance knows them, by y-protocols client id, and
 * the rules for changing them; no I/O, so {@link Awareness} relays what these return.
 *
 * <p>A state is newer when its clock is (y-protocols' rule); a removal ({@code null}) at the same
 * clock also counts. The clock the server relays is its own, never lower than the client's and
 * always increasing per client id: after the server removed a client (its socket closed, or it went
 * quiet), that client may come back with the clock it had, which other browsers, having seen the
 * removal at a higher clock, would ignore. Removed clients are remembered (their clocks only) for
 * that, at most {@link #REMEMBERED} of them.
 *
 * <p>A client id belongs to the account that announced it: another account's announcement of it is
 * refused ({@link #mayAnnounce}), so nobody moves someone else's cursor.
 */
final class AwarenessStates {

  static final int REMEMBERED = 1_024;

  /** Who announced a state: a socket here ({@code connectionId}), or null for another instance. */
  record Owner(long accountId, String connectionId, boolean readOnly, CursorUser.Looks looks) {}

  /** A change to relay: {@code state} is null when the client is gone. */
  record Change(long clientId, long clock, ObjectNode state, Owner owner) {}

  private static final class State {
    long clientId;
    long clientClock;
    long clock;
    ObjectNode state;
    Owner owner;
    long seenAt;
  }

  private final Map<Long, State> states = new HashMap<>();

  /** Whether {@code accountId} may announce {@code clientId}: nobody else holds it. */
  boolean mayAnnounce(long clientId, long accountId) {
    State s = states.get(clientId);
    return s == null || s.state == null || s.owner.accountId() == accountId;
  }

  /** How many live states the socket {@code connectionId} announced. */
  int ownedBy(String connectionId) {
    int n = 0;
    for (State s : states.values()) {
      if (s.state != null && connectionId.equals(s.owner.connectionId())) {
        n++;
      }
    }
    return n;
  }

  /** Whether the socket {@code connectionId} holds the live state of {@code clientId}. */
  boolean holds(String connectionId, long clientId) {
    State s = states.get(clientId);
    return s != null && s.state != null && connectionId.equals(s.owner.connectionId());
  }

  /**
   * Takes a client's state ({@code null}: it left) at {@code clock} from {@code owner}; the change
   * to relay, or null when it is not newer than what is known (or removes what is not there).
   */
  Change put(Owner owner, long clientId, long clock, ObjectNode state, long now) {
    State s = states.get(clientId);
    if (s != null && !newer(s, owner, clock, state)) {
      return null;
    }
    if (s == null) {
      if (state == null) {
        return null;
      }
      s = new State();
      s.clientId = clientId;
      s.clock = clock;
      states.put(clientId, s);
      forgetOldest();
    } else {
      s.clock = Math.max(clock, s.clock + 1);
    }
    s.clientClock = clock;
    s.state = state;
    s.owner = owner;
    s.seenAt = now;
    return change(s);
  }

  private static boolean newer(State s, Owner owner, long clock, ObjectNode state) {
    if (s.state == null) {
      // Removed: a returning client may resend the clock it had; a removal is already done.
      return state != null && clock >= s.clientClock;
    }
    if (state == null) {
      return clock >= s.clientClock;
    }
    boolean takeover = !java.util.Objects.equals(owner.connectionId(), s.owner.connectionId());
    return clock > s.clientClock || (clock == s.clientClock && takeover);
  }

  /** Removes every state the socket announced (it closed). */
  List<Change> removeOwnedBy(String connectionId) {
    List<Change> out = new ArrayList<>();
    for (State s : states.values()) {
      if (s.state != null && connectionId.equals(s.owner.connectionId())) {
        out.add(remove(s));
      }
    }
    return out;
  }

  /** Removes the states not refreshed since {@code before} (y-protocols' outdated timeout). */
  List<Change> outdated(long before) {
    List<Change> out = new ArrayList<>();
    for (State s : states.values()) {
      if (s.state != null && s.seenAt - before < 0) {
        out.add(remove(s));
      }
    }
    return out;
  }

  /** Gives the socket's states a new owner (its reader may now write, or no longer), newer. */
  List<Change> reown(String connectionId, Owner owner) {
    List<Change> out = new ArrayList<>();
    for (State s : states.values()) {
      if (s.state != null && connectionId.equals(s.owner.connectionId())) {
        s.owner = owner;
        s.clock++;
        out.add(change(s));
      }
    }
    return out;
  }

  /** Every live state, but those the socket {@code connectionId} announced itself. */
  List<Change> currentBesides(String connectionId) {
    List<Change> out = new ArrayList<>();
    for (State s : states.values()) {
      if (s.state != null && !connectionId.equals(s.owner.connectionId())) {
        out.add(change(s));
      }
    }
    return out;
  }

  private static Change remove(State s) {
    s.state = null;
    s.clock++;
    return change(s);
  }

  private static Change change(State s) {
    return new Change(s.clientId, s.clock, s.state, s.owner);
  }

  /** Forgets the removed clients heard of longest ago, beyond {@link #REMEMBERED}. */
  private void forgetOldest() {
    if (states.size() <= REMEMBERED) {
      return;
    }
    states.values().stream()
        .filter(s -> s.state == null)
        .min(Comparator.comparingLong(s -> s.seenAt))
        .ifPresent(s -> states.remove(s.clientId));
  }
}
