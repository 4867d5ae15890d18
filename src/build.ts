import { readdir, readFile, stat } from 'node:fs/promises'
import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { VFile } from 'vfile'
import { loadConfig } from './config/load-config.js'
import { courseConfigSchema } from './config/schema.js'
import { hasErrors, problem } from './diagnostics/problem.js'
import type { BuildCache } from './cache/build-cache.js'
import { createBankReader } from './fs/read-bank.js'
import { writeAtomic, writeFileAtomic } from './fs/write-output.js'
import { schemaFiles } from './manifest/scorm12.js'
import type { Course, PackageFile } from './model.js'
import { loadTheme } from './render/theme.js'
import { worstCaseStateLength } from './shared/learner-state.js'
import { collectAssets } from './stages/collect-assets.js'
import { toCourseData } from './stages/course-data.js'
import { buildManifest } from './stages/build-manifest.js'
import { loadOutline } from './stages/load-outline.js'
import { packageZip, writeZip } from './stages/package-zip.js'
import { setupCard } from './stages/setup-card.js'
import { parsePages } from './stages/parse-pages.js'
import { renderPages } from './stages/render-pages.js'

/** The SCORM 1.2 XSDs and their notice, copied into every package. */
const schemasDir = fileURLToPath(new URL('../schemas/scorm12/', import.meta.url))
const schemaNotice = 'NOTICE.txt'
/** The browser runtime, bundled by `npm run compile` (esbuild) from src/runtime/. */
const runtimeBundle = fileURLToPath(new URL('../lib/runtime/coursepack.js', import.meta.url))
/** KaTeX's browser files, packaged when a course has math. */
const katexDir = path.dirname(createRequire(import.meta.url).resolve('katex/dist/katex.min.css'))
/** SCORM 1.2 RTE: cmi.suspend_data is a CMIString4096. */
const suspendDataLimit = 4096

export interface BuildOptions {
  /** The course folder (default: `course`). */
  readonly dir?: string
  /** Folder to write the zip into; without it nothing is written (a check). */
  readonly out?: string
  /** Folder that relative `dir` and `out` start from (default: `process.cwd()`). */
  readonly cwd?: string
  /** Told as each stage starts, for a progress display (optional). */
  readonly onStage?: (stage: BuildStage) => void
  /** Parsed and rendered pages of earlier builds, reused where nothing changed (`preview`) (optional). */
  readonly cache?: BuildCache
  /** Without `out`, whether to make the zip in memory at all (default: true; `preview` serves the files). */
  readonly zip?: boolean
}

export type BuildStage = 'load' | 'parse' | 'render' | 'package' | 'write'

export interface BuildResult {
  /** False when any file has an error; then no zip was written. */
  readonly ok: boolean
  /** Every file read, each carrying its problems. */
  readonly files: readonly VFile[]
  readonly course?: Course
  /** The package, entry by entry (when the build got that far). */
  readonly packageFiles?: readonly PackageFile[]
  /** The zip's bytes, when built in memory (no `out`). */
  readonly zip?: Uint8Array
  /** Where the zip was written (with `out`). */
  readonly zipPath?: string
  /** The zip's size in bytes. */
  readonly zipSize?: number
  /** The teachers' setup card written next to the zip. */
  readonly setupCardPath?: string
}

/**
 * Build a course folder into a SCORM 1.2 zip: load the course, parse its
 * pages, render them, write the manifest, package. Every stage reports all
 * the problems it finds; the zip is written only when there is no error.
 */
