import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  resolve: {
    alias: {
      'wendbaar/solver': fileURLToPath(new URL('./src/solver-core.ts', import.meta.url)),
      'wendbaar/samples': fileURLToPath(new URL('./src/samples.ts', import.meta.url)),
      wendbaar: fileURLToPath(new URL('./src/index.ts', import.meta.url)),
    },
  },
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
})
