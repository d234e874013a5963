/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** Origin (and optional path prefix) of the Plenary API; empty for the page's own origin. */
  readonly VITE_PLENARY_API_BASE?: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}
