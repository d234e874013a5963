/** Reading the paper's live events (`GET /api/papers/{id}/events`): which section one is about. */

/** Whether an event's data names `sectionId` (as `"sectionId":42`, with or without a space). */
export function mentionsSection(data: string, sectionId: number): boolean {
  return new RegExp(`"sectionId":\\s?${sectionId}(?!\\d)`).test(data);
}

/** The revision a `section.saved` event reports (0 when it cannot be read). */
export function savedRevisionIn(data: string): number {
  try {
    const revision = (JSON.parse(data) as { data?: { revision?: unknown } }).data?.revision;
    return typeof revision === 'number' ? revision : 0;
  } catch {
    return 0;
  }
}