export async function build(options: BuildOptions = {}): Promise<BuildResult> {
  const cwd = options.cwd ?? process.cwd()
  const root = path.resolve(cwd, options.dir ?? 'course')
  const files: VFile[] = []
  const stage = options.onStage ?? (() => {})

  stage('load')
  const loaded = await loadConfig(root)
  files.push(loaded.file)
  // Pages are checked even when course.yml has errors, so one run reports everything.
  const sources = await loadOutline(root, loaded, { files })
  stage('parse')
  const { outline, pages, pageIds } = await parsePages(root, sources, createBankReader(root, files), options.cache)
  if (pages.length === 0 && !hasErrors(files)) {
    problem(loaded.file, 'empty-course', null, 'This course has no pages')
  }
  const config = loaded.config
  if (config?.passingScore !== undefined && pages.length > 0 && !pages.some((page) => page.kind === 'quiz' && page.graded)) {
    problem(loaded.file, 'no-graded-quiz-for-passing-score', loaded.locate(['passingScore']), 'The course has a `passingScore` but no graded quiz')
  }
  if (pages.length === 0) return { ok: false, files }

  // With a broken course.yml the pages are still rendered, on default
  // settings, to find their broken links too; nothing is packaged then.
  const course: Course = {
    root,
    config: config ?? courseConfigSchema.parse({ title: 'Untitled' }),
    id: loaded.id ?? 'untitled',
    outline,
    pages,
  }
  const theme = await loadTheme(course.config.language)
  // What the runtime is given: checked here against the suspend_data limit, embedded in index.html by the render.
  const courseData = toCourseData(course, theme.strings)
  const stateLength = worstCaseStateLength(courseData)
  if (stateLength > suspendDataLimit) {
    problem(loaded.file, 'state-too-large', null, `A learner's saved state could reach ${stateLength} characters, more than the ${suspendDataLimit} that SCORM 1.2 allows`)
  }
  stage('render')
  const rendered = await renderPages(course, courseData, theme, pageIds, options.cache)
  const assets = await collectAssets(root, rendered.assets, loaded)
  if (!config || hasErrors(files)) return { ok: false, files, course }

  stage('package')
  const schemas = await Promise.all(
    [...schemaFiles, schemaNotice].map(async (name) => ({ path: name, data: await readFile(path.join(schemasDir, name)) })),
  )
  const runtime = { path: 'coursepack.js', data: await readRuntime() }
  const scoFiles = [...rendered.files, runtime, ...assets, ...(rendered.usesMath ? await readKatex() : [])]
  const manifest = buildManifest(course, {
    scoFiles: scoFiles.map((file) => file.path),
    otherFiles: schemas.map((file) => file.path),
  })
  const packageFiles: PackageFile[] = [
    { path: 'imsmanifest.xml', data: new TextEncoder().encode(manifest) },
    ...scoFiles,
    ...schemas,
  ]
  if (options.out === undefined) {
    if (options.zip === false) return { ok: true, files, course, packageFiles }
    const zip = await packageZip(packageFiles)
    return { ok: true, files, course, packageFiles, zip, zipSize: zip.byteLength }
  }

  stage('write')
  const zipPath = path.resolve(cwd, options.out, zipName(course))
  await writeAtomic(zipPath, (temporary) => writeZip(packageFiles, temporary))
  const setupCardPath = path.resolve(cwd, options.out, `${course.id}-LMS-SETUP.md`)
  await writeFileAtomic(setupCardPath, new TextEncoder().encode(setupCard(course, zipName(course))))
  return { ok: true, files, course, packageFiles, zipPath, zipSize: (await stat(zipPath)).size, setupCardPath }
}

/**
 * KaTeX's stylesheet and its fonts in WOFF2, which every browser that runs
 * the package reads (the stylesheet's WOFF and TTF fallbacks are left out).
 */
async function readKatex(): Promise<PackageFile[]> {
  const names = (await readdir(path.join(katexDir, 'fonts'))).filter((name) => name.endsWith('.woff2')).sort()
  return Promise.all([
    readFile(path.join(katexDir, 'katex.min.css')).then((data) => ({ path: 'katex/katex.min.css', data })),
    ...names.map(async (name) => ({ path: `katex/fonts/${name}`, data: await readFile(path.join(katexDir, 'fonts', name)) })),
  ])
}

async function readRuntime(): Promise<Uint8Array> {
  try {
    return await readFile(runtimeBundle)
  } catch (error) {
    throw new Error(`The runtime bundle ${runtimeBundle} is missing: run \`npm run compile\` first.`, { cause: error })
  }
}

/** `<id>-<version>-scorm12.zip`. */
export function zipName(course: Course): string {
  return `${course.id}-${course.config.version}-scorm12.zip`
}
