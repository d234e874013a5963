import { loadEnv } from 'vite';
import { defineConfig } from 'vitest/config';

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
    build: {
      outDir: 'dist',
      emptyOutDir: true,
      target: 'es2022',
      sourcemap: false,
    },
    server: {
      proxy: {
        '/api': { target: backend, changeOrigin: false },
        '/q': { target: backend, changeOrigin: false },
      },
    },
    preview: {
      proxy: {
        '/api': { target: backend, changeOrigin: false },
        '/q': { target: backend, changeOrigin: false },
      },
    },
    test: {
      environment: 'node',
      include: ['src/**/*.test.ts'],
    },
  };
});
