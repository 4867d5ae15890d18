import { readFileSync } from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { build, type BuildResult } from './build.js'
import { commands, type CommandName, exitCodes, type ReportFormat, reportFormats, usage } from './cli-commands.js'
import { createProgress } from './cli-progress.js'
import { formatGithub, formatReport, reportData } from './diagnostics/report.js'
import { removePendingWrites } from './fs/write-output.js'
import { runInit } from './cli-init.js'
import { type TargetName, targetNames } from './targets/index.js'

/** Run the command line `argv` (without `node` and the script). Sets `process.exitCode`. */
export async function main(argv: readonly string[]): Promise<void> {
  // Ctrl-C: remove any zip half-written, then stop. A second Ctrl-C while cleaning up must not cut that short.
  let interrupted = false
  process.on('SIGINT', () => {
    if (interrupted) return
    interrupted = true
    void removePendingWrites().finally(() => process.exit(130))
  })

  const [first, ...rest] = argv
  if (first === undefined || first === '-h' || first === '--help') return console.log(usage())
  if (first === '-v' || first === '--version') return console.log(version())
  if (!(first in commands)) return fail(exitCodes.usage, `Unknown command \`${first}\`, expected one of ${Object.keys(commands).map((name) => `\`${name}\``).join(', ')}.\n\n${usage()}`)
  const name = first as CommandName
  const command = commands[name]
  let parsed
  try {
    parsed = parseArgs({ args: rest, allowPositionals: true, options: { ...command.options, help: { type: 'boolean', short: 'h' } } })
  } catch (error) {
    return fail(exitCodes.usage, `${(error as Error).message}\n\n${usage(name)}`)
  }
  const values = parsed.values as Record<string, string | boolean | undefined>
  if (values.help) return console.log(usage(name))
  const [dir = 'course', extra] = parsed.positionals
  if (extra !== undefined) return fail(exitCodes.usage, `Unexpected argument \`${extra}\`: ${name} takes one course folder.\n\n${usage(name)}`)

  try {
    if (name === 'init') {
      if (values.pages && values['no-ci']) return fail(exitCodes.usage, `\`--pages\` adds a job to the workflow that \`--no-ci\` leaves out: give one of them.\n\n${usage(name)}`)
      const result = await runInit(dir, { ci: values['no-ci'] !== true, pages: values.pages === true, version: version() })
      return result.ok ? console.log(result.text) : fail(exitCodes.courseErrors, result.text)
    }
    if (name === 'preview') {
      const { startPreview } = await import('./preview/server.js')
      const port = Number(values.port ?? 8080)
      if (!Number.isInteger(port) || port < 0 || port > 65535) return fail(exitCodes.usage, `Unexpected port \`${String(values.port)}\`, expected a number from 0 to 65535.`)
      const target = values.target === undefined ? undefined : String(values.target)
      if (target !== undefined && target !== 'scorm12' && target !== 'scorm2004') return fail(exitCodes.usage, `Unexpected target \`${target}\`: preview has a stand-in LMS for \`scorm12\` and \`scorm2004\`.`)
      const preview = await startPreview({ dir, port, ...(target ? { target } : {}) })
      return console.log(`Previewing ${dir} at ${preview.url}  (Ctrl-C to stop)`)
    }
    const chosen = parseTargets(values.target)
    if (typeof chosen === 'string') return fail(exitCodes.usage, `${chosen}\n\n${usage(name)}`)
    const format = parseFormat(values)
    if (typeof format === 'object') return fail(exitCodes.usage, `${format.error}\n\n${usage(name)}`)
    const jobs = values.jobs === undefined ? undefined : Number(values.jobs)
    if (jobs !== undefined && !(Number.isInteger(jobs) && jobs >= 1 && jobs <= 64)) return fail(exitCodes.usage, `Unexpected --jobs \`${String(values.jobs)}\`, expected a whole number from 1 to 64.\n\n${usage(name)}`)
    await runBuild(name, dir, values, chosen, format, jobs)
  } catch (error) {
    fail(exitCodes.bug, `coursepack: an unexpected error, which is a bug in coursepack, not in your course.\nPlease report it with the text below.\n\n${(error as Error).stack ?? String(error)}`)
  }
}

