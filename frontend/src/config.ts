/**
 * Build-time settings. VITE_PLENARY_API_BASE (e.g. "https://plenary.example.org") lets the app be
 * hosted apart from the API; empty or unset means the API is on the page's own origin.
 */
export const API_BASE: string = import.meta.env.VITE_PLENARY_API_BASE ?? '';

/** How long to wait for the API before saying it took too long. */
export const REQUEST_TIMEOUT_MS = 15_000;
