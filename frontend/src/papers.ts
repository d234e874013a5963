/** The papers list as the API returns it (GET /api/papers), checked before use. */

/** The statuses the server knows today; an unknown one is still shown (see status.ts). */
export const PAPER_STATUSES = ['DRAFTING', 'REVIEW', 'FROZEN'] as const;
export type KnownPaperStatus = (typeof PAPER_STATUSES)[number];

export interface PaperSummary {
  readonly id: number;
  readonly slug: string;
  readonly title: string;
  readonly subtitle: string | null;
  readonly status: string;
  /** BCP 47 language tag of the paper's text, e.g. "en" or "fr". */
  readonly language: string;
  /** ISO 8601 instant. */
  readonly updatedAt: string;
}

export interface PaperPage {
  readonly items: readonly PaperSummary[];
  readonly page: number;
  readonly size: number;
  readonly total: number;
}

export const PAPERS_PAGE_SIZE = 50;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

function parsePaper(value: unknown): PaperSummary | null {
  if (!isRecord(value)) return null;
  const { id, slug, title, subtitle, status, language, updatedAt } = value;
  if (
    !isCount(id) ||
    typeof slug !== 'string' ||
    typeof title !== 'string' ||
    typeof status !== 'string' ||
    typeof updatedAt !== 'string'
  ) {
    return null;
  }
  if (subtitle !== undefined && subtitle !== null && typeof subtitle !== 'string') return null;
  if (language !== undefined && language !== null && typeof language !== 'string') return null;
  return {
    id,
    slug,
    title,
    subtitle: typeof subtitle === 'string' && subtitle.trim() !== '' ? subtitle : null,
    status,
    language: typeof language === 'string' ? language : '',
    updatedAt,
  };
}

/**
 * Checks a decoded JSON body against the expected page shape. Returns null when it does not fit,
 * so the caller can say the answer could not be read instead of failing somewhere later.
 */
export function parsePaperPage(body: unknown): PaperPage | null {
  if (!isRecord(body) || !Array.isArray(body['items'])) return null;
  const { page, size, total } = body;
  if (!isCount(page) || !isCount(size) || !isCount(total)) return null;
  const items: PaperSummary[] = [];
  for (const raw of body['items']) {
    const paper = parsePaper(raw);
    if (paper === null) return null;
    items.push(paper);
  }
  return { items, page, size, total };
}
