import path from 'node:path'
import type { VFile } from 'vfile'
import type { VFileMessage } from 'vfile-message'

export interface Options {
  /** Paths are printed relative to this folder (default: `process.cwd()`). */
  readonly cwd?: string
}

/**
 * Format every message of `files` as compilers do, one problem per line:
 * `file:line:column  severity  message  [rule-id]`, the hint indented below,
 * then a summary such as `2 errors, 1 warning`. Returns '' when there is nothing.
 *
 * @example
 *   formatReport([file])
 *   //=> 'course/01-intro.md:1:1  error  This lesson has no title  [missing-title]\n  Add `title: …` …\n\n1 error'
 */
export function formatReport(files: readonly VFile[], options: Options = {}): string {
  const cwd = options.cwd ?? process.cwd()
  const messages = files
    .flatMap((file) => file.messages.map((message) => ({ file, message })))
    .sort((a, b) => compareMessages(a.file, a.message, b.file, b.message))
  if (messages.length === 0) return ''

  const lines: string[] = []
  for (const { file, message } of messages) {
    lines.push(`${location(file, message, cwd)}  ${severity(message)}  ${message.reason}  [${message.ruleId ?? 'coursepack'}]`)
    if (message.note) lines.push(`  ${message.note}`)
  }
  lines.push('', summaryLine(files))
  return lines.join('\n')
}

/** One problem as `--json` prints it. */
export interface JsonProblem {
  readonly file: string
  readonly line: number
  readonly column: number
  readonly endLine: number | null
  readonly endColumn: number | null
  readonly severity: 'error' | 'warning' | 'info'
  readonly rule: string
  readonly message: string
  readonly hint: string | null
}

/** Every message of `files` as plain data, in the order of `formatReport`, for `--json`. */
export function reportData(files: readonly VFile[], options: Options = {}): JsonProblem[] {
  const cwd = options.cwd ?? process.cwd()
  return files
    .flatMap((file) => file.messages.map((message) => ({ file, message })))
    .sort((a, b) => compareMessages(a.file, a.message, b.file, b.message))
    .map(({ file, message }) => ({
      file: fileName(file, cwd),
      line: message.line ?? 1,
      column: message.column ?? 1,
      endLine: message.place && 'end' in message.place ? message.place.end.line : null,
      endColumn: message.place && 'end' in message.place ? message.place.end.column : null,
      severity: severity(message) as JsonProblem['severity'],
      rule: message.ruleId ?? 'coursepack',
      message: message.reason,
      hint: message.note ?? null,
    }))
}

/**
 * Every message of `files` as GitHub Actions workflow commands, one a line,
 * in the order of `formatReport`: GitHub shows each as an annotation on its
 * file and line (errors as `::error`, warnings as `::warning`, notes as
 * `::notice`), titled with the rule, the hint on the message's second line.
 *
 * @example
 *   formatGithub([file])
 *   //=> '::error file=course/01-a.md,line=3,col=1,endLine=3,endColumn=15,title=missing-file::There is no file `gone.png`%0APaths are …'
 */
export function formatGithub(files: readonly VFile[], options: Options = {}): string {
  return reportData(files, options)
    .map((entry) => {
      const command = entry.severity === 'info' ? 'notice' : entry.severity
      const properties: [string, string | number | null][] = [
        ['file', entry.file],
        ['line', entry.line],
        ['col', entry.column],
        ['endLine', entry.endLine],
        ['endColumn', entry.endColumn],
        ['title', entry.rule],
      ]
      const list = properties.filter(([, value]) => value !== null).map(([key, value]) => `${key}=${escapeProperty(String(value))}`)
      const text = entry.hint ? `${entry.message}\n${entry.hint}` : entry.message
      return `::${command} ${list.join(',')}::${escapeData(text)}`
    })
    .join('\n')
}

/** The counts line of a report (`2 errors, 1 warning`), '' when there is nothing. */
function summaryLine(files: readonly VFile[]): string {
  const messages = files.flatMap((file) => file.messages)
  const errors = messages.filter((message) => message.fatal === true).length
  const warnings = messages.filter((message) => message.fatal === false).length
  return summarize(errors, warnings, messages.length - errors - warnings)
}

/** A workflow command's message, escaped as GitHub's toolkit does (`escapeData`). */
function escapeData(text: string): string {
  return text.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A')
}

/** A workflow command's property value, escaped as GitHub's toolkit does (`escapeProperty`). */
function escapeProperty(text: string): string {
  return escapeData(text).replaceAll(':', '%3A').replaceAll(',', '%2C')
}

function location(file: VFile, message: VFileMessage, cwd: string): string {
  return `${fileName(file, cwd)}:${message.line ?? 1}:${message.column ?? 1}`
}

function fileName(file: VFile, cwd: string): string {
  const name = file.path ? path.relative(cwd, file.path) || file.path : '<input>'
  return name.split(path.sep).join('/')
}

function severity(message: VFileMessage): string {
  return message.fatal === true ? 'error' : message.fatal === false ? 'warning' : 'info'
}

function summarize(errors: number, warnings: number, infos: number): string {
  const parts: string[] = []
  if (errors) parts.push(`${errors} ${errors === 1 ? 'error' : 'errors'}`)
  if (warnings) parts.push(`${warnings} ${warnings === 1 ? 'warning' : 'warnings'}`)
  if (infos) parts.push(`${infos} ${infos === 1 ? 'note' : 'notes'}`)
  return parts.join(', ')
}

function compareMessages(fileA: VFile, a: VFileMessage, fileB: VFile, b: VFileMessage): number {
  return (
    (fileA.path ?? '').localeCompare(fileB.path ?? '') ||
    (a.line ?? 0) - (b.line ?? 0) ||
    (a.column ?? 0) - (b.column ?? 0)
  )
}
