/**
 * Facts about the package as published: package.json, its exports map and the files that
 * back it (tsup entries, typedoc entry points, LICENSE, changesets, CI script).
 */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const root = fileURLToPath(new URL('..', import.meta.url))
const read = (file: string) => readFileSync(join(root, file), 'utf8')
const json = (file: string) => JSON.parse(read(file)) as Record<string, unknown>

interface Pkg {
  readonly name: string
  readonly type: string
  readonly sideEffects: boolean
  readonly license: string
  readonly version: string
  readonly homepage: string
  readonly bugs: { readonly url: string }
  readonly repository: { readonly type: string; readonly url: string }
  readonly engines: Record<string, string>
  readonly files: ReadonlyArray<string>
  readonly main: string
  readonly module: string
  readonly types: string
  readonly exports: Record<string, unknown>
  readonly scripts: Record<string, string>
  readonly dependencies?: Record<string, string>
  readonly peerDependencies: Record<string, string>
  readonly devDependencies: Record<string, string>
}
const pkg = json('package.json') as unknown as Pkg

const entries = { '.': 'index', './solver': 'solver-core', './samples': 'samples' } as const

describe('package.json', () => {
  it('is the ESM package wendbaar, side-effect free, for Node ≥ 20, under the EUPL-1.2', () => {
    expect(pkg.name).toBe('wendbaar')
    expect(pkg.type).toBe('module')
    expect(pkg.sideEffects).toBe(false)
    expect(pkg.engines['node']).toBe('>=20')
    expect(pkg.license).toBe('EUPL-1.2')
    expect(read('LICENSE').startsWith('EUROPEAN UNION PUBLIC LICENCE v. 1.2')).toBe(true)
  })

  it('points at its repository, home page and issue tracker (the links on the npm page)', () => {
    expect(pkg.repository).toEqual({ type: 'git', url: 'git+https://github.com/wendbaar/wendbaar.git' })
    expect(pkg.homepage).toBe('https://github.com/wendbaar/wendbaar#readme')
    expect(pkg.bugs.url).toBe('https://github.com/wendbaar/wendbaar/issues')
  })

  it('has the same version as the root of package-lock.json (npm install leaves the lock alone)', () => {
    const lock = json('package-lock.json') as { version: string; packages: Record<string, { version?: string }> }
    expect(lock.version).toBe(pkg.version)
    expect(lock.packages['']?.version).toBe(pkg.version)
  })

  it('has no runtime dependencies; fp-ts and io-ts are peers (and dev dependencies)', () => {
    expect(pkg.dependencies ?? {}).toEqual({})
    expect(Object.keys(pkg.peerDependencies).sort()).toEqual(['fp-ts', 'io-ts'])
    expect(pkg.devDependencies['fp-ts']).toBeDefined()
    expect(pkg.devDependencies['io-ts']).toBeDefined()
  })

  it('pins every dev dependency to an exact version', () => {
    const loose = Object.entries(pkg.devDependencies).filter(([, v]) => !/^\d+\.\d+\.\d+$/.test(v))
    expect(loose).toEqual([])
  })

  it('maps each entry to ESM and CJS builds, each with its own declarations listed first', () => {
    expect(Object.keys(pkg.exports).sort()).toEqual(['.', './package.json', './samples', './solver'])
    expect(pkg.exports['./package.json']).toBe('./package.json')
    for (const [key, base] of Object.entries(entries)) {
      const e = pkg.exports[key] as Record<string, Record<string, string>>
      expect(Object.keys(e)).toEqual(['import', 'require'])
      expect(e['import']).toEqual({ types: `./dist/${base}.d.ts`, default: `./dist/${base}.js` })
      expect(e['require']).toEqual({ types: `./dist/${base}.d.cts`, default: `./dist/${base}.cjs` })
      expect(Object.keys(e['import'] ?? {})[0]).toBe('types')
      expect(Object.keys(e['require'] ?? {})[0]).toBe('types')
    }
  })

  it('keeps the legacy main/module/types fields consistent with the exports map', () => {
    expect(pkg.main).toBe('./dist/index.cjs')
    expect(pkg.module).toBe('./dist/index.js')
    expect(pkg.types).toBe('./dist/index.d.cts')
  })

  it('publishes the build, README and LICENSE', () => {
    for (const f of ['dist', 'README.md', 'LICENSE']) expect(pkg.files).toContain(f)
  })

  it('has the scripts the README and CI use', () => {
    for (const s of ['build', 'test', 'typecheck', 'docs', 'docs:check', 'check:package', 'check:release', 'smoke', 'check:consumers', 'example', 'bench']) {
      expect(pkg.scripts[s], s).toBeTruthy()
    }
    expect(pkg.scripts['check:package']).toMatch(/publint/)
    expect(pkg.scripts['check:package']).toMatch(/attw/)
    expect(pkg.scripts['docs:check']).toMatch(/--treatWarningsAsErrors/)
  })
})

