import { mkdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import slugify from '@sindresorhus/slugify'
import { isMap, parse, parseDocument } from 'yaml'
import { loadConfig } from './config/load-config.js'
import { starterDir } from './init.js'
import { packageFile } from './package-root.js'

/** The GitHub Actions workflow that `init` writes, with `{{check}}` and `{{build}}` to fill in. */
const workflowTemplate = packageFile('templates/init/github-workflow.yml')

/** The job `init --pages` adds to the workflow, with `{{site}}` and `{{folder}}` to fill in. */
const pagesJobTemplate = path.join(path.dirname(workflowTemplate), 'github-pages-job.yml')

/** Where the workflow goes, from the project folder. */
export const workflowPath = '.github/workflows/course.yml'

/** The npm scripts `init` adds: `npm run build`, `npm run check`, `npm run preview`. */
export const scriptNames = ['build', 'check', 'preview'] as const

/** What the .gitignore must hold: coursepack's output, and npm's installs. */
const ignoredFolders = ['dist/', 'node_modules/'] as const

export interface Options {
  /** The project folder: where package.json, .gitignore and .github/ go (default: `process.cwd()`). */
  readonly cwd?: string
  /** The course folder, as given to `init` (relative to `cwd`). */
  readonly courseDir: string
  /** Write the GitHub Actions workflow (default: true). */
  readonly ci?: boolean
  /** Give the workflow a job that publishes the course as a website on GitHub Pages (default: false). */
  readonly pages?: boolean
  /** The running coursepack's version: a new dev dependency is `^version`. */
  readonly version: string
}

/** One project file and what `init` does with it. */
export interface ProjectFile {
  /** Path from the project folder, with `/`. */
  readonly path: string
  /** create: a new file; update: lines or keys added to the author's file; keep: left as it is. */
  readonly action: 'create' | 'update' | 'keep'
  /** What is, or is not, done, in a few words. */
  readonly note: string
  /** The whole new text (create and update). */
  readonly text?: string
}

export type ProjectPlan =
  | {
      readonly ok: true
      readonly files: readonly ProjectFile[]
      /** What to type for each script: `npm run build`, or the command itself when the author's script of that name stays. */
      readonly commands: Readonly<Record<(typeof scriptNames)[number], string>>
      /** Whether package.json names coursepack only now, so that `npm install` must follow. */
      readonly install: boolean
    }
  | { readonly ok: true; readonly skipped: string }
  | { readonly ok: false; readonly reason: string }

/**
 * Plan what makes the project folder a course repository around the course
 * in `courseDir`, writing nothing yet: package.json (created with the
 * scripts and coursepack as a dev dependency, or the scripts it lacks added
 * to it), a .gitignore (created, or the lines it lacks appended) and the CI
 * workflow (created when absent; with `pages`, with a GitHub Pages job,
 * which is also added to a workflow that is there when that is safe).
 * Nothing of the author's is ever replaced: a script of the same name, a
 * .gitignore line, a line of a workflow stay.
 * `skipped` says why no project file fits (the course is not inside the
 * folder, or the folder is coursepack's own repository).
 */
export async function planProject(options: Options): Promise<ProjectPlan> {
  const cwd = path.resolve(options.cwd ?? process.cwd())
  const relative = path.relative(cwd, path.resolve(cwd, options.courseDir))
  if (relative === '' || relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative)) {
    const course = path.resolve(cwd, options.courseDir)
    return { ok: true, skipped: `package.json, .gitignore and the workflow go in the folder that holds the course folder: run \`coursepack init ${shellWord(path.basename(course)) ?? '…'}\` in ${path.dirname(course)} to add them.` }
  }
  const dir = shellWord(relative.split(path.sep).join('/'))
  if (dir === undefined) {
    return { ok: true, skipped: 'package.json, .gitignore and the workflow were left out: the course folder\'s name has characters that npm scripts cannot carry safely (`"`, `$`, `` ` ``, `\\`, `%`, `!`).' }
  }

  const manifest = await readPackageJson(path.join(cwd, 'package.json'))
  if (manifest && 'error' in manifest) return { ok: false, reason: manifest.error }
  if (manifest?.data.name === 'coursepack') {
    return { ok: true, skipped: 'package.json is coursepack\'s own (this is its repository), so it, the .gitignore and the workflows were left as they are.' }
  }

  const files: ProjectFile[] = []
  const wanted = Object.fromEntries(scriptNames.map((name) => [name, `coursepack ${name} ${dir}`])) as Record<(typeof scriptNames)[number], string>
  const packageJson = manifest ? updatePackageJson(manifest, wanted, options.version) : createPackageJson(cwd, wanted, options.version)
  files.push(packageJson.file)
  files.push(await planGitignore(path.join(cwd, '.gitignore')))
  let pages: PagesJob | undefined
  if (options.pages) {
    const site = await siteFolder(path.resolve(cwd, options.courseDir))
    if (site === undefined) return { ok: false, reason: `\`--pages\` publishes the folder \`dist/<id>-web/\`, and the course id cannot be read from ${path.join(relative, 'course.yml')}: run \`coursepack check ${dir}\`, fix what it reports, then run \`coursepack init --pages\` again. Nothing was written.` }
    pages = { build: `npx coursepack build ${dir} --target web --format github`, folder: site }
  }
  if (options.ci !== false) files.push(await planWorkflow(path.join(cwd, workflowPath), dir, pages))

  const commands = Object.fromEntries(
    scriptNames.map((name) => [name, packageJson.ours.includes(name) ? `npm run ${name}` : `npx ${wanted[name]}`]),
  ) as Record<(typeof scriptNames)[number], string>
  return { ok: true, files, commands, install: packageJson.install }
}

