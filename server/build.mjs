// Bundles the server into dist/main.js for production: plain Node, no TypeScript
// loader in the running process (less memory, faster start). The server's own
// npm dependencies stay external and load from node_modules as usual; everything
// else (@werkraum/shared's TypeScript source and the few packages only shared
// depends on, which pnpm does not let the server resolve) is bundled in.
import { readFileSync } from 'node:fs'
import { build } from 'esbuild'

const own = Object.keys(JSON.parse(readFileSync('package.json', 'utf8')).dependencies)
const packageOf = (specifier) => specifier.split('/').slice(0, specifier.startsWith('@') ? 2 : 1).join('/')

await build({
  entryPoints: ['src/main.ts'],
  outdir: 'dist',
  // Code loaded with import() on first use (the HTTP API and its validation) stays in its own chunk.
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
  plugins: [
    {
      name: 'own-dependencies-external',
      setup(builder) {
        builder.onResolve({ filter: /^[^./]/ }, (args) =>
          own.includes(packageOf(args.path)) && !args.path.startsWith('@werkraum/') ? { path: args.path, external: true } : undefined,
        )
      },
    },
  ],
})
