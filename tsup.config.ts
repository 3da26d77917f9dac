import { defineConfig } from 'tsup'

export default defineConfig({
  entry: { index: 'src/index.ts', solver: 'src/solver-core.ts' },
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  clean: true,
  treeshake: true,
  target: 'node20',
  external: ['fp-ts', 'io-ts'],
})
