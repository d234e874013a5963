/**
 * Every user-facing string of the app, in English and French. Add a language by adding a
 * `Strings` object to MESSAGES (the type checker then lists anything missing).
 */
import { CARE } from './i18n/care';
import { CORE } from './i18n/core';
import { IMPORTING } from './i18n/importing';
import { LIVE } from './i18n/live';
import { OUTCOME } from './i18n/outcome';
import { READING } from './i18n/reading';
import { WORK } from './i18n/work';
import type { KnownPaperStatus } from './papers';

export type Locale = 'en' | 'fr';

export const DEFAULT_LOCALE: Locale = 'en';

export interface Strings {
  /** Text direction of this language. */
  readonly dir: 'ltr' | 'rtl';
  /** The language's own name, for the language switcher. */
  readonly languageName: string;
  readonly appName: string;
  readonly tagline: string;
  readonly skipToContent: string;
  readonly languageNav: string;
  readonly papersHeading: string;
  readonly loading: string;
  readonly empty: string;
  readonly showing: (shown: string, total: string) => string;
  readonly total: (total: string) => string;
  readonly updated: (when: string) => string;
  readonly statusPrefix: string;
  readonly statuses: Readonly<Record<KnownPaperStatus, string>>;
  readonly retry: string;
  readonly apiDocs: string;
  readonly apiDocsIntro: string;
  readonly errorHeading: string;
  readonly errorNetwork: string;
  readonly errorTimeout: string;
  readonly errorUnreadable: string;
  readonly errorNotFound: string;
  readonly errorForbidden: string;
  readonly errorUnauthorized: string;
  readonly errorTooMany: string;
  readonly errorUnavailable: string;
  readonly errorServer: (status: number) => string;
  readonly errorClient: (status: number) => string;
  readonly fieldError: (field: string, message: string) => string;
  readonly signInHeading: string;
  readonly signInIntro: string;
  readonly handleLabel: string;
  readonly passwordLabel: string;
  readonly signInButton: string;
  readonly signingIn: string;
  readonly signedInAs: (name: string) => string;
  readonly signOut: string;
  readonly signInFailed: string;
}

const en: Strings = {
  dir: 'ltr',
  languageName: 'English',
  appName: 'Plenary',
  tagline: 'Workshop groups co-write proposals, merge drafts, comment and endorse.',
  skipToContent: 'Skip to content',
  languageNav: 'Language',
  papersHeading: 'Papers',
  loading: 'Loading papers…',
  empty: 'There are no papers yet.',
  showing: (shown, total) => `Showing ${shown} of ${total} papers.`,
  total: (total) => (total === '1' ? '1 paper.' : `${total} papers.`),
  updated: (when) => `Updated ${when}`,
  statusPrefix: 'Status:',
  statuses: { DRAFTING: 'Drafting', REVIEW: 'In review', FROZEN: 'Frozen' },
  retry: 'Try again',
  apiDocs: 'API documentation',
  apiDocsIntro: 'Programs can use the Plenary API directly:',
  errorHeading: 'The papers could not be loaded',
  errorNetwork: 'The server could not be reached. Check your connection and try again.',
  errorTimeout: 'The server took too long to answer. Try again in a moment.',
  errorUnreadable: 'The server sent an answer that could not be read.',
  errorNotFound: 'The server does not know this address.',
  errorForbidden: 'You are not allowed to see this.',
  errorUnauthorized: 'You need to sign in to see this.',
  errorTooMany: 'Too many requests right now. Wait a moment and try again.',
  errorUnavailable: 'The server is not available right now. Try again in a moment.',
  errorServer: (status) => `Something went wrong on the server (error ${status}).`,
  errorClient: (status) => `The server refused the request (error ${status}).`,
  fieldError: (field, message) => `${field}: ${message}`,
  signInHeading: 'Sign in',
  signInIntro: 'Sign in with the handle and password of your Plenary account.',
  handleLabel: 'Handle',
  passwordLabel: 'Password',
  signInButton: 'Sign in',
  signingIn: 'Signing in…',
  signedInAs: (name) => `Signed in as ${name}`,
  signOut: 'Sign out',
  signInFailed: 'Signing in did not work',
};

