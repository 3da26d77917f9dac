#!/usr/bin/env node
// Release rehearsal, in a temporary copy of the repository (without node_modules, .git and
// generated folders; the copy links to this repository's node_modules), so nothing here changes:
//   1. `npx changeset version` applies the pending changesets: package.json's version must be
//      bumped as they say, CHANGELOG.md written with that version and each changeset's summary,
//      and the changeset files consumed;
//   2. `npm publish --dry-run --json` must list only dist/**, README.md, LICENSE, CHANGELOG.md and
//      package.json (and all of package.json, README.md, LICENSE and the built entries), under
//      the new version, without npm having to correct package.json.
// Any failure exits 1.
//
// Needs `npm run build` first. Usage: node scripts/release-check.mjs [--keep]
import { spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative, sep } from 'node:path'
import { fail, npm, requireBuild, root, run } from './tarball.mjs'

const label = 'release-check'
const keep = process.argv.includes('--keep')

requireBuild(label)

/** Not copied: installed, version-control and generated folders. */
const skipped = new Set(['node_modules', '.git', 'docs/api', 'coverage', '.tmp', 'scratch'])

/** The files a release may ship. */
const shippable = (path) => /^dist\/./.test(path) || ['README.md', 'LICENSE', 'CHANGELOG.md', 'package.json'].includes(path)
/** The files it must ship. */
const required = ['package.json', 'README.md', 'LICENSE', 'CHANGELOG.md', 'dist/index.js', 'dist/index.cjs', 'dist/index.d.ts', 'dist/index.d.cts', 'dist/solver-core.js', 'dist/solver-core.cjs', 'dist/solver-core.d.ts', 'dist/solver-core.d.cts']

const bumps = ['patch', 'minor', 'major']

/** The pending changesets of `dir`: file, bump of wendbaar, first line of the summary. */
const pendingChangesets = (dir) =>
  readdirSync(join(dir, '.changeset'))
    .filter((f) => f.endsWith('.md') && f !== 'README.md')
    .sort()
    .map((file) => {
      const text = readFileSync(join(dir, '.changeset', file), 'utf8')
      const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n([\s\S]*)$/.exec(text)
      if (m === null) return fail(`.changeset/${file} has no front matter`)
      const bump = /^\s*["']?wendbaar["']?\s*:\s*(patch|minor|major)\s*$/m.exec(m[1])?.[1]
      if (bump === undefined) return fail(`.changeset/${file} does not name a patch, minor or major bump of wendbaar`)
      const summary = m[2].split(/\r?\n/).map((l) => l.trim()).find((l) => l !== '')
      if (summary === undefined) return fail(`.changeset/${file} has no summary`)
      return { file, bump, summary }
    })

/** `version` bumped by `bump` (no pre-release versions: changesets' pre mode is not used here). */
const bumped = (version, bump) => {
  const m = /^(\d+)\.(\d+)\.(\d+)$/.exec(version)
  if (m === null) return fail(`package.json's version ${version} is not a plain major.minor.patch`)
  const [major, minor, patch] = m.slice(1).map(Number)
  return bump === 'major' ? `${major + 1}.0.0` : bump === 'minor' ? `${major}.${minor + 1}.0` : `${major}.${minor}.${patch + 1}`
}

const versionIn = (dir) => JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).version

