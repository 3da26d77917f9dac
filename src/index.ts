/**
 * wendbaar — agile organising for public-sector organisations.
 *
 * Import modules as namespaces (`import { Problem, Plan } from 'wendbaar'`); the most used
 * functions are also exported by name.
 *
 * @packageDocumentation
 * @module wendbaar
 */

// Each namespace page shows its module's overview: the `@module` comment at the top of the
// module's file (`npm run docs:overviews` fails when one is missing).
export * as Issue from './Issue.js'
export * as IsoDate from './IsoDate.js'
export * as Problem from './Problem.js'
export * as Eligibility from './Eligibility.js'
export * as Plan from './Plan.js'
export * as Model from './Model.js'
export * as Sample from './Sample.js'
export * as Assessment from './Assessment.js'
export * as Classification from './Classification.js'
export * as Catalogue from './Catalogue.js'
export * as Rules from './Rules.js'
export * as Intake from './Intake.js'
export * as SampleRequests from './SampleRequests.js'
export * as Evaluate from './Evaluate.js'
export * as Solver from './Solver.js'
export * as Compile from './Compile.js'
export * as Solve from './Solve.js'
export * as Replan from './Replan.js'
export * as Learn from './Learn.js'
export * as WhatIf from './WhatIf.js'
export * as Explain from './Explain.js'
export { decodeProblem } from './Problem.js'
export { encodePlan } from './Plan.js'
export { solve } from './Solve.js'
