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
    // dist/.vite/manifest.json: the server names each route's chunks in its HTML (api/src/http/web-shell.ts).
    manifest: true,
    target: 'es2020',
    // Every browser the app supports at its target but Safari < 17 preloads modules natively; without
    // it they still load, through the import graph. Not worth 1.2 KB on the home page.
    modulePreload: { polyfill: false },
    rolldownOptions: {
      output: {
        // Libraries change rarely: their own long-cached chunks survive app deploys on slow phones.
        codeSplitting: {
          groups: [
            // Only the organizer dashboard's chart uses uPlot: its own lazy chunk, never in vendor.
            { name: 'uplot', test: /node_modules[\\/]uplot[\\/]/, priority: 4 },
            // Maps (police map, the report form's pin): Leaflet, its cluster plugin and gcoord load with them only.
            { name: 'leaflet', test: /node_modules[\\/](leaflet|leaflet\.markercluster|gcoord)[\\/]/, priority: 4 },
            // The shared schemas' runtime (zod): only pages that check a form with the server's rules load it.
            { name: 'zod', test: /node_modules[\\/]zod[\\/]/, priority: 4 },
            // The bundler's runtime (CommonJS interop, needed by React itself) rides with React: one request less.
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]|rolldown[\\/]runtime/, priority: 3 },
            // Not the anti-spam widget: it loads only when a tip is sent anonymously (its lazy chunk).
            // React Router, React Query and i18next: every page needs them, one long-cached chunk.
            { name: 'vendor', test: /node_modules[\\/](?!altcha[\\/]|hash-wasm[\\/]|leaflet|gcoord[\\/]|zod[\\/])/, priority: 1 },
            // What the entry needs of our own code and of the bundler's helpers, in one chunk: left alone,
            // the modules the lazy pages share with it come out as half a dozen sub-KB chunks, each
            // with its own request and ~1 KB of response headers on the home page.
            { name: 'app', tags: ['$initial'], priority: 0 },
          ],
        },
      },
    },
  },
});
