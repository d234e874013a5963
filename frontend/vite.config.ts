import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { loadEnv, type Plugin } from 'vite';
import { defineConfig } from 'vitest/config';

/** The most initial JS + CSS (gzipped) the app may load before the first screen (issue 7). */
const INITIAL_BUDGET_BYTES = 200 * 1024;

/**
 * After `vite build`: sums the gzipped size of what index.html loads up front (its scripts,
 * stylesheets and modulepreloads; chunks loaded later with import(), such as CodeMirror and the
 * diff library, are not counted), prints it, and fails the build above the budget.
 */
function initialBundleBudget(): Plugin {
  return {
    name: 'plenary-initial-bundle-budget',
    apply: 'build',
    closeBundle() {
      const dist = 'dist';
      const html = readFileSync(join(dist, 'index.html'), 'utf8');
      const assets = new Set<string>();
      for (const m of html.matchAll(/(?:src|href)="\/?([^"]+\.(?:js|css))"/g)) if (m[1] !== undefined) assets.add(m[1]);
      let total = 0;
      const lines: string[] = [];
      for (const asset of assets) {
        const size = gzipSync(readFileSync(join(dist, asset)), { level: 9 }).length;
        total += size;
        lines.push(`  ${asset}  ${(size / 1024).toFixed(1)} KB gzipped`);
      }
      const summary = `Initial JS + CSS: ${(total / 1024).toFixed(1)} KB gzipped (budget ${INITIAL_BUDGET_BYTES / 1024} KB)`;
      console.log(['', ...lines, summary].join('\n'));
      if (total > INITIAL_BUDGET_BYTES) throw new Error(`${summary}: over budget`);
    },
  };
}

/*
 * Build settings for the Plenary web app.
 *
 * - `npm run build` writes dist/, which the Maven build copies into the jar (META-INF/resources),
 *   so the Plenary server serves the app at /.
 * - VITE_PLENARY_API_BASE (read at build time, see src/config.ts) points the app at an API on
 *   another origin, e.g. `VITE_PLENARY_API_BASE=https://plenary.example.org npm run build`.
 *   Unset or empty: same origin. The server must then allow the app's origin
 *   (PLENARY_CORS_ORIGINS).
 * - `npm run dev` serves the app with hot reload and forwards /api and /q to a Plenary server on
 *   http://localhost:8080 (override with PLENARY_DEV_BACKEND=http://host:port).
 */
export default defineConfig(({ mode }) => {
  const env = loadEnv(mode, '.', ['VITE_', 'PLENARY_']);
  const backend = env['PLENARY_DEV_BACKEND'] || 'http://localhost:8080';
  return {
    base: '/',
    plugins: [initialBundleBudget()],
    build: {
      outDir: 'dist',
      emptyOutDir: true,
      target: 'es2022',
      sourcemap: false,
      // The lazily loaded editor chunk (CodeMirror with the Markdown language, which brings HTML,
      // CSS and JavaScript highlighting for embedded code) is about 500 kB before gzip.
      chunkSizeWarningLimit: 600,
    },
    server: {
      proxy: {
        // ws: the sections' live documents are WebSockets under /api.
        '/api': { target: backend, changeOrigin: false, ws: true },
        '/q': { target: backend, changeOrigin: false },
      },
    },
    preview: {
      proxy: {
        // ws: the sections' live documents are WebSockets under /api.
        '/api': { target: backend, changeOrigin: false, ws: true },
        '/q': { target: backend, changeOrigin: false },
      },
    },
    test: {
      environment: 'node',
      include: ['src/**/*.test.ts'],
    },
  };
});
