package org.plenary.platform.api;

import java.util.List;

/** One page of a longer list: the items, which page, its size, and how many there are in all. */
public record PageOf<T>(List<T> items, int page, int size, long total) {}
