/**
 * Writes the built-in sample problem (`Sample.sampleProblemJson`) to
 * `examples/sample-problem.json`, the file the README and `examples/solve-file.ts` point at.
 * Run it (`npm run sample:write`) whenever the sample changes; a test checks the two agree.
 *
 *   npx tsx scripts/write-sample.ts
 */
import { writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { Sample } from 'wendbaar'

const file = fileURLToPath(new URL('../examples/sample-problem.json', import.meta.url))
const text = `${JSON.stringify(Sample.sampleProblemJson, null, 2)}\n`
writeFileSync(file, text)
console.log(`wrote ${file} (${Buffer.byteLength(text)} bytes)`)
