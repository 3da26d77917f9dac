/**
 * `examples/sample-problem.json` is the built-in sample, written out: the file the README and
 * `examples/solve-file.ts` point at must not drift from `Sample.sampleProblemJson`.
 */
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { decodeProblem, Sample } from 'wendbaar'

const text = readFileSync(fileURLToPath(new URL('../examples/sample-problem.json', import.meta.url)), 'utf8')

describe('examples/sample-problem.json', () => {
  it('holds the built-in sample (if not: npm run sample:write)', () => {
    expect(JSON.parse(text)).toEqual(Sample.sampleProblemJson)
  })

  it('is written exactly as npm run sample:write writes it (two-space indent, final newline)', () => {
    expect(text).toBe(`${JSON.stringify(Sample.sampleProblemJson, null, 2)}\n`)
  })

  it('decodes into the sample municipality: forty members, eight requests', () => {
    const decoded = decodeProblem(JSON.parse(text))
    expect(decoded._tag).toBe('Right')
    if (decoded._tag === 'Right') {
      expect(decoded.right.members).toHaveLength(40)
      expect(decoded.right.requests).toHaveLength(8)
    }
  })
})
