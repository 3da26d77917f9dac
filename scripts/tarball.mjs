// Shared by the package checks (smoke.mjs, consumers.mjs, release-check.mjs): run a command,
// check the build is there, pack wendbaar as npm would publish it, and install the tarball with
// its peer dependencies into an empty project — offline-first, at the peers' versions in this
// repository's node_modules.
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

/** The repository's root folder. */
export const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')

export const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'

/** Throws an Error with the message; each script catches it, reports it and exits 1. */
export const fail = (message) => {
  throw new Error(message)
}

/**
 * Runs a command and returns its stdout; stderr goes to ours. A non-zero exit throws, after
 * writing whatever the command printed on stdout. `label` prefixes the echoed command line.
 */
export const run = (label, cmd, args, cwd, options = {}) => {
  console.log(`${label}: $ ${cmd} ${args.join(' ')}`)
  try {
    return execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 64 * 1024 * 1024, ...options })
  } catch (e) {
    if (typeof e.stdout === 'string' && e.stdout !== '') process.stderr.write(e.stdout)
    return fail(`${cmd} ${args.join(' ')} exited with ${e.status ?? e.signal ?? e.message}`)
  }
}

/** The version of a package installed in the repository's node_modules. */
export const versionOf = (name) => {
  const file = join(root, 'node_modules', name, 'package.json')
  if (!existsSync(file)) return fail(`${name} is not installed in ${root}/node_modules (run npm ci)`)
  return JSON.parse(readFileSync(file, 'utf8')).version
}

/** The built files every check needs: exits 1 with a hint when one is missing. */
export const requireBuild = (label) => {
  for (const file of ['dist/index.js', 'dist/index.cjs', 'dist/solver-core.js', 'dist/solver-core.cjs']) {
    if (!existsSync(join(root, file))) {
      console.error(`${label}: FAILED — ${file} is missing: run \`npm run build\` first`)
      process.exit(1)
    }
  }
}

/**
 * Packs the repository into `dest` (`npm pack --json`) and returns the tarball's path, the
 * packed file list and npm's report.
 */
export const pack = (label, dest) => {
  const packed = JSON.parse(run(label, npm, ['pack', '--json', '--pack-destination', dest], root))[0]
  const files = packed.files.map((f) => f.path)
  console.log(`${label}: packed ${packed.filename} (${files.length} files, ${packed.size} bytes)`)
  return { tarball: join(dest, packed.filename), files, packed }
}

/**
 * Creates the empty project `dir` (a package.json with `type`, default CommonJS) and installs
 * the tarball plus fp-ts and io-ts at the versions we develop against (and any `extra` package
 * specs), offline-first.
 */
export const installTarball = (label, dir, tarball, type = 'commonjs', extra = []) => {
  mkdirSync(dir, { recursive: true })
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: `wendbaar-${label}`, private: true, version: '0.0.0', type }, null, 2))
  run(
    label,
    npm,
    ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error', tarball, `fp-ts@${versionOf('fp-ts')}`, `io-ts@${versionOf('io-ts')}`, ...extra],
    dir,
  )
}

/** `node <repo>/node_modules/typescript/bin/tsc …args` in `cwd`: throws with tsc's report on errors. */
export const tsc = (label, args, cwd) => run(label, process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), ...args], cwd)
