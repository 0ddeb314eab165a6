/// <reference types="vitest/config" />
import react from '@vitejs/plugin-react'
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

// base './' lets the static build run from any sub-path (GitHub Pages).
export default defineConfig({
  base: './',
  plugins: [react(), offlineFiles()],
  server: { host: '127.0.0.1', port: 5173, strictPort: true },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
  test: {
    include: ['sim/**/*.test.ts', 'src/**/*.test.{ts,tsx}', 'cli/**/*.test.ts'],
    environment: 'node',
    testTimeout: 120_000,
  },
})
