import path from 'node:path'
import { build, type BuildResult } from './build.js'
import { exitCodes, type ReportFormat } from './cli-commands.js'
import { createProgress } from './cli-progress.js'
import type { TargetName } from './config/target-names.js'
import { formatGithub, formatReport, reportData } from './diagnostics/report.js'

/** `build` and `check`: build the course (`check` writes nothing), print what was found and made, set the exit code. */
export async function runBuild(name: 'build' | 'check', dir: string, values: Record<string, string | boolean | undefined>, targets: TargetName[] | undefined, format: ReportFormat, jobs: number | undefined): Promise<void> {
  const quiet = values.quiet === true
  const progress = createProgress(process.stderr, { enabled: !quiet && format !== 'json' })
  const started = performance.now()
  // check makes no zip and no page at all: it reports, and writes nothing.
  const check = name === 'check'
  const result = await build({ dir, targets, ...(jobs ? { jobs } : {}), out: check ? undefined : String(values.out ?? 'dist'), zip: !check, pages: !check, onStage: progress.stage })
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
