import { defineConfig } from 'vite';
import { cesiumAssets } from './scripts/cesium-assets';

// The API serves portal/dist under a strict Content-Security-Policy (script-src 'self'; style-src 'self'),
// so nothing may be inlined into index.html: no module-preload polyfill, no inlined assets as scripts.
export default defineConfig({
  plugins: [cesiumAssets()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
  },
  server: {
    port: 5173,
    strictPort: true,
    proxy: {
      '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false },
      '/socket.io': { target: 'ws://127.0.0.1:3000', ws: true },
    },
  },
  preview: {
    port: 4173,
    strictPort: true,
    proxy: {
      '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false },
      '/socket.io': { target: 'ws://127.0.0.1:3000', ws: true },
    },
  },
});
