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
// module's file. A comment on an `export * as` line below takes precedence over it; such a
// comment stands in for a module that has no `@module` comment yet, and must go once it has
// one (`npm run docs:overviews` fails while both exist).
export * as Issue from './Issue.js'
export * as IsoDate from './IsoDate.js'
/**
 * The staffing problem: roles, pool members, requests with role slots, history, pins, the
 * previous plan, `apart` pairs and the policy — and {@link Problem.decodeProblem}, the only way
 * in for untrusted JSON. The format is in the
 * [scoring reference](../docs/scoring.md#the-staffing-problem-json).
 *
 * A decoded {@link Problem.ValidProblem} is normalised: every default is filled in, every array
 * is sorted by id (so input order never matters), sets are de-duplicated, and open-keyed records
 * (qualities, preferences) are prototype-free objects. Every other object is closed: a key the
 * format does not define (a typo such as `policy.weights.fitt`) is reported with code `unknown`
 * at its path, never ignored.
 *
 * @since 0.1.0
 */
export * as Problem from './Problem.js'
/**
 * Eligibility of a member for a slot (the first
 * [hard constraint](../docs/scoring.md#hard-constraints)) and the first rule that keeps a member
 * out of a slot, in the order the reasons of an unfilled slot use
 * ([the plan](../docs/scoring.md#the-plan-json)): `unit`, `quality`, `discipline`, `excluded`,
 * `availability`, `capacity`.
 *
 * This is the one implementation of these rules: the compiler, the solver's reasons for
 * unfilled slots and the pin check of `decodeProblem` all use it.
 *
 * @since 0.1.0
 */
export * as Eligibility from './Eligibility.js'
/**
 * The staffing plan: assignments, unfilled slots with the reasons that partition the pool, the
 * score with its seven terms, an upper bound, and solver counters. Its JSON form is in the
 * [scoring reference](../docs/scoring.md#the-plan-json).
 *
 * @since 0.1.0
 */
export * as Plan from './Plan.js'
export * as Model from './Model.js'
export * as Sample from './Sample.js'
export * as Assessment from './Assessment.js'
export * as Classification from './Classification.js'
export * as Catalogue from './Catalogue.js'
export * as Rules from './Rules.js'
export * as Intake from './Intake.js'
export * as SampleRequests from './SampleRequests.js'
/**
 * The one evaluator of wendbaar: the score of any set of chosen edges of a
 * {@link Model.Model}, and the hard constraints that set breaks. The solver's reported score,
 * the plan's score and the explanations all come from here, so they can never disagree.
 *
 * The score is the [scoring model](../docs/scoring.md#the-score) lifted to the generic model:
 * `filled` (the priority of the filled slots), then the edge terms, the category bonus, the pair
 * penalty and the overload penalty, summed in a fixed order so that equal inputs give
 * bit-identical scores.
 *
 * @since 0.1.0
 */
export * as Evaluate from './Evaluate.js'
/**
 * The solver core: {@link Solver.decodeModel} checks an untrusted {@link Model.Model},
 * {@link Solver.solveModel} finds a plan for a valid one — every hard constraint kept, forced
 * edges included, the score computed by the one evaluator — with an upper bound, proven optimal
 * on small models.
 *
 * The search is deterministic: effort is counted in steps (never time); an optional injected
 * clock with a time limit may stop it early, but the effort budget bounds it regardless. The
 * [performance guide](../docs/performance.md) says how to measure it.
 *
 * @since 0.1.0
 */
export * as Solver from './Solver.js'
/**
 * The compiler from the staffing problem (see the
 * [scoring reference](../docs/scoring.md#the-staffing-problem-json)) to the generic solver
 * model of {@link Model}: time points at the requests' start dates, one model member per pool
 * member, one group per request, and an edge wherever a member is eligible for a slot and has
 * room for it on their own, carrying the weighted fit, preference, learning and continuity
 * terms. Diversity, rotation, balance, `apart` pairs and pins become the model's category bonus,
 * pair penalties, overload penalty, conflicts and forced edges.
 *
 * @since 0.1.0
 */
export * as Compile from './Compile.js'
/**
 * Staffing: from a valid problem to a plan (both formats are in the
 * [scoring reference](../docs/scoring.md)).
 *
 * {@link Solve.solve} compiles the problem into the solver model, solves it, and maps the
 * solution back: assignments, every unfilled slot with the reasons that partition the pool, the
 * score with its seven terms, the solver's bound and counters. {@link Solve.evaluatePlan} scores
 * any set of assignments — hand-edited ones included — with the same evaluator.
 *
 * @since 0.1.0
 */
export * as Solve from './Solve.js'
export * as Replan from './Replan.js'
export * as Learn from './Learn.js'
export * as WhatIf from './WhatIf.js'
export { decodeProblem } from './Problem.js'
export { encodePlan } from './Plan.js'
export { solve } from './Solve.js'
