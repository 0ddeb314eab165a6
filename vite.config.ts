/// <reference types="vitest/config" />
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

// base './' lets the static build run from any sub-path (GitHub Pages).
export default defineConfig({
  base: './',
  plugins: [react()],
  server: { host: '127.0.0.1', port: 5173, strictPort: true },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
  test: {
    include: ['sim/**/*.test.ts', 'src/**/*.test.{ts,tsx}', 'cli/**/*.test.ts'],
    environment: 'node',
    testTimeout: 120_000,
  },
})
