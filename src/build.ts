import { readdir, readFile, stat } from 'node:fs/promises'
import { createRequire } from 'node:module'
import path from 'node:path'
import type { VFile } from 'vfile'
import { loadConfig } from './config/load-config.js'
import { courseConfigSchema } from './config/schema.js'
import { hasErrors, problem } from './diagnostics/problem.js'
import { type BuildCache, renderEnvironment } from './cache/build-cache.js'
import { createBankReader } from './fs/read-bank.js'
import { writeFolderAtomic } from './fs/write-folder.js'
import { writeAtomic, writeFileAtomic } from './fs/write-output.js'
import type { Course, PackageFile } from './model.js'
import { createCourseRenderer } from './render/course-renderer.js'
import { loadTheme } from './render/theme.js'
import { collectAssets } from './stages/collect-assets.js'
import { toCourseData } from './stages/course-data.js'
import { loadOutline } from './stages/load-outline.js'
import { inMemory, oversizedPackage, packageZip, writeZip } from './stages/package-zip.js'
import { setupCard } from './stages/setup-card.js'
import { defaultJobs, inlineLessons, pooledLessons } from './stages/lesson-pool.js'
import { pageSources } from './stages/page-ids.js'
import { pageIdsOf, parsePages } from './stages/parse-pages.js'
import { renderPages } from './stages/render-pages.js'
import { defaultTargets, type TargetName, targets as allTargets } from './targets/index.js'
import type { Target, TargetContext } from './targets/target.js'

/**
 * Lessons a course needs per thread beyond this one before the default
 * starts it: a worker loads the Markdown libraries (a third of a second)
 * and warms up its own compiler, a second of CPU on a core the first thread
 * and its garbage collector share. Measured with npm run bench on 2 cores,
 * 1 thread → 2: 100 lessons 1.49 → 1.80 s, 200: 2.78 → 2.92 s, 400: 4.44 →
 * 4.30 s, 1,000: 10.1 → 8.0 s.
 */
const lessonsPerExtraThread = 300

/** KaTeX's browser files, packaged when a course has math. */
const katexDir = path.dirname(createRequire(import.meta.url).resolve('katex/dist/katex.min.css'))

export interface BuildOptions {
  /** The course folder (default: `course`). */
  readonly dir?: string
  /** Folder to write the packages into; without it nothing is written (a check). */
  readonly out?: string
  /** Folder that relative `dir` and `out` start from (default: `process.cwd()`). */
  readonly cwd?: string
  /** The targets to build, in place of course.yml's `targets:` (default: those, else `scorm12`). */
  readonly targets?: readonly TargetName[]
  /** How many threads build lessons, this one included (default: one per core; 1 with a `cache`, which `preview` keeps in this thread). */
  readonly jobs?: number
  /** Told as each stage starts, for a progress display (optional). */
  readonly onStage?: (stage: BuildStage) => void
  /** Parsed and rendered pages of earlier builds, reused where nothing changed (`preview`) (optional). */
  readonly cache?: BuildCache
  /** Without `out`, whether to make the zips in memory at all (default: true; `preview` serves the files). */
  readonly zip?: boolean
  /**
   * Without `out` or `zip`, whether to make the pages (default: true; `preview` serves them, and
   * they are then kept). `check` makes none: a page is made once every problem is known, so
   * making it finds nothing more. The packages' files are then listed only, and their pages
   * cannot be made: the theme's templates (and Handlebars) are not even loaded.
   */
  readonly pages?: boolean
}

export type BuildStage = 'load' | 'parse' | 'render' | 'package' | 'write'

export interface BuildResult {
  /** False when any file has an error; then no package was written. */
  readonly ok: boolean
  /** Every file read, each carrying its problems. */
  readonly files: readonly VFile[]
  readonly course?: Course
  /** One package per target, in the order asked for (when the build got that far). */
  readonly packages?: readonly BuiltPackage[]
  /** The teachers' setup card written next to the packages. */
  readonly setupCardPath?: string
}

export interface BuiltPackage {
  /** The target's name: `scorm12`. */
  readonly target: string
  readonly fileName: string
  /** The package, entry by entry; written to `out`, its pages are made as the zip reaches them (`make`). */
  readonly files: readonly PackageFile[]
  /** The zip's bytes, when built in memory (no `out`). */
  readonly zip?: Uint8Array
  /** Where it was written (with `out`). */
  readonly path?: string
  /** Where its files were also written as a folder (with `out`, for a target that asks for one). */
  readonly folder?: string
  /** Its size in bytes. */
  readonly size?: number
}