/** Write the files a plan creates or updates; a file it creates that appeared meanwhile is left alone. */
export async function writeProject(cwd: string, files: readonly ProjectFile[]): Promise<void> {
  for (const file of files) {
    if (file.action === 'keep' || file.text === undefined) continue
    const target = path.join(cwd, file.path)
    await mkdir(path.dirname(target), { recursive: true })
    await writeFile(target, file.text, { flag: file.action === 'create' ? 'wx' : 'w' })
  }
}

type PackageData = Record<string, unknown> & { scripts?: Record<string, unknown>; dependencies?: Record<string, unknown>; devDependencies?: Record<string, unknown> }

interface PackageText {
  readonly text: string
  readonly data: PackageData
}

/** package.json, parsed; undefined when there is none. */
async function readPackageJson(file: string): Promise<PackageText | { error: string } | undefined> {
  const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => (error.code === 'ENOENT' ? undefined : Promise.reject(error)))
  if (text === undefined) return undefined
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch (error) {
    return { error: `package.json is not valid JSON (${(error as Error).message}); fix it, then run \`coursepack init\` again. Nothing was written.` }
  }
  const isObject = (value: unknown) => typeof value === 'object' && value !== null && !Array.isArray(value)
  if (!isObject(data)) return { error: 'package.json does not hold a JSON object; fix it, then run `coursepack init` again. Nothing was written.' }
  for (const key of ['scripts', 'dependencies', 'devDependencies']) {
    const value = (data as Record<string, unknown>)[key]
    if (value !== undefined && !isObject(value)) return { error: `package.json's \`${key}\` is not an object; fix it, then run \`coursepack init\` again. Nothing was written.` }
  }
  return { text, data: data as PackageData }
}

function createPackageJson(cwd: string, scripts: Record<string, string>, version: string) {
  const data = { name: slugify(path.basename(cwd)) || 'course', private: true, scripts, devDependencies: { coursepack: `^${version}` } }
  const file: ProjectFile = {
    path: 'package.json',
    action: 'create',
    note: `the scripts ${scriptNames.join(', ')}, and coursepack ^${version} as a dev dependency`,
    text: `${JSON.stringify(data, null, 2)}\n`,
  }
  return { file, ours: [...scriptNames] as string[], install: true }
}

/**
 * The author's package.json with the scripts it lacks and, when it names
 * coursepack nowhere, coursepack as a dev dependency; its indentation,
 * line ends and every other key as they were.
 */