const fr: Strings = {
  dir: 'ltr',
  languageName: 'Français',
  appName: 'Plenary',
  tagline:
    'Les groupes de travail rédigent ensemble leurs propositions, fusionnent les versions, commentent et approuvent.',
  skipToContent: 'Aller au contenu',
  languageNav: 'Langue',
  papersHeading: 'Textes',
  loading: 'Chargement des textes…',
  empty: 'Il n’y a encore aucun texte.',
  showing: (shown, total) => `${shown} textes affichés sur ${total}.`,
  total: (total) => (total === '1' ? '1 texte.' : `${total} textes.`),
  updated: (when) => `Mis à jour le ${when}`,
  statusPrefix: 'État :',
  statuses: { DRAFTING: 'En rédaction', REVIEW: 'En relecture', FROZEN: 'Figé' },
  retry: 'Réessayer',
  apiDocs: 'Documentation de l’API',
  apiDocsIntro: 'Les programmes peuvent utiliser directement l’API de Plenary :',
  errorHeading: 'Les textes n’ont pas pu être chargés',
  errorNetwork: 'Le serveur est injoignable. Vérifiez votre connexion et réessayez.',
  errorTimeout: 'Le serveur a mis trop de temps à répondre. Réessayez dans un instant.',
  errorUnreadable: 'Le serveur a envoyé une réponse illisible.',
  errorNotFound: 'Le serveur ne connaît pas cette adresse.',
  errorForbidden: 'Vous n’avez pas le droit de voir ceci.',
  errorUnauthorized: 'Vous devez vous connecter pour voir ceci.',
  errorTooMany: 'Trop de demandes en ce moment. Patientez un instant puis réessayez.',
  errorUnavailable: 'Le serveur est indisponible pour le moment. Réessayez dans un instant.',
  errorServer: (status) => `Une erreur s’est produite sur le serveur (erreur ${status}).`,
  errorClient: (status) => `Le serveur a refusé la demande (erreur ${status}).`,
  fieldError: (field, message) => `${field} : ${message}`,
  signInHeading: 'Connexion',
  signInIntro: 'Connectez-vous avec l’identifiant et le mot de passe de votre compte Plenary.',
  handleLabel: 'Identifiant',
  passwordLabel: 'Mot de passe',
  signInButton: 'Se connecter',
  signingIn: 'Connexion…',
  signedInAs: (name) => `Connecté·e en tant que ${name}`,
  signOut: 'Se déconnecter',
  signInFailed: 'La connexion n’a pas abouti',
};

export const MESSAGES: Readonly<Record<Locale, Strings>> = { en, fr };

export const LOCALES = Object.keys(MESSAGES) as readonly Locale[];

function isLocale(value: string): value is Locale {
  return Object.hasOwn(MESSAGES, value);
}

/** "fr-CA" → "fr"; null when the language is not one the app speaks. */
export function matchLocale(tag: string): Locale | null {
  const primary = tag.trim().toLowerCase().split(/[-_]/)[0] ?? '';
  return isLocale(primary) ? primary : null;
}

/**
 * The language to show: an explicit choice (e.g. `?lang=fr`) first, then the browser's preferred
 * languages in order, then English.
 */
export function pickLocale(explicit: string | null, preferred: readonly string[]): Locale {
  for (const tag of [explicit ?? '', ...preferred]) {
    const locale = matchLocale(tag);
    if (locale !== null) return locale;
  }
  return DEFAULT_LOCALE;
}

export function stringsFor(locale: Locale): Strings {
  return MESSAGES[locale];
}

// ---- the app's messages (per-feature tables in i18n/, one entry point here) ----------------

const EN = { ...CORE.en, ...WORK.en, ...LIVE.en, ...OUTCOME.en, ...CARE.en, ...READING.en, ...IMPORTING.en };
export type Key = keyof typeof EN;
const FR: Readonly<Record<Key, string>> = {
  ...CORE.fr,
  ...WORK.fr,
  ...LIVE.fr,
  ...OUTCOME.fr,
  ...CARE.fr,
  ...READING.fr,
  ...IMPORTING.fr,
};

/** Every message of the app, per language. */
export const DICTIONARIES: Readonly<Record<Locale, Readonly<Record<Key, string>>>> = { en: EN, fr: FR };

let current: Locale = DEFAULT_LOCALE;

export function setLocale(locale: Locale): void {
  current = locale;
}

/** The Strings (problem messages, status names) of the current language. */
export function strings(): Strings {
  return MESSAGES[current];
}

/** Fills `{name}` placeholders; a placeholder without a value is left as it is. */
export function fill(template: string, params: Readonly<Record<string, string | number>> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : whole,
  );
}

/** A message in the current language, with its placeholders filled. */
export function t(key: Key, params?: Readonly<Record<string, string | number>>): string {
  return fill(DICTIONARIES[current][key], params);
}
