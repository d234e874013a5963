/** The paper statuses the app has names for. */

/** The statuses the server knows today; an unknown one is still shown (see status.ts). */
export const PAPER_STATUSES = ['DRAFTING', 'REVIEW', 'FROZEN'] as const;
export type KnownPaperStatus = (typeof PAPER_STATUSES)[number];
