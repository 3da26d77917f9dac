/**
 * The guides in docs/ as the documentation site publishes them: every guide is a page of the site
 * and linked from the README, and every code sample comes from a file CI runs — a region of an
 * example, included with typedoc's `{@includeCode}` — never TypeScript typed only into Markdown.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const root = fileURLToPath(new URL('..', import.meta.url))
const read = (file: string) => readFileSync(join(root, file), 'utf8')
const guides = readdirSync(join(root, 'docs'))
  .filter((f) => f.endsWith('.md'))
  .sort()
  .map((f) => `docs/${f}`)
const typedoc = JSON.parse(read('typedoc.json')) as { projectDocuments: ReadonlyArray<string>; readme: string }

/** Every `{@includeCode file#a,b}` of a guide: the file (relative to the repository) and its regions. */
const includes = (guide: string) =>
  [...read(guide).matchAll(/\{@includeCode\s+([^#}\s]+)(?:#([^}\s]+))?\s*\}/g)].map((m) => ({
    file: relative(root, join(root, dirname(guide), m[1] ?? '')),
    regions: (m[2] ?? '').split(',').filter((r) => r !== ''),
  }))

describe('the guides', () => {
  it('are the pages of the site, each listed once in typedoc.json, the README as the landing page', () => {
    expect([...typedoc.projectDocuments].sort()).toEqual(guides)
    expect(typedoc.readme).toBe('README.md')
  })

  it('are all linked from the README', () => {
    const readme = read('README.md')
    const missing = guides.filter((g) => !readme.includes(`https://github.com/wendbaar/wendbaar/blob/main/${g}`))
    expect(missing).toEqual([])
  })

  it('hold no TypeScript or JavaScript typed into a code block: samples are included from examples', () => {
    const typed = guides.flatMap((g) =>
      [...read(g).matchAll(/^```(ts|typescript|tsx|js|javascript|mjs|cjs)\s*$/gm)].map((m) => `${g}: \`\`\`${m[1]}`),
    )
    expect(typed).toEqual([])
  })

  it('include code from files that exist, by regions that exist in them', () => {
    const problems: Array<string> = []
    for (const g of guides) {
      for (const { file, regions } of includes(g)) {
        if (!existsSync(join(root, file))) {
          problems.push(`${g}: ${file} does not exist`)
          continue
        }
        const text = read(file)
        for (const r of regions) {
          if (!new RegExp(`// #region ${r}\\s*\\n`).test(text) || !new RegExp(`// #endregion ${r}\\s*\\n`).test(text))
            problems.push(`${g}: ${file} has no region ${r}`)
        }
      }
    }
    expect(problems).toEqual([])
  })

  it('include code only from examples that CI runs (or data they read)', () => {
    const ci = read('.ci/run')
    const ran = (file: string) =>
      file === 'examples/main.ts' ? ci.includes('npm run example') : ci.includes(`example ${file}`)
    const included = [...new Set(guides.flatMap((g) => includes(g).map((i) => i.file)))].sort()
    expect(included.filter((f) => f.endsWith('.ts') && !ran(f))).toEqual([])
    // data files are read by an example that runs (and by its test)
    expect(included.filter((f) => !f.endsWith('.ts') && !f.startsWith('examples/data/'))).toEqual([])
    expect(included).toEqual(expect.arrayContaining(['examples/quick-start.ts', 'examples/solver-options.ts', 'examples/csv-to-problem.ts']))
  })

  it('the API reference has no hand-typed samples: every sample is an include of a region of an example CI runs', () => {
    const ci = read('.ci/run')
    const walk = (dir: string): Array<string> =>
      readdirSync(join(root, dir), { withFileTypes: true }).flatMap((e) =>
        e.isDirectory() ? walk(`${dir}/${e.name}`) : e.name.endsWith('.ts') ? [`${dir}/${e.name}`] : [],
      )
    const problems: Array<string> = []
    let samples = 0
    for (const file of walk('src')) {
      const text = read(file)
      if (text.includes('@example')) problems.push(`${file}: a hand-typed @example`)
      for (const m of text.matchAll(/\{@includeCode ((?:\.\.\/)+)(examples\/[^#}]+)#([^}]+)\}/g)) {
        samples++
        const example = m[2]!
        if (!(example === 'examples/main.ts' ? ci.includes('npm run example') : ci.includes(`example ${example}`)))
          problems.push(`${file}: ${example} is not run by CI`)
        if (!new RegExp(`// #region ${m[3]}\\s*\\n`).test(read(example))) problems.push(`${file}: ${example} has no region ${m[3]}`)
      }
    }
    expect(problems).toEqual([])
    expect(samples).toBeGreaterThanOrEqual(15)
  })
})
