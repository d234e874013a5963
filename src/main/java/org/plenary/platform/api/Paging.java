package org.plenary.platform.api;

import org.plenary.platform.error.Invalid;

/** Checks the {@code page} and {@code size} query parameters shared by every list endpoint. */
public record Paging(int page, int size) {

  public static final int MAX_SIZE = 200;

  public static Paging of(Integer page, Integer size, int defaultSize) {
    int p = page == null ? 0 : page;
    int s = size == null ? defaultSize : size;
    if (p < 0) {
      throw new Invalid("page", "must be 0 or more (pages count from 0)");
    }
    if (s < 1 || s > MAX_SIZE) {
      throw new Invalid("size", "must be between 1 and " + MAX_SIZE);
    }
    return new Paging(p, s);
  }

  public int offset() {
    return page * size;
  }
}