/**
 * Build a course folder into one package per target: load the course, parse
 * its pages, render them, then let each target check what it cannot carry
 * and make its package. Every stage reports all the problems it finds;
 * packages are written only when there is no error.
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
  // With a broken course.yml the pages are still parsed and rendered, on
  // default settings, to find their broken links too; nothing is packaged then.
  const config = loaded.config
  const settings = config ?? courseConfigSchema.parse({ title: 'Untitled' })
  // A check makes no package and no page: the theme's templates are left unread.
  const makesNothing = options.out === undefined && options.zip === false && options.pages === false
  const theme = await loadTheme(settings.language, { templates: !makesNothing })
  const pageIds = pageIdsOf(root, sources)
  const renderer = createCourseRenderer(root, pageIds, settings, theme.strings)
  // What a page's render depends on besides its text, for the cache of preview.
  const environment = options.cache ? await renderEnvironment(root, settings, pageIds) : ''
  stage('parse')
  // --jobs N threads, this one included, as asked; by default one per core, as the course has lessons
  // enough for them to pay. The preview keeps its cache in this thread.
  const lessonCount = pageSources(sources).filter((source) => source.format === 'lesson').length
  const wanted = options.jobs ?? Math.min(defaultJobs(), 1 + Math.floor(lessonCount / lessonsPerExtraThread))
  const threads = options.cache ? 1 : Math.max(1, Math.min(wanted, lessonCount))
  const lessons = threads > 1 ? pooledLessons(threads, renderer, { root, pageIds: [...pageIds], config: settings, strings: theme.strings }) : inlineLessons(renderer)
  const { outline, pages } = await parsePages(root, sources, {
    readBank: createBankReader(root, files),
    lessons,
    parallel: threads > 1,
    ...(options.cache ? { cache: { pages: options.cache, environment } } : {}),
  }).finally(() => lessons.close())
  if (pages.length === 0 && !hasErrors(files)) {
    problem(loaded.file, 'empty-course', null, 'This course has no pages')
  }
  if (config?.passingScore !== undefined && pages.length > 0 && !pages.some((page) => page.kind === 'quiz' && page.graded)) {
    problem(loaded.file, 'no-graded-quiz-for-passing-score', loaded.locate(['passingScore']), 'The course has a `passingScore` but no graded quiz')
  }
  if (pages.length === 0) return { ok: false, files }

  const course: Course = { root, config: settings, id: loaded.id ?? 'untitled', outline, pages }
  // What the runtime is given: embedded in index.html by the render, checked by each target against its limits.
  const courseData = toCourseData(course, theme.strings)
  stage('render')
  const rendered = await renderPages(course, courseData, theme, renderer, options.cache ? { bodies: options.cache, environment } : undefined)
  const assets = await collectAssets(root, rendered.assets, loaded)
  const context: TargetContext = {
    course,
    courseData,
    config: loaded.file,
    web: [...rendered.files, ...assets, ...(rendered.usesMath ? await readKatex() : [])],
    views: rendered.views,
  }
  // Each target once, in the order asked for: `targets: [scorm12, scorm12]` builds one package.
  const chosen: Target[] = [...new Set(options.targets ?? course.config.targets ?? defaultTargets)].map((name) => allTargets[name])
  for (const target of chosen) target.check(context)
  if (!config || hasErrors(files)) return { ok: false, files, course }

  stage('package')
  const made = await Promise.all(chosen.map(async (target) => ({ target, fileName: target.fileName(course), files: await target.packageFiles(context) })))
  for (const { target, files: entries } of made) {
    const oversized = await oversizedPackage(entries)
    if (oversized) {
      problem(loaded.file, 'package-too-large', null, `The ${target.label} package would hold ${oversized.files} files and ${(oversized.bytes / 2 ** 30).toFixed(1)} GiB, more than a zip holds (65,535 files, 4 GiB)`)
    }
  }
  if (hasErrors(files)) return { ok: false, files, course }
  if (options.out === undefined) {
    const packages = await Promise.all(
      made.map(async ({ target, fileName, files: lazy }): Promise<BuiltPackage> => {
        if (makesNothing) return { target: target.name, fileName, files: lazy }
        // In memory, each page is made once and kept (the preview serves them, the tests read them).
        const entries = lazy.map(inMemory)
        if (options.zip === false) return { target: target.name, fileName, files: entries }
        const zip = await packageZip(entries)
        return { target: target.name, fileName, files: entries, zip, size: zip.byteLength }
      }),
    )
    return { ok: true, files, course, packages }
  }

  stage('write')
  const packages: BuiltPackage[] = []
  for (const { target, fileName, files: entries } of made) {
    const zipPath = path.resolve(cwd, options.out, fileName)
    await writeAtomic(zipPath, (temporary) => writeZip(entries, temporary))
    const folderName = target.folderName?.(course)
    const folder = folderName === undefined ? undefined : path.resolve(cwd, options.out, folderName)
    if (folder !== undefined) await writeFolderAtomic(folder, entries)
    packages.push({ target: target.name, fileName, files: entries, path: zipPath, size: (await stat(zipPath)).size, ...(folder === undefined ? {} : { folder }) })
  }
  const setupCardPath = path.resolve(cwd, options.out, `${course.id}-LMS-SETUP.md`)
  const card = setupCard(
    course,
    made.map(({ target, fileName }) => {
      const folder = target.folderName?.(course)
      return { label: target.label, fileName, section: target.setupCard(course, fileName), ...(folder === undefined ? {} : { folder }) }
    }),
  )
  await writeFileAtomic(setupCardPath, new TextEncoder().encode(card))
  return { ok: true, files, course, packages, setupCardPath }
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
