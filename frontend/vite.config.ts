/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';

// The webview loads only embedded assets, so everything is relative to the page (base './').
export default defineConfig({
  base: './',
  plugins: [svelte()],
  // Svelte 5 component tests need the browser build of svelte (mount, not the SSR entry).
  resolve: process.env.VITEST ? { conditions: ['browser'] } : undefined,
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
  },
  test: {
    environment: 'jsdom',
    setupFiles: ['./src/test/setup.ts'],
    include: ['src/**/*.test.ts'],
    restoreMocks: true,
    // Generous limits: these are correctness tests, and on a loaded 2-core machine (CI, or
    // helpers building at once) a render with its findBy waits took over the 5 s default.
    // Speed is measured by benchmarks, not here.
    testTimeout: 30_000,
  },
});
