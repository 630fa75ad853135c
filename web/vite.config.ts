import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';

export default defineConfig({
  plugins: [
    react(),
    // The service worker (web/sw/service-worker.ts): precaches the app shell, never caches /api.
    // The manifest stays the hand-written public/manifest.webmanifest (manifest: false), registration
    // is ours (src/app/service-worker.ts): no second manifest, no workbox-window on the home page.
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'sw',
      filename: 'service-worker.ts',
      manifest: false,
      injectRegister: false,
      injectManifest: {
        // Everything a volunteer may open offline; uPlot is the organizer dashboard's chart only.
        globPatterns: ['**/*.{js,css,html,svg,png,ico,webmanifest}'],
        globIgnores: ['**/uplot-*.js'],
      },
      devOptions: { enabled: false },
    }),
  ],
  server: {
    port: 5173,
    proxy: {
      '/api': { target: 'http://localhost:3000', changeOrigin: false },
    },
  },
  preview: {
    proxy: {
      '/api': { target: 'http://localhost:3000', changeOrigin: false },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2020',
    rolldownOptions: {
      output: {
        // Libraries change rarely: their own long-cached chunks survive app deploys on slow phones.
        codeSplitting: {
          groups: [
            // Only the organizer dashboard's chart uses uPlot: its own lazy chunk, never in vendor.
            { name: 'uplot', test: /node_modules[\\/]uplot[\\/]/, priority: 4 },
            // Maps (police map, the report form's pin): Leaflet, its cluster plugin and gcoord load with them only.
            { name: 'leaflet', test: /node_modules[\\/](leaflet|leaflet\.markercluster|gcoord)[\\/]/, priority: 4 },
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/, priority: 3 },
            { name: 'router', test: /node_modules[\\/](react-router|cookie|set-cookie-parser)[\\/]/, priority: 2 },
            // Not the anti-spam widget: it loads only when a tip is sent anonymously (its lazy chunk).
            { name: 'vendor', test: /node_modules[\\/](?!altcha[\\/]|hash-wasm[\\/]|leaflet|gcoord[\\/])/, priority: 1 },
          ],
        },
      },
    },
  },
});
