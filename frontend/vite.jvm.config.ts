import { defineConfig } from 'vite';

/*
 * Yjs for the Plenary server (jvm/yjs-jvm.ts): one self-contained IIFE in dist-jvm/, which the
 * Maven build puts on the class path as org/plenary/coedit/yjs-jvm.js (not served to browsers).
 * `npm run build` runs it after the web app's build.
 */
export default defineConfig({
  publicDir: false,
  build: {
    outDir: 'dist-jvm',
    emptyOutDir: true,
    target: 'es2022',
    minify: false,
    sourcemap: false,
    lib: {
      entry: 'jvm/yjs-jvm.ts',
      formats: ['iife'],
      name: 'PlenaryYjsBundle',
      fileName: () => 'yjs-jvm.js',
    },
    rollupOptions: {
      output: {
        // GraalJS has no Web Crypto; lib0 needs getRandomValues (only for Yjs client ids) when
        // its module is evaluated, before any of our code runs.
        banner:
          'globalThis.crypto = globalThis.crypto || { getRandomValues(a) { for (let i = 0; i < a.length; i++) a[i] = Math.floor(Math.random() * 2 ** (8 * a.BYTES_PER_ELEMENT)); return a; } };',
      },
    },
  },
});
