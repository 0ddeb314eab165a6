/// <reference types="vitest/config" />
import { defineConfig, type Plugin } from 'vite'

/**
 * offline-files.json: every script and style of the build, so the service worker (public/sw.js)
 * keeps the chunks loaded on demand (lessons, comparison, help, side tabs) for offline use too.
 */
function offlineFiles(): Plugin {
  return {
    name: 'kafkascope-offline-files',
    apply: 'build',
    // after Vite drops the chunks that only carried CSS (src/fonts.ts's)
    enforce: 'post',
    generateBundle(_options, bundle) {
      const files = Object.keys(bundle)
        .filter((f) => /\.(js|css)$/.test(f))
        .sort()
        .map((f) => `./${f}`)
      this.emitFile({ type: 'asset', fileName: 'offline-files.json', source: JSON.stringify(files) })
    },
  }
}

/**
 * The app is written against React's API and rendered by Preact's React-compatible runtime
 * (preact/compat): react-dom alone was 62 KB gzip of the 200 KB the first render may load.
 * The aliases hold for the dev server, the build and the tests alike, so one runtime runs everywhere.
 */
const reactOnPreact = [
  { find: /^react\/jsx-runtime$/, replacement: 'preact/compat/jsx-runtime' },
  { find: /^react\/jsx-dev-runtime$/, replacement: 'preact/compat/jsx-dev-runtime' },
  { find: /^react-dom\/client$/, replacement: 'preact/compat/client' },
  { find: /^react-dom$/, replacement: 'preact/compat' },
  { find: /^react$/, replacement: 'preact/compat' },
]

// base './' lets the static build run from any sub-path (GitHub Pages).
export default defineConfig({
  base: './',
  plugins: [offlineFiles()],
  resolve: { alias: reactOnPreact },
  server: { host: '127.0.0.1', port: 5173, strictPort: true },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
  test: {
    include: ['sim/**/*.test.ts', 'src/**/*.test.{ts,tsx}', 'cli/**/*.test.ts'],
    environment: 'node',
    // zustand imports 'react' from node_modules: inline it so the aliases above apply there too
    server: { deps: { inline: ['zustand'] } },
    testTimeout: 120_000,
  },
})
