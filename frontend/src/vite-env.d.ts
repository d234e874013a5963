/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** Origin (and optional path prefix) of the Plenary API; empty for the page's own origin. */
  readonly VITE_PLENARY_API_BASE?: string;
  /** A Keycloak realm URL; when set, the sign-in page offers Keycloak single sign-on. */
  readonly VITE_PLENARY_OIDC_URL?: string;
  /** The realm's public client for the web app (default plenary-web). */
  readonly VITE_PLENARY_OIDC_CLIENT_ID?: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}
