import { readFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { commands, type CommandName, exitCodes, type ReportFormat, reportFormats, usage } from './cli-commands.js'
import { type TargetName, targetNames } from './config/target-names.js'
import { packageFile } from './package-root.js'

// What a command needs is imported when it runs (build.js and what it loads are most of the
// code): `--version`, `--help` and a wrong command line load this module and cli-commands.js only.

/** Run the command line `argv` (without `node` and the script). Sets `process.exitCode`. */
export async function main(argv: readonly string[]): Promise<void> {
  // Ctrl-C: remove any zip half-written, then stop. A second Ctrl-C while cleaning up must not cut that short.
  let interrupted = false
  process.on('SIGINT', () => {
    if (interrupted) return
    interrupted = true
    // Loaded already if anything was being written; otherwise there is nothing to remove.
    void import('./fs/write-output.js').then(({ removePendingWrites }) => removePendingWrites()).finally(() => process.exit(130))
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
      const { runInit } = await import('./cli-init.js')
      const result = await runInit(dir, { ci: values['no-ci'] !== true, pages: values.pages === true, version: version() })
      return result.ok ? console.log(result.text) : fail(exitCodes.courseErrors, result.text)
    }
    if (name === 'preview') {
      const port = Number(values.port ?? 8080)
      if (!Number.isInteger(port) || port < 0 || port > 65535) return fail(exitCodes.usage, `Unexpected port \`${String(values.port)}\`, expected a number from 0 to 65535.`)
      const target = values.target === undefined ? undefined : String(values.target)
      if (target !== undefined && target !== 'scorm12' && target !== 'scorm2004') return fail(exitCodes.usage, `Unexpected target \`${target}\`: preview has a stand-in LMS for \`scorm12\` and \`scorm2004\`.`)
      const { startPreview } = await import('./preview/server.js')
      const preview = await startPreview({ dir, port, ...(target ? { target } : {}) })
      return console.log(`Previewing ${dir} at ${preview.url}  (Ctrl-C to stop)`)
    }
    const chosen = parseTargets(values.target)
    if (typeof chosen === 'string') return fail(exitCodes.usage, `${chosen}\n\n${usage(name)}`)
    const format = parseFormat(values)
    if (typeof format === 'object') return fail(exitCodes.usage, `${format.error}\n\n${usage(name)}`)
    const jobs = values.jobs === undefined ? undefined : Number(values.jobs)
    if (jobs !== undefined && !(Number.isInteger(jobs) && jobs >= 1 && jobs <= 64)) return fail(exitCodes.usage, `Unexpected --jobs \`${String(values.jobs)}\`, expected a whole number from 1 to 64.\n\n${usage(name)}`)
    const { runBuild } = await import('./cli-build.js')
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

function fail(code: number, text: string): void {
  console.error(text)
  process.exitCode = code
}

function version(): string {
  const manifest = JSON.parse(readFileSync(packageFile('package.json'), 'utf8')) as { version: string }
  return manifest.version
}
