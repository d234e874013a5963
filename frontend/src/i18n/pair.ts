/**
 * A feature's strings in English and French side by side. The type makes the French table list
 * exactly the English keys, so a missing translation fails the type check. `{name}` marks a value
 * filled in by `t()`.
 */
export function pair<const E extends Record<string, string>>(
  en: E,
  fr: { readonly [K in keyof E]: string },
): { readonly en: E; readonly fr: { readonly [K in keyof E]: string } } {
  return { en, fr };
}
