/**
 * Who else is in the live text, from awareness: each state's `user` (`{name, color, colorLight,
 * shape, label}`, set by the server; this tab sets its own from the session as a fallback). Labels
 * carry a shape as well as a colour, so people who cannot tell the colours apart can tell the
 * carets apart; colours are darkened until white text on them reaches 4.5:1 (WCAG AA).
 */

export interface LiveUser {
  readonly name: string;
  readonly color: string;
  readonly colorLight: string;
  readonly shape: string;
  readonly label: string;
  readonly readOnly?: boolean;
}

/** The shapes the labels use, by name (the server may send a name or the symbol itself). */
const SHAPES: Readonly<Record<string, string>> = {
  circle: '●',
  square: '■',
  triangle: '▲',
  diamond: '◆',
  star: '★',
  heart: '♥',
  hexagon: '⬢',
  cross: '✚',
};
const SHAPE_ORDER = Object.keys(SHAPES);
/** Dark enough for white text at 4.5:1 already; each person gets one by account id. */
const PALETTE = ['#1f5fa8', '#a8321f', '#2f6b1f', '#7a2f8f', '#8a5200', '#0f6b6b', '#a3245e', '#4a4a8f'];

/** The symbol of a shape name ("triangle" → ▲); a symbol is kept as it is; unknown → ●. */
export function shapeSymbol(shape: string | undefined): string {
  if (shape === undefined || shape === '') return SHAPES['circle'] ?? '●';
  return SHAPES[shape.toLowerCase()] ?? ([...shape].length === 1 ? shape : SHAPES['circle'] ?? '●');
}

function withShape(symbol: string, text: string): string {
  return text.startsWith(symbol) ? text : `${symbol} ${text}`;
}

/** What a caret shows: the shape, then the label (the server's: initials, or "A participant"). */
export function caretLabel(user: Partial<LiveUser> | undefined): string {
  return withShape(shapeSymbol(user?.shape), (user?.label ?? '').trim() || (user?.name ?? '').trim() || '?');
}

/** What the co-editors list shows: the shape, then the name (or the label). */
export function listLabel(user: Partial<LiveUser> | undefined): string {
  return withShape(shapeSymbol(user?.shape), (user?.name ?? '').trim() || (user?.label ?? '').trim() || '?');
}

function channel(hex: string, i: number): number {
  return parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16);
}

function luminance(hex: string): number {
  const [r, g, b] = [0, 1, 2].map((i) => {
    const c = channel(hex, i) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** The contrast ratio of white text on `hex` (#rrggbb). */
export function contrastWithWhite(hex: string): number {
  return 1.05 / (luminance(hex) + 0.05);
}

/** `color` as #rrggbb, darkened until white text on it reaches 4.5:1; unreadable colours → the first of the palette. */
export function readableColor(color: string | undefined): string {
  let hex = (color ?? '').trim().toLowerCase();
  if (/^#[0-9a-f]{3}$/.test(hex)) hex = `#${[1, 2, 3].map((i) => hex[i]!.repeat(2)).join('')}`;
  if (!/^#[0-9a-f]{6}$/.test(hex)) return PALETTE[0]!;
  for (let step = 0; step < 20 && contrastWithWhite(hex) < 4.5; step++) {
    hex = `#${[0, 1, 2].map((i) => Math.floor(channel(hex, i) * 0.85).toString(16).padStart(2, '0')).join('')}`;
  }
  return hex;
}

/** This tab's own `user`, from the session, until the server sets it: colour and shape by account id. */
export function localUser(accountId: number | null, displayName: string, readOnly: boolean): LiveUser {
  const n = accountId ?? 0;
  const color = PALETTE[n % PALETTE.length]!;
  const shape = SHAPE_ORDER[n % SHAPE_ORDER.length]!;
  return { name: displayName, color, colorLight: `${color}33`, shape, label: displayName, readOnly };
}

/** A state's user as the editor shows it: the label with its shape, a readable colour. */
export function shown(user: Partial<LiveUser> | undefined): LiveUser {
  const color = readableColor(user?.color);
  return {
    name: caretLabel(user),
    color,
    colorLight: `${color}33`,
    shape: shapeSymbol(user?.shape),
    label: (user?.label ?? user?.name ?? '').trim(),
    readOnly: user?.readOnly === true,
  };
}

/** The co-editors to list (`name` with its shape): one each, without this tab, writers first, then by name. */
export function coEditors(states: ReadonlyMap<number, Readonly<Record<string, unknown>>>, self: number): LiveUser[] {
  const byLabel = new Map<string, LiveUser>();
  for (const [client, state] of states) {
    if (client === self) continue;
    const user = state['user'] as Partial<LiveUser> | undefined;
    if (user === undefined || typeof user !== 'object') continue;
    // The server puts whether the socket may save beside the user, not in it.
    const person = { ...shown(user), name: listLabel(user), readOnly: state['readOnly'] === true || user.readOnly === true };
    const seen = byLabel.get(person.name);
    if (seen === undefined || (seen.readOnly === true && person.readOnly !== true)) byLabel.set(person.name, person);
  }
  return [...byLabel.values()].sort((a, b) => Number(a.readOnly) - Number(b.readOnly) || a.label.localeCompare(b.label));
}
