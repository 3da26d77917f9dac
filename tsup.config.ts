import { defineConfig, type Options } from 'tsup'

// ESM keeps the module boundaries (one file per source module, `sideEffects: false`), so a
// bundler drops every module an app does not use: an app that only classifies requests does not
// ship the solver. CommonJS is bundled per entry. The declarations are bundled per entry, each
// entry on its own (shared declaration chunks lose track of which names are types).
const shared = { sourcemap: true, target: 'node20' as const, external: ['fp-ts', 'io-ts'] }
const entries = { index: 'src/index.ts', 'solver-core': 'src/solver-core.ts', samples: 'src/samples.ts' }

const perEntry = (name: keyof typeof entries): Array<Options> => [
  { ...shared, entry: { [name]: entries[name] }, format: ['cjs'], dts: true, treeshake: true },
  { ...shared, entry: { [name]: entries[name] }, format: ['esm'], dts: { only: true } },
]

export default defineConfig([
  {
    ...shared,
    entry: ['src/**/*.ts'],
    format: ['esm'],
    bundle: false,
  },
  ...perEntry('index'),
  ...perEntry('solver-core'),
  ...perEntry('samples'),
])