function updatePackageJson({ text, data }: PackageText, wanted: Record<string, string>, version: string) {
  const scripts: Record<string, unknown> = { ...data.scripts }
  const added: string[] = []
  const ours: string[] = []
  const kept: string[] = []
  for (const name of scriptNames) {
    if (scripts[name] === undefined) {
      scripts[name] = wanted[name]
      added.push(name)
    }
    if (scripts[name] === wanted[name]) ours.push(name)
    else kept.push(name)
  }
  const install = data.dependencies?.coursepack === undefined && data.devDependencies?.coursepack === undefined
  let updated: PackageData = data
  if (added.length > 0) updated = withKey(updated, 'scripts', scripts, ['dependencies', 'devDependencies'])
  if (install) updated = withKey(updated, 'devDependencies', sortKeys({ ...data.devDependencies, coursepack: `^${version}` }), [])

  const notes = [
    ...(added.length > 0 ? [`the scripts ${added.join(', ')}`] : []),
    ...(install ? [`coursepack ^${version} as a dev dependency`] : []),
  ]
  const keptNote = kept.map((name) => `your own \`${name}\` script stays`)
  if (notes.length === 0) {
    return { file: { path: 'package.json', action: 'keep', note: keptNote.length > 0 ? keptNote.join('; ') : 'it has the scripts already' } as ProjectFile, ours, install }
  }
  const indent = /^([ \t]+)"/m.exec(text)?.[1] ?? '  '
  const eol = text.includes('\r\n') ? '\r\n' : '\n'
  const json = JSON.stringify(updated, null, indent).replaceAll('\n', eol)
  const file: ProjectFile = { path: 'package.json', action: 'update', note: [notes.join(', and '), ...keptNote].join('; '), text: `${json}${/\n\s*$/.test(text) ? eol : ''}` }
  return { file, ours, install }
}

/** `object` with `key` set: where it was, else before the first of `before` present, else last. */
function withKey(object: PackageData, key: string, value: unknown, before: readonly string[]): PackageData {
  if (key in object) return { ...object, [key]: value }
  const entries = Object.entries(object)
  const at = entries.findIndex(([name]) => before.includes(name))
  entries.splice(at === -1 ? entries.length : at, 0, [key, value])
  return Object.fromEntries(entries) as PackageData
}

/** Dependencies in name order, as npm writes them. */
function sortKeys(object: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(object).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
}

async function planGitignore(file: string): Promise<ProjectFile> {
  const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => (error.code === 'ENOENT' ? undefined : Promise.reject(error)))
  if (text === undefined) {
    return { path: '.gitignore', action: 'create', note: ignoredFolders.join(', '), text: `# What coursepack builds, and what npm installs\n${ignoredFolders.join('\n')}\n` }
  }
  const lines = new Set(text.split(/\r?\n/).map((line) => line.trim()))
  const missing = ignoredFolders.filter((entry) => {
    const name = entry.slice(0, -1)
    return ![name, `${name}/`, `/${name}`, `/${name}/`].some((form) => lines.has(form))
  })
  if (missing.length === 0) return { path: '.gitignore', action: 'keep', note: `it ignores ${ignoredFolders.join(' and ')} already` }
  const eol = text.includes('\r\n') ? '\r\n' : '\n'
  const separator = text === '' || text.endsWith('\n') ? '' : eol
  return { path: '.gitignore', action: 'update', note: missing.join(', '), text: `${text}${separator}${missing.join(eol)}${eol}` }
}

/** What the Pages job builds (a command line) and publishes (a folder). */
interface PagesJob {
  readonly build: string
  readonly folder: string
}