describe('files behind the exports map', () => {
  const tsup = read('tsup.config.ts')
  /** tsup's `entry` map: output name → source file. */
  const tsupEntries = (): Record<string, string> => {
    const block = /const entries = \{([^}]*)\}/.exec(tsup)?.[1] ?? ''
    return Object.fromEntries([...block.matchAll(/'?([\w-]+)'?\s*:\s*'([^']+)'/g)].map((m) => [m[1], m[2]]))
  }

  it('builds exactly the exported entries with tsup: CJS and declarations per entry, ESM one file per module', () => {
    const entryMap = tsupEntries()
    expect(Object.keys(entryMap).sort()).toEqual(Object.values(entries).sort())
    for (const source of Object.values(entryMap)) expect(existsSync(join(root, source)), source).toBe(true)
    expect(tsup).toMatch(/entry:\s*\['src\/\*\*\/\*\.ts'\],\s*format:\s*\['esm'\],\s*bundle:\s*false/)
    expect(tsup).toMatch(/format:\s*\['cjs'\],\s*dts:\s*true/)
    expect(tsup).toMatch(/format:\s*\['esm'\],\s*dts:\s*\{\s*only:\s*true\s*\}/)
    for (const name of Object.keys(entryMap)) expect(tsup).toContain(`...perEntry('${name}')`)
    expect(tsup).toMatch(/external:\s*\['fp-ts',\s*'io-ts'\]/)
  })

  it('documents exactly the built entries with typedoc, validating links and docs', () => {
    const typedoc = json('typedoc.json') as {
      entryPoints: ReadonlyArray<string>
      validation: Record<string, boolean>
      out: string
    }
    expect([...typedoc.entryPoints].sort()).toEqual(Object.values(tsupEntries()).sort())
    expect(typedoc.validation).toEqual({ notExported: true, invalidLink: true, notDocumented: true })
    expect(typedoc.out).toBe('docs/api')
    expect(read('.gitignore')).toMatch(/^docs\/api\/?$/m)
  })

  it('has no two paths that differ only in case (clones on macOS and Windows)', () => {
    const walk = (dir: string): ReadonlyArray<string> =>
      readdirSync(join(root, dir), { withFileTypes: true }).flatMap((e) =>
        `${dir}/${e.name}` === 'docs/api' // generated, git-ignored
          ? []
          : e.isDirectory()
            ? [`${dir}/${e.name}`, ...walk(`${dir}/${e.name}`)]
            : [`${dir}/${e.name}`],
      )
    const paths = ['src', 'test', 'examples', 'docs', 'scripts', 'bench'].filter((d) => existsSync(join(root, d))).flatMap(walk)
    const seen = new Map<string, string>()
    const clashes: Array<string> = []
    for (const p of paths) {
      const key = p.toLowerCase()
      const other = seen.get(key)
      if (other !== undefined) clashes.push(`${other} / ${p}`)
      else seen.set(key, p)
    }
    expect(clashes).toEqual([])
  })

  it('has a changesets config for a public package released from main', () => {
    const config = json('.changeset/config.json')
    expect(config['baseBranch']).toBe('main')
    expect(config['access']).toBe('public')
  })

  it('has an executable CI script that runs the checks', () => {
    expect(statSync(join(root, '.ci/run')).mode & 0o111).not.toBe(0)
    const ci = read('.ci/run')
    expect(ci).toMatch(/set -euo pipefail/)
    for (const step of ['npm ci', 'npm test', 'npm run build', 'npm run typecheck', 'npm run docs:check', 'npm run check:package', 'npm run check:release', 'npm run smoke', 'npm run check:consumers', 'npm run example']) {
      expect(ci, step).toContain(step)
    }
  })

  it('has a README whose links work on the npm page too (absolute, not relative to the repository)', () => {
    const targets = [...read('README.md').matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1] ?? '')
    expect(targets.length).toBeGreaterThan(0)
    expect(targets.filter((t) => !/^https:\/\//.test(t))).toEqual([])
    // Links into this repository name files and folders that exist.
    for (const t of targets) {
      const local = /^https:\/\/github\.com\/wendbaar\/wendbaar\/(?:blob|tree)\/main\/([^#?]+)/.exec(t)?.[1]
      if (local !== undefined) expect(existsSync(join(root, local)), t).toBe(true)
    }
  })

  it('has a README whose quick start is the two commands', () => {
    const readme = read('README.md')
    expect(readme).toContain('npm install && npm run example')
    expect(readme).toContain('npm test')
    expect(readme).toContain('npm install wendbaar fp-ts io-ts')
  })
})

describe("the README's TypeScript snippets", () => {
  const snippets = [...read('README.md').matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1] ?? '')

  it('are there: decode/solve/encode, classify/deriveSlots, replan, explain, wendbaar/solver', () => {
    expect(snippets).toHaveLength(5)
    expect(snippets[0]).toContain('decodeProblem')
    expect(snippets[1]).toContain('deriveSlots')
    expect(snippets[2]).toContain('Replan.replan')
    expect(snippets[3]).toContain('Explain.assignment')
    expect(snippets[4]).toContain("from 'wendbaar/solver'")
  })

  it('type-check against the library, and the first two run', () => {
    const dir = mkdtempSync(join(tmpdir(), 'wendbaar-readme-'))
    try {
      const files = snippets.map((code, i) => {
        const file = join(dir, `snippet${i + 1}.ts`)
        writeFileSync(file, `${code}\nexport {}\n`)
        return file
      })
      writeFileSync(
        join(dir, 'tsconfig.json'),
        JSON.stringify({
          extends: join(root, 'tsconfig.json'),
          compilerOptions: { noUnusedLocals: false, noEmit: true, typeRoots: [join(root, 'node_modules', '@types')] },
          include: [],
          files,
        }),
      )
      const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc')
      let output = ''
      try {
        execFileSync(process.execPath, [tsc, '-p', join(dir, 'tsconfig.json')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })
      } catch (e) {
        const err = e as { stdout?: string; stderr?: string; message: string }
        output = `${err.stdout ?? ''}${err.stderr ?? ''}` || err.message
      }
      expect(output).toBe('')
      const tsx = join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs')
      for (const file of files.slice(0, 2)) {
        const out = execFileSync(process.execPath, [tsx, '--tsconfig', join(root, 'tsconfig.json'), file], {
          cwd: root,
          encoding: 'utf8',
          stdio: ['ignore', 'pipe', 'pipe'],
        })
        expect(typeof out).toBe('string')
      }
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
