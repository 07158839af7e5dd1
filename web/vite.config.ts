import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/** This folder, so the config works from the repository root (tests) and from web/ (`npx vite build`). */
const root = decodeURIComponent(new URL('.', import.meta.url).pathname);

/**
 * The web app: built into web/dist, which the Fastify server serves; in development
 * `npx vite` proxies /api to a server started with `fazhi serve` (default port 3000).
 */
export default defineConfig({
  root,
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      // ECharts only with the pages that draw charts; React, Ant Design and the rest of
      // node_modules in one long-cached chunk; pages load on demand.
      output: {
        codeSplitting: {
          groups: [
            { name: 'charts', test: /node_modules[\\/](echarts|zrender|echarts-for-react|size-sensor)[\\/]/ },
            { name: 'vendor', test: /node_modules/ },
          ],
        },
      },
    },
  },
  server: {
    proxy: {
      '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false },
    },
  },
});
