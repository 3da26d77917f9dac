/**
 * The layers of wendbaar, checked in CI (`npm run check:layers`). Every import points down:
 *
 *   kernel ─▶ staffing ─▶ classify            kernel ─▶ model ─▶ solver
 *                  └──────── pipeline (decode, compile, solve, explain, what-if) ◀───┘
 *                                      samples ─▶ (everything above)
 *
 * - kernel: issues, ISO dates, tolerances — imports nothing of the library;
 * - model: the generic solver model and its one evaluator (the rulebook);
 * - solver: the search on the model;
 * - staffing: roles, members, requests, policy, plan — the domain's types and codecs;
 * - classify: assessments, classification, catalogue, rules, intake;
 * - pipeline: the only layer that sees both sides;
 * - samples: the built-in sample data.
 * The solver entry (`wendbaar/solver`) reaches nothing of the staffing domain, and no module
 * takes part in a cycle (type-only imports included). Internals (`internal/` folders) hold the
 * hot loops and the plumbing of their layer; layers above may use them, the package entries never
 * export them.
 */
const layer = (name, allowed) => ({
  name: `layer-${name}`,
  comment: `${name} may import only from ${allowed.join(', ')}`,
  severity: 'error',
  from: { path: `^src/${name}/` },
  to: { path: '^src/', pathNot: allowed.map((l) => `^src/${l}/`) },
})

module.exports = {
  forbidden: [
    layer('kernel', ['kernel']),
    layer('model', ['kernel', 'model']),
    layer('solver', ['kernel', 'model', 'solver']),
    layer('staffing', ['kernel', 'staffing']),
    layer('classify', ['kernel', 'staffing', 'classify']),
    layer('pipeline', ['kernel', 'model', 'solver', 'staffing', 'classify', 'pipeline']),
    layer('samples', ['kernel', 'staffing', 'classify', 'pipeline', 'samples']),
    {
      name: 'solver-entry-is-generic',
      comment: 'wendbaar/solver knows nothing of roles, qualities or requests',
      severity: 'error',
      from: { path: '^src/solver-core\\.ts$' },
      to: { path: '^src/(staffing|classify|pipeline|samples)/', reachable: true },
    },
    {
      name: 'entries-export-no-internals',
      comment: 'the package entries never reach into an internal/ folder: internals are not public',
      severity: 'error',
      from: { path: '^src/[^/]+\\.ts$' },
      to: { path: '/internal/' },
    },
    {
      name: 'no-cycles',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'src-is-self-contained',
      comment: 'src/ imports only fp-ts, io-ts and itself (no Node built-ins, no other packages)',
      severity: 'error',
      from: { path: '^src/' },
      to: { dependencyTypes: ['core', 'npm-dev', 'unknown', 'undetermined'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    includeOnly: '^src/',
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.src.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js'] },
  },
}
