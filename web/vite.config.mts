import { defineConfig } from 'vite';

// Run from the repository root (`vite build --config web/vite.config.mts`): paths are relative to it.
export default defineConfig(({ mode }) => ({
  root: 'web',
  base: '/',
  // The service serves the build under a strict CSP (ADR 0060): no inline script or style, no
  // data: URLs other than images, nothing from another origin.
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    sourcemap: true,
    chunkSizeWarningLimit: 1024,
    rolldownOptions: {
      onwarn(warning, warn) {
        // React Router marks its modules "use client" for server components; a plain SPA ignores it.
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
  oxc: {
    jsx: { runtime: 'automatic', importSource: 'react', development: mode === 'development' },
  },
  server: { proxy: { '/api': 'http://localhost:3000', '/health': 'http://localhost:3000' } },
}));
