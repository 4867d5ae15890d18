// Bundles the command line: src/cli.ts → lib/cli.js, and the lessons' worker thread
// src/stages/lesson-worker.ts → lib/lesson-worker.js, with the libraries they use.
// A command loads its code when it runs (the dynamic `import()`s in src/cli.ts): esbuild
// splits what they load into chunks beside cli.js, so that `--version` reads cli.js and a
// small chunk, and `check` reads the pipeline in a few files instead of several hundred
// modules. All chunks sit in lib/ itself: src/package-root.ts finds the package's own
// files (templates/, schemas/, …) from there.
//   node scripts/bundle-cli.js
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { build } from 'esbuild'

const manifest = JSON.parse(await readFile('package.json', 'utf8'))

/**
 * Dependencies that stay packages of their own, imported from node_modules: KaTeX,
 * whose stylesheet and fonts coursepack copies into the packages from the installed
 * package, so that they always match the KaTeX that rendered the math; scorm-again,
 * whose browser builds the preview serves as files. Everything else is bundled.
 */
const external = Object.keys(manifest.dependencies)

// The files directly in lib/ are this script's (the folders are the other steps'): an earlier
// bundle's chunks would otherwise stay beside the new ones.
for (const entry of await readdir('lib', { withFileTypes: true }).catch(() => [])) {
  if (entry.isFile()) await rm(path.join('lib', entry.name))
}

const result = await build({
  entryPoints: { cli: 'src/cli.ts', 'lesson-worker': 'src/stages/lesson-worker.ts' },
  outdir: 'lib',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: `node${manifest.engines.node.replace(/^>=/, '')}`,
  external,
  // Some bundled libraries are CommonJS and `require()` Node's own modules, which an ES module has no `require` for.
  banner: { js: "import { createRequire as __coursepackRequire } from 'node:module'; const require = __coursepackRequire(import.meta.url);" },
  // Whitespace and syntax only: Node reads (parses) a third less, and names stay as written,
  // for the stack trace of a bug report. The source maps (developers: node --enable-source-maps) are not packed.
  minifyWhitespace: true,
  minifySyntax: true,
  sourcemap: 'linked',
  legalComments: 'none',
  metafile: true,
  logLevel: 'warning',
})

// What each chunk holds, for a look at what a command loads (esbuild's bundle analyzer reads it); not packed.
await mkdir('lib/dev', { recursive: true })
await writeFile('lib/dev/cli-bundle.meta.json', JSON.stringify(result.metafile))

// The bundled libraries' licences, which their copyright notices must travel with.
const packages = new Map()
for (const input of Object.keys(result.metafile.inputs)) {
  const match = /(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input)
  if (match && !packages.has(match[1])) packages.set(match[1], input.slice(0, match.index + match[0].length))
}
const notices = []
for (const [name, folder] of [...packages].sort(([a], [b]) => (a < b ? -1 : 1))) {
  const about = JSON.parse(await readFile(path.join(folder, 'package.json'), 'utf8'))
  const licenceFile = (await readdir(folder)).find((file) => /^(licen[sc]e|copying)(\.|-|$)/i.test(file))
  // A few packages have no licence file: their package.json says the licence and the author.
  const licence = about.license ?? about.licenses?.map((entry) => entry.type).join(' OR ')
  const text = licenceFile ? (await readFile(path.join(folder, licenceFile), 'utf8')).trim() : `${licence} licence; author: ${typeof about.author === 'object' ? about.author.name : about.author}`
  notices.push(`${name} ${about.version} (${licence})\n\n${text}\n`)
}
await writeFile(
  'lib/THIRD-PARTY-LICENSES.txt',
  `The command line (lib/cli.js, lib/lesson-worker.js and their chunks) includes these libraries, each under its own licence.\n\n${notices.join(`\n${'-'.repeat(72)}\n\n`)}`,
)
