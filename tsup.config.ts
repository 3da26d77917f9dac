import { defineConfig } from 'tsup'

// ESM keeps the module boundaries (one file per source module, `sideEffects: false`), so a
// bundler drops every module an app does not use: an app that only classifies requests does not
// ship the solver. CommonJS is bundled per entry. The types are bundled per entry, for both.
const shared = { sourcemap: true, target: 'node20' as const, external: ['fp-ts', 'io-ts'] }

export default defineConfig([
  {
    ...shared,
    entry: ['src/**/*.ts'],
    format: ['esm'],
    bundle: false,
  },
  {
    ...shared,
    entry: { index: 'src/index.ts', 'solver-core': 'src/solver-core.ts', samples: 'src/samples.ts' },
    format: ['cjs'],
    dts: true,
    treeshake: true,
  },
  {
    ...shared,
    entry: { index: 'src/index.ts', 'solver-core': 'src/solver-core.ts', samples: 'src/samples.ts' },
    format: ['esm'],
    dts: { only: true },
  },
])