async function planWorkflow(file: string, dir: string, pages?: PagesJob): Promise<ProjectFile> {
  const existing = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => (error.code === 'ENOENT' ? undefined : Promise.reject(error)))
  const job = pages && (await pagesJob(pages))
  if (existing === undefined) {
    const template = await readFile(workflowTemplate, 'utf8')
    const text = template
      .replace('{{check}}', yamlScalar(`npx coursepack check ${dir} --format github`))
      .replace('{{build}}', yamlScalar(`npx coursepack build ${dir} --format github`))
    const note = 'check on every push and pull request, build on the default branch'
    return { path: workflowPath, action: 'create', note: job ? `${note}, and publish it on GitHub Pages` : note, text: job ? `${text}\n${job}` : text }
  }
  if (!job) return { path: workflowPath, action: 'keep', note: 'it is there already, left as it is' }
  if (existing.includes('actions/deploy-pages')) return { path: workflowPath, action: 'keep', note: 'it publishes to GitHub Pages already' }
  const text = withJob(existing, job)
  if (text === undefined) {
    return { path: workflowPath, action: 'keep', note: 'it is there already, and its jobs could not be added to safely; add the job `pages` that coursepack\'s docs/web.md shows by hand' }
  }
  return { path: workflowPath, action: 'update', note: 'the job `pages`, which publishes the course on GitHub Pages', text }
}

/** The Pages job, as the workflow's `jobs:` holds it (indented by two). */
async function pagesJob(pages: PagesJob): Promise<string> {
  const template = await readFile(pagesJobTemplate, 'utf8')
  return template.replace('{{site}}', yamlScalar(pages.build)).replace('{{folder}}', yamlScalar(pages.folder))
}

/**
 * The author's workflow with the Pages job added at its end, every byte of
 * theirs as it was; undefined unless that is plainly safe: `jobs:` is the
 * workflow's last key and a map without a `pages` job, and the result reads
 * as the author's workflow plus the one job. The job needs `check` only
 * where there is one; it takes the workflow's indentation and line ends.
 */
function withJob(text: string, job: string): string | undefined {
  const document = parseDocument(text)
  if (document.errors.length > 0 || !isMap(document.contents)) return undefined
  const last = document.contents.items.at(-1)
  const jobs = last && String(last.key) === 'jobs' && isMap(last.value) ? last.value : undefined
  if (!jobs || jobs.has('pages')) return undefined
  const firstKey = jobs.items[0]?.key as { range?: [number, number, number] } | undefined
  const indent = firstKey?.range ? firstKey.range[0] - (text.lastIndexOf('\n', firstKey.range[0] - 1) + 1) : 2
  if (indent < 1) return undefined
  const needsCheck = jobs.has('check')
  const snippet = parseDocument(`jobs:\n${job}`)
  if (!needsCheck) snippet.deleteIn(['jobs', 'pages', 'needs'])
  const lines = snippet.toString({ indent, lineWidth: 0 }).trimEnd().split('\n').slice(1)
  const eol = text.includes('\r\n') ? '\r\n' : '\n'
  const result = `${text}${text.endsWith('\n') ? '' : eol}${eol}${lines.join(eol)}${eol}`

  const theirs = parse(text) as { jobs: Record<string, unknown> }
  const expected = { ...theirs, jobs: { ...theirs.jobs, pages: (snippet.toJS() as { jobs: { pages: unknown } }).jobs.pages } }
  try {
    return JSON.stringify(parse(result)) === JSON.stringify(expected) ? result : undefined
  } catch {
    return undefined
  }
}

/** Where `build --target web` writes the course's website (`dist/<id>-web/`, as targets/web names it); undefined when course.yml does not give the id. */
async function siteFolder(courseRoot: string): Promise<string | undefined> {
  const loaded = await loadConfig(courseRoot)
  // A new course is the starter, which `init` is about to write.
  const { id } = loaded.file.messages.some((message) => message.ruleId === 'missing-config') ? await loadConfig(starterDir) : loaded
  return id === undefined ? undefined : `dist/${id}-web/`
}

/**
 * A folder name as one word of a command line that sh and cmd.exe both
 * read alike (npm runs scripts with either): as it is, in double quotes
 * when it has spaces or other punctuation, undefined when it has a
 * character that even double quotes leave special.
 */
export function shellWord(name: string): string | undefined {
  if (/^[\w./-]+$/.test(name)) return name
  if (/["$`\\%!\n\r]/.test(name)) return undefined
  return `"${name}"`
}

/** A command as a YAML scalar: plain when it can be, else double-quoted (JSON's quoting is YAML's). */
function yamlScalar(text: string): string {
  return /^[\w./ -]+$/.test(text) ? text : JSON.stringify(text)
}