const work = mkdtempSync(join(tmpdir(), 'wendbaar-release-'))
let ok = false
try {
  // 0. The copy.
  const copy = join(work, 'wendbaar')
  cpSync(root, copy, {
    recursive: true,
    filter: (source) => {
      const rel = relative(root, source).split(sep).join('/')
      return !skipped.has(rel) && !rel.endsWith('.tgz')
    },
  })
  symlinkSync(join(root, 'node_modules'), join(copy, 'node_modules'), 'dir')
  if (existsSync(join(copy, '.changeset', 'pre.json'))) fail('changesets is in pre-release mode (.changeset/pre.json); this check expects plain releases')

  // 1. changeset version.
  const before = versionIn(copy)
  const pending = pendingChangesets(copy)
  let expected = before
  if (pending.length === 0) {
    console.log(`${label}: no pending changesets: nothing to version; checking the package as it is (${before})`)
  } else {
    const bump = bumps[Math.max(...pending.map((c) => bumps.indexOf(c.bump)))]
    expected = bumped(before, bump)
    console.log(`${label}: ${pending.length} pending changesets (${pending.map((c) => `${c.file}: ${c.bump}`).join(', ')}) → ${bump}: ${before} → ${expected}`)
    run(label, npm, ['exec', '--no', '--', 'changeset', 'version'], copy)
    const after = versionIn(copy)
    if (after !== expected) fail(`changeset version set package.json's version to ${after}, expected ${expected}`)
    if (!existsSync(join(copy, 'CHANGELOG.md'))) fail('changeset version did not write CHANGELOG.md')
    const changelog = readFileSync(join(copy, 'CHANGELOG.md'), 'utf8')
    if (!changelog.split(/\r?\n/).includes(`## ${expected}`)) fail(`CHANGELOG.md has no "## ${expected}" heading`)
    for (const c of pending) {
      if (!changelog.includes(c.summary)) fail(`CHANGELOG.md lacks the summary of .changeset/${c.file}: "${c.summary}"`)
      if (existsSync(join(copy, '.changeset', c.file))) fail(`changeset version left .changeset/${c.file} in place`)
    }
    console.log(`${label}: changeset version: package.json ${after}, CHANGELOG.md has "## ${expected}" and the ${pending.length} summaries, changesets consumed`)
  }

  // 2. npm publish --dry-run.
  const args = ['publish', '--dry-run', '--json']
  console.log(`${label}: $ ${npm} ${args.join(' ')}`)
  const published = spawnSync(npm, args, { cwd: copy, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 })
  const { stdout, stderr } = published
  if (published.status !== 0) {
    process.stderr.write(`${stdout ?? ''}${stderr ?? ''}`)
    fail(`npm ${args.join(' ')} exited with ${published.status ?? published.signal ?? published.error?.message}`)
  }
  // npm ≥ 11 keys the report by package name; earlier versions print it bare.
  const parsed = JSON.parse(stdout)
  const report = parsed.files === undefined ? parsed.wendbaar : parsed
  if (report === undefined || !Array.isArray(report.files)) fail(`npm publish --dry-run --json printed no file list: ${stdout.slice(0, 500)}`)
  const files = report.files.map((f) => f.path).sort()
  const stray = files.filter((f) => !shippable(f))
  const absent = required.filter((f) => !files.includes(f))
  if (report.name !== 'wendbaar' || report.version !== expected) fail(`npm would publish ${report.name}@${report.version}, expected wendbaar@${expected}`)
  if (stray.length > 0) fail(`npm would publish files outside dist/**, README.md, LICENSE, CHANGELOG.md and package.json: ${stray.join(', ')}`)
  if (absent.length > 0) fail(`npm would not publish ${absent.join(', ')}`)
  const corrected = /auto-corrected|"\w+" was (removed|changed)/i.exec(stderr)
  if (corrected !== null) fail(`npm corrected package.json while publishing: ${stderr.trim()}`)
  console.log(`${label}: npm publish --dry-run: wendbaar@${report.version}, ${files.length} files (${(report.size / 1024).toFixed(0)} kB packed): ${files.filter((f) => !f.startsWith('dist/')).join(', ')} and ${files.filter((f) => f.startsWith('dist/')).length} under dist/`)

  ok = true
  console.log(`${label}: OK — changeset version and npm publish would release wendbaar@${expected} with only the intended files`)
} catch (e) {
  console.error(`${label}: FAILED — ${e instanceof Error ? e.message : String(e)}`)
  process.exitCode = 1
} finally {
  if (keep || !ok) console.log(`${label}: work folder kept at ${work}`)
  else rmSync(work, { recursive: true, force: true })
}
