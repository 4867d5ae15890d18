// Bundles the browser runtime once per target: src/targets/<name>/runtime/main.ts
// → lib/runtime/<name>.js, each with its own standard's data model and no other.
import { readdir } from 'node:fs/promises'
import { build } from 'esbuild'

const targets = (await readdir('src/targets', { withFileTypes: true }))
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
const entries = []
for (const name of targets) {
  const files = await readdir(`src/targets/${name}/runtime`).catch(() => [])
  if (files.includes('main.ts')) entries.push({ in: `src/targets/${name}/runtime/main.ts`, out: name })
}
await build({
  entryPoints: entries,
  outdir: 'lib/runtime',
  bundle: true,
  minify: true,
  format: 'iife',
  target: 'es2020',
  legalComments: 'none',
  logLevel: 'warning',
})