/** `--target a,b` as target names; a sentence saying what is wrong otherwise. */
function parseTargets(option: string | boolean | undefined): TargetName[] | undefined | string {
  if (option === undefined) return undefined
  const names = String(option).split(',').map((name) => name.trim()).filter((name) => name !== '')
  const unknown = names.find((name) => !(targetNames as readonly string[]).includes(name))
  if (unknown !== undefined || names.length === 0) return `Unknown target \`${unknown ?? ''}\`, expected ${targetNames.map((target) => `\`${target}\``).join(', ')} (several: \`--target ${targetNames.join(',')}\`).`
  return [...new Set(names)] as TargetName[]
}

/** `--format`, or `json` for `--json`; what is wrong otherwise. */
function parseFormat(values: Record<string, string | boolean | undefined>): ReportFormat | { error: string } {
  const format = values.format === undefined ? undefined : String(values.format)
  if (format !== undefined && !(reportFormats as readonly string[]).includes(format)) return { error: `Unknown format \`${format}\`, expected ${reportFormats.map((name) => `\`${name}\``).join(', ')}.` }
  if (values.json === true && format !== undefined && format !== 'json') return { error: `\`--json\` and \`--format ${format}\` ask for two formats; give one.` }
  return (format ?? (values.json === true ? 'json' : 'text')) as ReportFormat
}

async function runBuild(name: 'build' | 'check', dir: string, values: Record<string, string | boolean | undefined>, targets: TargetName[] | undefined, format: ReportFormat, jobs: number | undefined): Promise<void> {
  const quiet = values.quiet === true
  const progress = createProgress(process.stderr, { enabled: !quiet && format !== 'json' })
  const started = performance.now()
  // check makes no zip at all: it reports, and writes nothing.
  const result = await build({ dir, targets, ...(jobs ? { jobs } : {}), out: name === 'build' ? String(values.out ?? 'dist') : undefined, zip: name === 'build', onStage: progress.stage })
  progress.done()
  if (format === 'json') {
    process.exitCode = result.ok ? exitCodes.ok : exitCodes.courseErrors
    return console.log(JSON.stringify(jsonResult(result), null, 2))
  }
  if (!(quiet && result.ok)) printProblems(result, format)
  if (!result.ok) {
    process.exitCode = exitCodes.courseErrors
    if (name === 'build') console.error('\nNo package was written.')
    return
  }
  if (quiet) return
  const seconds = ((performance.now() - started) / 1000).toFixed(1)
  const pages = result.course?.pages.length ?? 0
  const questions = result.course?.pages.reduce((sum, page) => sum + (page.kind === 'quiz' ? page.questions.length : 0), 0) ?? 0
  if (name === 'check') return console.log(`No errors in ${pages} pages.`)
  console.log(`Built ${pages} pages, ${questions} questions, in ${seconds} s`)
  for (const built of result.packages ?? []) {
    console.log(`→ ${path.relative(process.cwd(), built.path ?? '')} (${Math.round((built.size ?? 0) / 1024)} KB, ${built.files.length} files)`)
    if (built.folder) console.log(`→ ${path.relative(process.cwd(), built.folder)}${path.sep}: the same files as a folder, to publish as they are`)
  }
  console.log(`→ ${path.relative(process.cwd(), result.setupCardPath ?? '')}: what to set in Moodle and Canvas`)
}

/**
 * The problems of a build as a compiler prints them, on stderr; with
 * `--format github`, first as GitHub Actions workflow commands on stdout,
 * which GitHub turns into annotations at their file and line (it shows ten
 * of each kind per step: the report below them in the log has them all).
 */
function printProblems(result: BuildResult, format: 'text' | 'github'): void {
  const annotations = format === 'github' ? formatGithub(result.files) : ''
  if (annotations) console.log(annotations)
  const report = formatReport(result.files)
  if (report) console.error(report)
}

function jsonResult(result: BuildResult) {
  const problems = reportData(result.files)
  const count = (severity: string) => problems.filter((entry) => entry.severity === severity).length
  return {
    ok: result.ok,
    summary: { errors: count('error'), warnings: count('warning'), notes: count('info') },
    problems,
    pages: result.ok ? (result.course?.pages.length ?? 0) : null,
    packages: (result.ok ? (result.packages ?? []) : []).map((built) => ({
      target: built.target,
      path: built.path ? path.relative(process.cwd(), built.path) : null,
      folder: built.folder ? path.relative(process.cwd(), built.folder) : null,
      bytes: built.size ?? null,
      files: built.files.length,
    })),
  }
}

function fail(code: number, text: string): void {
  console.error(text)
  process.exitCode = code
}

function version(): string {
  const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }
  return manifest.version
}
