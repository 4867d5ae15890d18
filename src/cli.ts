import { readFileSync } from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { build, type BuildResult } from './build.js'
import { formatReport, reportData } from './diagnostics/report.js'
import { removePendingWrites } from './fs/write-output.js'

const usage = `Usage: coursepack <command> [options]

Commands:
  build [dir]   Build the course in dir (default: course) into a SCORM 1.2 zip
  check [dir]   Report every problem in the course, write nothing

Options:
  --out <dir>   Where build writes the zip (default: dist)
  --json        Print the result and every problem as JSON (for CI)
  -h, --help    Show this help
  -v, --version Show the version

Exit codes: 0 done, 1 the course has errors, 2 wrong command line, 3 a bug in coursepack.`

/** Exit codes: documented in `usage` and the README. */
const exit = { ok: 0, courseErrors: 1, usage: 2, bug: 3 } as const

/** Run the command line `argv` (without `node` and the script). Sets `process.exitCode`. */
export async function main(argv: readonly string[]): Promise<void> {
  // Ctrl-C: remove any zip half-written, then stop. A second Ctrl-C while cleaning up must not cut that short.
  let interrupted = false
  process.on('SIGINT', () => {
    if (interrupted) return
    interrupted = true
    void removePendingWrites().finally(() => process.exit(130))
  })
  let parsed
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        out: { type: 'string', default: 'dist' },
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    })
  } catch (error) {
    return fail(exit.usage, `${(error as Error).message}\n\n${usage}`)
  }
  const { values, positionals } = parsed
  if (values.version) return console.log(version())
  const [command, dir, ...rest] = positionals
  if (values.help || command === undefined) return console.log(usage)
  if (rest.length > 0) return fail(exit.usage, `Unexpected argument \`${rest[0]}\`: ${command} takes one course folder.\n\n${usage}`)
  if (command !== 'build' && command !== 'check') {
    return fail(exit.usage, `Unknown command \`${command}\`, expected \`build\` or \`check\`.\n\n${usage}`)
  }

  try {
    const started = performance.now()
    const result = await build({ dir: dir ?? 'course', out: command === 'build' ? values.out : undefined })
    if (values.json) {
      process.exitCode = result.ok ? exit.ok : exit.courseErrors
      return console.log(JSON.stringify(jsonResult(result), null, 2))
    }
    const report = formatReport(result.files)
    if (report) console.error(report)
    if (!result.ok) {
      process.exitCode = exit.courseErrors
      if (command === 'build') console.error('\nNo package was written.')
      return
    }
    const seconds = ((performance.now() - started) / 1000).toFixed(1)
    const pages = result.course?.pages.length ?? 0
    if (command === 'check') return console.log(`No errors in ${pages} pages.`)
    const size = Math.round((result.zip?.byteLength ?? 0) / 1024)
    console.log(`Built ${pages} pages, ${result.packageFiles?.length ?? 0} files, in ${seconds} s`)
    console.log(`→ ${path.relative(process.cwd(), result.zipPath ?? '')} (${size} KB)`)
    console.log(`→ ${path.relative(process.cwd(), result.setupCardPath ?? '')}: what to set in Moodle and Canvas`)
  } catch (error) {
    fail(exit.bug, `coursepack: an unexpected error, which is a bug in coursepack, not in your course.\nPlease report it with the text below.\n\n${(error as Error).stack ?? String(error)}`)
  }
}

function jsonResult(result: BuildResult) {
  const problems = reportData(result.files)
  const count = (severity: string) => problems.filter((entry) => entry.severity === severity).length
  return {
    ok: result.ok,
    summary: { errors: count('error'), warnings: count('warning'), notes: count('info') },
    problems,
    package: result.ok && result.zip
      ? { path: result.zipPath ? path.relative(process.cwd(), result.zipPath) : null, bytes: result.zip.byteLength, files: result.packageFiles?.length ?? 0, pages: result.course?.pages.length ?? 0 }
      : null,
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
