package org.plenary.event;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.plenary.identity.Account;
import org.plenary.identity.People;
import org.plenary.platform.api.PageOf;
import org.plenary.platform.api.Paging;
import org.plenary.platform.error.Invalid;
import org.plenary.platform.events.Event;

/** A paper's audit log: its events, newest first, filtered by person, object and time. */
@ApplicationScoped
public class AuditLog {

  /** Who did something, as the audit log shows it (to the paper's owners only). */
  public record Who(Long id, String handle, String displayName) {}

  /** One recorded change or security event. */
  public record Entry(
      long id,
      Instant at,
      Who actor,
      String type,
      String objectType,
      Long objectId,
      Map<String, Object> payload,
      String address) {}

  /** What to show; every field is optional. */
  public record Filter(
      Long actorId, String type, String objectType, Long objectId, Instant from, Instant to) {}

  @Transactional
  public PageOf<Entry> of(long paperId, Filter filter, Paging paging) {
    if (filter.from() != null && filter.to() != null && filter.to().isBefore(filter.from())) {
      throw new Invalid("to", "must not be before from");
    }
    List<String> where = new ArrayList<>(List.of("paperId = :paper"));
    Parameters params = Parameters.with("paper", paperId);
    if (filter.actorId() != null) {
      where.add("actorId = :actor");
      params.and("actor", filter.actorId());
    }
    if (filter.type() != null && !filter.type().isBlank()) {
      where.add("type like :type");
      params.and("type", filter.type().strip().replace("*", "%"));
    }
    if (filter.objectType() != null && !filter.objectType().isBlank()) {
      where.add("objectType = :objectType");
      params.and("objectType", filter.objectType().strip());
    }
    if (filter.objectId() != null) {
      where.add("objectId = :objectId");
      params.and("objectId", filter.objectId());
    }
    if (filter.from() != null) {
      where.add("createdAt >= :from");
      params.and("from", filter.from());
    }
    if (filter.to() != null) {
      where.add("createdAt < :to");
      params.and("to", filter.to());
    }
    var query = Event.<Event>find(String.join(" and ", where), Sort.descending("id"), params);
    List<Event> page = query.page(Page.of(paging.page(), paging.size())).list();
    Map<Long, Who> people =
        Account.<Account>list(
                "id in ?1", page.stream().map(e -> e.actorId).filter(id -> id != null).toList())
            .stream()
            .collect(
                Collectors.toMap(
                    a -> a.id,
                    a -> {
                      People.Shown shown = People.present(a, People.Audience.IN_THE_ROOM);
                      return new Who(shown.id(), shown.handle(), shown.displayName());
                    }));
    List<Entry> items =
        page.stream()
            .map(
                e ->
                    new Entry(
                        e.id,
                        e.createdAt,
                        e.actorId == null ? null : people.get(e.actorId),
                        e.type,
                        e.objectType,
                        e.objectId,
                        e.payload,
                        e.address))
            .toList();
    return new PageOf<>(items, paging.page(), paging.size(), query.count());
  }
}
