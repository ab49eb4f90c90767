// `pnpm run serve` and `pnpm start`: builds the client and the server bundle
// (unless --no-build), then runs the production server in the foreground.
//
// One Node process instead of nested pnpm scripts: pnpm runs each script in a
// shell, and Ctrl+C reaches every process of the terminal's group at once, so
// the shells die of SIGINT while the server is still saving. pnpm then reports
// a clean stop as two ELIFECYCLE errors. The scripts start this file with
// `exec`, so no shell sits between pnpm and Node; the launcher itself only
// waits: the server gets the signal, finishes writing, and its exit code
// becomes ours.
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)))
const clientDir = path.join(root, 'client')
const serverDir = path.join(root, 'server')
const build = !process.argv.includes('--no-build')

/** The child that runs now; signals the terminal did not send to it too are passed on. */
let current
let stopping = false

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    stopping = true
    // Ctrl+C already reached the child through the terminal; a second SIGINT is harmless (the server stops once).
    current?.kill(signal)
  })
}

/** Runs `node <args>` in `cwd`; resolves its exit code (128 + signal number if a signal ended it). */
function run(args, cwd, env = process.env) {
  return new Promise((resolve) => {
    current = spawn(process.execPath, args, { cwd, env, stdio: 'inherit' })
    current.on('error', (error) => {
      process.stderr.write(`Werkraum: could not run node ${args.join(' ')}: ${error.message}\n`)
      resolve(1)
    })
    current.on('exit', (code, signal) => {
      current = undefined
      resolve(code ?? 128 + (signal === 'SIGINT' ? 2 : signal === 'SIGHUP' ? 1 : 15))
    })
  })
}

async function main() {
  if (build) {
    const viteBin = path.join(path.dirname(createRequire(path.join(clientDir, 'package.json')).resolve('vite/package.json')), 'bin', 'vite.js')
    for (const [args, cwd] of [
      [[viteBin, 'build'], clientDir],
      [['build.mjs'], serverDir],
    ]) {
      const code = await run(args, cwd)
      if (code !== 0 || stopping) return code
    }
  }
  if (!existsSync(path.join(serverDir, 'dist', 'main.js'))) {
    process.stderr.write('Werkraum: run pnpm build first (server/dist/main.js is missing)\n')
    return 1
  }
  return run(['dist/main.js'], serverDir, { ...process.env, NODE_ENV: 'production' })
}

process.exitCode = await main()
