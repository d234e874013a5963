package org.plenary.coedit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** The rules of one section's awareness states, without sockets. */
class AwarenessStatesTest {

  static final CursorUser.Looks LOOKS =
      new CursorUser.Looks(
          new CursorUser("A", "#E69F00", "#E69F0033", "●", "A"),
          new CursorUser("A participant", "#E69F00", "#E69F0033", "●", "A participant"));
  static final AwarenessStates.Owner ALICE = new AwarenessStates.Owner(1, "socket-a", false, LOOKS);
  static final AwarenessStates.Owner ALICE_AGAIN =
      new AwarenessStates.Owner(1, "socket-a2", false, LOOKS);
  static final AwarenessStates.Owner BOB = new AwarenessStates.Owner(2, "socket-b", true, LOOKS);

  static ObjectNode at(int anchor) {
    return JsonNodeFactory.instance.objectNode().put("anchor", anchor);
  }

  @Test
  void a_newer_clock_replaces_the_state_and_an_older_one_changes_nothing() {
    AwarenessStates states = new AwarenessStates();
    assertEquals(5, states.put(ALICE, 9, 5, at(1), 0).clock());
    assertNull(states.put(ALICE, 9, 5, at(2), 0), "the same clock again");
    assertNull(states.put(ALICE, 9, 4, at(2), 0), "an older clock");
    assertEquals(6, states.put(ALICE, 9, 6, at(2), 0).clock());
    assertEquals(at(2), states.currentBesides("socket-b").get(0).state());
    assertTrue(states.currentBesides("socket-a").isEmpty(), "a socket is not sent its own");
  }

  @Test
  void a_removal_at_the_same_clock_counts_and_removing_twice_changes_nothing() {
    AwarenessStates states = new AwarenessStates();
    states.put(ALICE, 9, 5, at(1), 0);
    AwarenessStates.Change gone = states.put(ALICE, 9, 5, null, 0);
    assertNotNull(gone);
    assertNull(gone.state());
    assertNull(states.put(ALICE, 9, 6, null, 0));
    assertNull(states.put(ALICE, 7, 1, null, 0), "a client never seen");
    assertTrue(states.currentBesides("nobody").isEmpty());
  }

  @Test
  void a_client_back_after_its_socket_closed_is_relayed_at_a_clock_above_its_removal() {
    AwarenessStates states = new AwarenessStates();
    states.put(ALICE, 9, 5, at(1), 0);
    AwarenessStates.Change removed = states.removeOwnedBy("socket-a").get(0);
    assertEquals(6, removed.clock());
    // The browser reconnects and says what it said before, at its own clock.
    AwarenessStates.Change back = states.put(ALICE_AGAIN, 9, 5, at(1), 0);
    assertNotNull(back);
    assertTrue(back.clock() > removed.clock(), "others ignore clocks they have seen");
    assertNull(states.put(ALICE_AGAIN, 9, 4, at(1), 0), "but not an older one");
  }

  @Test
  void another_account_may_not_announce_a_client_someone_holds() {
    AwarenessStates states = new AwarenessStates();
    states.put(ALICE, 9, 5, at(1), 0);
    assertFalse(states.mayAnnounce(9, BOB.accountId()));
    assertTrue(states.mayAnnounce(9, ALICE.accountId()));
    assertTrue(states.mayAnnounce(10, BOB.accountId()));
    states.removeOwnedBy("socket-a");
    assertTrue(states.mayAnnounce(9, BOB.accountId()), "once it is gone");
  }

  @Test
  void a_closed_socket_takes_only_its_own_states_and_quiet_ones_time_out() {
    AwarenessStates states = new AwarenessStates();
    states.put(ALICE, 1, 1, at(1), 100);
    states.put(BOB, 2, 1, at(2), 200);
    states.put(ALICE_AGAIN, 3, 1, at(3), 300);
    assertEquals(1, states.removeOwnedBy("socket-a").size());
    assertEquals(2, states.ownedBy("socket-b") + states.ownedBy("socket-a2"));
    var quiet = states.outdated(250);
    assertEquals(1, quiet.size());
    assertEquals(2, quiet.get(0).clientId());
    assertEquals(3, states.currentBesides("nobody").get(0).clientId());
  }

  @Test
  void a_new_owner_is_relayed_newer() {
    AwarenessStates states = new AwarenessStates();
    states.put(BOB, 2, 4, at(2), 0);
    AwarenessStates.Owner writer = new AwarenessStates.Owner(2, "socket-b", false, LOOKS);
    AwarenessStates.Change change = states.reown("socket-b", writer).get(0);
    assertEquals(5, change.clock());
    assertFalse(change.owner().readOnly());
  }
}
