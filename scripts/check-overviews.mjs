#!/usr/bin/env node
// Module overviews on the API site: every module and namespace page of the typedoc site must
// open with an overview. Runs typedoc (the project's typedoc.json, JSON output only) into a
// temporary file and fails, naming the module, when a module or namespace reflection has no
// summary comment.
//
// A namespace's overview is the `@module` comment at the top of its file, unless the
// `export * as X` line of an entry point carries a doc comment of its own, which typedoc takes
// first. The check also fails when a module has both, so that a stand-in comment on the export
// line never hides the module's own overview.
//
// Usage: node scripts/check-overviews.mjs (npm run docs:overviews). Exits 1 on any failure.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Application } from 'typedoc'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')

// typedoc's ReflectionKind values (typedoc/dist/types/models/kind.d.ts).
const KIND_MODULE = 2
const KIND_NAMESPACE = 4

const summaryText = (reflection) =>
  (reflection.comment?.summary ?? [])
    .map((part) => part.text)
    .join('')
    .trim()

/** Every module and namespace reflection under `node`, with its full name. */
const modulesOf = (node, prefix) =>
  (node.children ?? []).flatMap((child) => {
    if (child.kind !== KIND_MODULE && child.kind !== KIND_NAMESPACE) return []
    const name = prefix === '' ? child.name : `${prefix}.${child.name}`
    const kind = child.kind === KIND_MODULE ? 'module' : 'namespace'
    return [{ name, kind, reflection: child }, ...modulesOf(child, name)]
  })

/**
 * Runs typedoc on the project's configuration (typedoc.json) and writes its JSON output, and
 * only that (no HTML), to a temporary file; returns the parsed project.
 */
const typedocProject = async () => {
  const dir = mkdtempSync(join(tmpdir(), 'wendbaar-overviews-'))
  try {
    const out = join(dir, 'api.json')
    const app = await Application.bootstrapWithPlugins({ logLevel: 'Error' })
    const project = await app.convert()
    if (project === undefined || app.logger.hasErrors()) {
      console.error('docs:overviews: FAILED — typedoc could not convert the project')
      process.exit(1)
    }
    await app.generateJson(project, out)
    return JSON.parse(readFileSync(out, 'utf8'))
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** The first doc comment of a file, if the file starts with one. */
const fileComment = (file) => {
  const match = /^\s*(\/\*\*[\s\S]*?\*\/)/.exec(readFileSync(file, 'utf8'))
  return match?.[1]
}

/** `export * as X from './X.js'` lines of an entry point that carry a doc comment. */
const commentedNamespaceExports = (entry) => {
  const text = readFileSync(entry, 'utf8')
  const pattern = /(\/\*\*(?:(?!\*\/)[\s\S])*\*\/)\s*export \* as (\w+) from '(\.[^']+)\.js'/g
  return [...text.matchAll(pattern)]
    .filter((m) => !/@module\b|@packageDocumentation\b/.test(m[1]))
    .map((m) => ({ name: m[2], file: resolve(dirname(entry), `${m[3]}.ts`) }))
}

const failures = []

process.chdir(root)
const project = await typedocProject()
const modules = modulesOf(project, '')
for (const { name, kind, reflection } of modules) {
  if (summaryText(reflection) === '') failures.push(`${kind} ${name} has no overview (summary comment)`)
}

const entryPoints = JSON.parse(readFileSync(join(root, 'typedoc.json'), 'utf8')).entryPoints ?? []
for (const entry of entryPoints) {
  for (const { name, file } of commentedNamespaceExports(join(root, entry))) {
    if (existsSync(file) && /@module\b/.test(fileComment(file) ?? '')) {
      failures.push(
        `namespace ${name} has two overviews: the @module comment of ${file.slice(root.length + 1)} ` +
          `and the comment on its export line in ${entry}, which hides it; delete the latter`,
      )
    }
  }
}

if (failures.length > 0) {
  for (const failure of failures) console.error(`docs:overviews: ${failure}`)
  console.error(`docs:overviews: FAILED — ${failures.length} problem(s) in ${modules.length} modules and namespaces`)
  process.exit(1)
}
console.log(`docs:overviews: OK — all ${modules.length} modules and namespaces have an overview`)
for (const { name, reflection } of modules) console.log(`  ${name}: ${summaryText(reflection).split('\n')[0]}`)
