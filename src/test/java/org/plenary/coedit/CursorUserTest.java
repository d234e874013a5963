package org.plenary.coedit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.plenary.identity.Account;
import org.plenary.identity.Attribution;
import org.plenary.identity.People.Audience;

/** How a cursor's person is shown: the Chatham House rule, and more than colour to tell apart. */
class CursorUserTest {

  static Account account(long id, String name, Attribution attribution) {
    Account a = new Account();
    a.id = id;
    a.handle = "h" + id;
    a.displayName = name;
    a.attribution = attribution;
    return a;
  }

  @Test
  void the_room_sees_names_and_initials_and_observers_see_an_unnamed_person_as_a_participant() {
    Account shy = account(5, "Amina Diallo", Attribution.ANONYMOUS);
    CursorUser.Looks looks = CursorUser.looks(shy, 1);
    assertEquals("Amina Diallo", looks.to(Audience.IN_THE_ROOM).name());
    assertEquals("AD", looks.to(Audience.IN_THE_ROOM).label());
    assertEquals("A participant", looks.to(Audience.OUTSIDE).name());
    assertEquals("A participant", looks.to(Audience.OUTSIDE).label());
    assertEquals(looks.inTheRoom().color(), looks.outside().color());
    assertEquals(looks.inTheRoom().color() + "33", looks.inTheRoom().colorLight());

    Account named = account(6, "élodie", Attribution.NAMED);
    assertEquals("élodie", CursorUser.looks(named, 1).to(Audience.OUTSIDE).name());
    assertEquals("É", CursorUser.looks(named, 1).to(Audience.OUTSIDE).label());
  }

  @Test
  void a_person_keeps_colour_and_shape_in_a_paper_and_people_get_many_combinations() {
    Account a = account(5, "Amina Diallo", Attribution.NAMED);
    assertEquals(CursorUser.looks(a, 1), CursorUser.looks(a, 1));
    Set<String> seen = new HashSet<>();
    Set<String> colors = new HashSet<>();
    for (long id = 1; id <= 200; id++) {
      CursorUser u = CursorUser.looks(account(id, "P " + id, Attribution.NAMED), 1).inTheRoom();
      seen.add(u.color() + u.shape());
      colors.add(u.color());
    }
    assertEquals(CursorUser.COLORS.length, colors.size(), "every colour is used");
    assertTrue(seen.size() >= 25, "colour and shape together: " + seen.size());
    Set<String> acrossPapers = new HashSet<>();
    for (long paper = 1; paper <= 20; paper++) {
      CursorUser u = CursorUser.looks(a, paper).inTheRoom();
      acrossPapers.add(u.color() + u.shape());
    }
    assertNotEquals(1, acrossPapers.size(), "an unnamed colour does not follow one across papers");
  }
}
