import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * The console is built to console/dist, which the gateway serves at `/` (with a strict Content-Security-Policy: no
 * inline script or style, so nothing here may emit any). `npm run dev:console` runs this dev server with hot reload
 * and passes the API paths through to a running gateway (GATEWAY_URL, default http://localhost:4000), so the session
 * cookie is same-origin in development as in production.
 */
const gateway = process.env.GATEWAY_URL ?? 'http://localhost:4000';

export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // Vite's module-preload polyfill is an inline script, which the CSP refuses; every browser we support has it.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 600,
  },
  server: {
    port: 5173,
    proxy: Object.fromEntries(['/graphql', '/session', '/health'].map((path) => [path, { target: gateway, changeOrigin: false }])),
  },
});
