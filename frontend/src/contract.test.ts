/**
 * Checks the API paths the app calls against the server's API, so a backend change that breaks
 * the app fails the tests. The server's document is `openapi.json`, which the backend's
 * OpenApiDocumentTest keeps equal to the live /q/openapi; PLENARY_OPENAPI_JSON (a file saved from
 * /q/openapi?format=json) checks against another server's document instead.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const DOCUMENT = process.env['PLENARY_OPENAPI_JSON'] ?? join(__dirname, '..', 'openapi.json');

/** The server's API paths, from its OpenAPI document. */
function serverPaths(): string[] {
  return Object.keys((JSON.parse(readFileSync(DOCUMENT, 'utf8')) as { paths: Record<string, unknown> }).paths);
}

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

/** `/api/papers/${paperId}/sections?deleted=true` → `/api/papers/{}/sections`. */
export function normalize(path: string): string {
  return path
    .replace(/\$\{[^}]+\}/g, '{}')
    .replace(/\{[^}]+\}/g, '{}')
    .split('?')[0] as string;
}

/** Every literal API path in the app's sources; `${base}` prefixes are expanded where declared. */
function usedPaths(): string[] {
  const found = new Set<string>();
  for (const file of sources(join(__dirname))) {
    const text = readFileSync(file, 'utf8');
    const base = /const base = `(\/api\/[^`]*)`/.exec(text)?.[1];
    for (const m of text.matchAll(/[`'](\/api\/[^`']*|\$\{base\}[^`']*)[`']/g)) {
      let path = m[1] as string;
      if (path.startsWith('${base}')) {
        if (base === undefined) continue;
        path = base + path.slice('${base}'.length);
      }
      const n = normalize(path).replace(/\/$/, '');
      if (n.endsWith('{}') && /\$\{[a-z]+\}$/.test(path) && !/Id\}$|number\}|token/.test(path)) continue;
      found.add(n);
    }
  }
  return [...found].sort();
}

/** WebSocket endpoints, which an OpenAPI document does not describe (docs/live.md). */
const WEBSOCKETS = ['/api/papers/{}/sections/{}/live'];

describe("the app against the server's API", () => {
  it('calls only paths the server offers', () => {
    expect(serverPaths().length).toBeGreaterThan(40);
    expect(usedPaths().length).toBeGreaterThan(40);
    const offered = serverPaths().map((p) => normalize(p).split('/'));
    // A parameter of the document matches any segment (e.g. files/{format} ← files/white-paper-pdf).
    const served = (path: string): boolean =>
      offered.some((o) => {
        const parts = path.split('/');
        return o.length === parts.length && o.every((seg, i) => seg === '{}' || seg === parts[i]);
      });
    const missing = usedPaths().filter((p) => !served(p) && !WEBSOCKETS.includes(p));
    expect(missing).toEqual([]);
  });
});

describe('normalize', () => {
  it('turns template and OpenAPI parameters into one placeholder and drops the query', () => {
    expect(normalize('/api/papers/${paperId}/sections?deleted=true')).toBe('/api/papers/{}/sections');
    expect(normalize('/api/papers/{paperId}/sections')).toBe('/api/papers/{}/sections');
  });
});
