import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { compression } from 'vite-plugin-compression2';

/** This folder, so the config works from the repository root (tests) and from web/ (`npx vite build`). */
const root = decodeURIComponent(new URL('.', import.meta.url).pathname);
/** React Router's production build (see `resolve.alias`). */
const rr = `${root}../node_modules/react-router/dist/production`;

/**
 * The web app: built into web/dist, which the Fastify server serves; in development
 * `npx vite` proxies /api to a server started with `fazhi serve` (default port 3000).
 */
export default defineConfig(({ command }) => ({
  root,
  // Every text asset also written as .br and .gz next to it: the server sends the one the browser accepts.
  plugins: [react(), compression({ algorithms: ['brotliCompress', 'gzip'], threshold: 1024 })],
  resolve: {
    // React Router ships a development build (dev-time warnings and checks) as its default export
    // condition; the built app takes its production build (smaller: the sign-in page's budget).
    // Both of its entry points, or the app would carry two copies of the router.
    alias:
      command === 'build'
        ? [
            { find: /^react-router$/, replacement: `${rr}/index.mjs` },
            { find: /^react-router\/dom$/, replacement: `${rr}/dom-export.mjs` },
          ]
        : [],
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    // The manifest names each page's chunks and what they import: the bundle budget test reads it.
    manifest: true,
    // No manual chunk groups: the bundler splits node_modules by who imports them, so the sign-in
    // page loads React and the few Ant Design components it shows, and ECharts comes only with the
    // pages that draw charts (every page is loaded on demand: features/registry.ts).
  },
  server: {
    proxy: {
      '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false },
    },
  },
}));
