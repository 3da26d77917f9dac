/**
 * Small things the bench's sections share: where the published data lives, and the solver
 * options from the command line.
 */
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

/** The repository's root folder. */
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..')

/** The published data sets: $WENDBAAR_DATA, or ../shared/data beside the repository. */
export const dataRoot = (): string => process.env['WENDBAAR_DATA'] ?? resolve(repoRoot, '../shared/data')

/** The solver flags of `npm run bench` (`--seed`, `--effort`, `--time-limit`). */
export interface SolveFlags {
  readonly seed: number
  readonly effort: number | null
  readonly timeLimit: number | null
}

/** `Solver.SolveOptions` from the flags (a time limit comes with the wall clock). */
export const solveOptions = (seed: number, effort: number | null, timeLimit: number | null): {
  readonly seed: number
  readonly effort?: number
  readonly timeLimit?: number
  readonly clock?: () => number
} => ({
  seed,
  ...(effort !== null ? { effort } : {}),
  ...(timeLimit !== null ? { timeLimit, clock: () => performance.now() } : {}),
})
