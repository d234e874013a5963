package org.plenary.search;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.plenary.platform.security.Action;
import org.plenary.platform.security.Authorize;
import org.plenary.search.SearchService.Results;

/** Search a paper's current text. */
@Path("/api/papers/{paperId}/search")
@Tag(name = "Search")
public class SearchResource {

  @Inject SearchService search;

  @GET
  @Authorize(Action.READ_PAPER)
  @Operation(
      summary = "Full-text search over the paper's current sections",
      description =
          "q uses web-search syntax: words, \"quoted phrases\", OR, -excluded. Snippets are HTML"
              + " with matches in <mark>.")
  public Results search(@PathParam("paperId") long paperId, @QueryParam("q") String q) {
    return search.search(paperId, q);
  }
}
