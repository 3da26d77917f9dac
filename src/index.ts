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
export * as Issue from './kernel/Issue.js'
export * as IsoDate from './kernel/IsoDate.js'
export * as Order from './kernel/Order.js'
export * as Problem from './pipeline/Problem.js'
export * as Eligibility from './staffing/Eligibility.js'
export * as Plan from './staffing/Plan.js'
export * as Model from './model/Model.js'
export * as Sample from './samples/Sample.js'
export * as Assessment from './classify/Assessment.js'
export * as Classification from './classify/Classification.js'
export * as Catalogue from './classify/Catalogue.js'
export * as Rules from './classify/Rules.js'
export * as Intake from './classify/Intake.js'
export * as SampleRequests from './samples/SampleRequests.js'
export * as Evaluate from './model/Evaluate.js'
export * as Solver from './solver/Solver.js'
export * as Compile from './pipeline/Compile.js'
export * as Solve from './pipeline/Solve.js'
export * as Replan from './pipeline/Replan.js'
export * as Learn from './pipeline/Learn.js'
export * as WhatIf from './pipeline/WhatIf.js'
export * as Explain from './pipeline/Explain.js'
export { decodeProblem } from './pipeline/Problem.js'
export { encodePlan } from './staffing/Plan.js'
export { solve } from './pipeline/Solve.js'
