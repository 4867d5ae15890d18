import type { ParseArgsConfig } from 'node:util'
import { targetNames } from './config/target-names.js'

type Options = NonNullable<ParseArgsConfig['options']>

interface Command {
  readonly summary: string
  readonly options: Options
  /** Option help, in the order shown. */
  readonly help: readonly (readonly [string, string])[]
}

/** How `build` and `check` print problems: `--format`'s values. */
export const reportFormats = ['text', 'json', 'github'] as const

export type ReportFormat = (typeof reportFormats)[number]

const formatHelp = 'How to print problems: text (default), json (the result and every problem, for scripts), github (GitHub Actions annotations at file and line)'

/** Every command, its options and its help: the single table that `--help` is made from. */
export const commands = {
  build: {
    summary: 'Build the course in dir (default: course) into its packages (SCORM 1.2 by default) and a setup card',
    options: { out: { type: 'string' }, target: { type: 'string', short: 't' }, jobs: { type: 'string', short: 'j' }, format: { type: 'string' }, json: { type: 'boolean' }, quiet: { type: 'boolean', short: 'q' } },
    help: [
      ['--out <dir>', 'Where to write the packages and the setup card (default: dist)'],
      ['-t, --target <t>', `The packages to build, comma-separated: ${targetNames.join(', ')} (default: course.yml's targets, else scorm12)`],
      ['-j, --jobs <n>', 'Threads that build lessons, this one included (default: one per core, for 300 lessons each); the output is the same whatever the number'],
      ['--format <f>', formatHelp],
      ['--json', 'The same as --format json'],
      ['-q, --quiet', 'Print only errors'],
    ],
  },
  check: {
    summary: 'Report every problem in the course, write nothing',
    options: { target: { type: 'string', short: 't' }, jobs: { type: 'string', short: 'j' }, format: { type: 'string' }, json: { type: 'boolean' }, quiet: { type: 'boolean', short: 'q' } },
    help: [
      ['-t, --target <t>', 'Check against these targets\' limits too (default: as build)'],
      ['-j, --jobs <n>', 'Threads that build lessons (default: as build)'],
      ['--format <f>', formatHelp],
      ['--json', 'The same as --format json'],
      ['-q, --quiet', 'Print only errors'],
    ],
  },
  init: {
    summary: 'Write a starter course into dir (default: course), and around it package.json scripts, a .gitignore and a CI workflow',
    options: { 'no-ci': { type: 'boolean' }, pages: { type: 'boolean' } },
    help: [
      ['--no-ci', 'Leave out the GitHub Actions workflow (.github/workflows/course.yml)'],
      ['--pages', 'Give the workflow a job that publishes the course as a website on GitHub Pages (docs/web.md)'],
    ],
  },
  preview: {
    summary: 'Serve the course in a stand-in LMS on 127.0.0.1, rebuilt on every change',
    options: { port: { type: 'string', short: 'p' }, target: { type: 'string', short: 't' } },
    help: [
      ['-p, --port <n>', 'The port (default: 8080; 0 picks a free one)'],
      ['-t, --target <t>', 'The SCORM standard of the stand-in LMS: scorm12 or scorm2004 (default: course.yml\'s first target, else scorm12)'],
    ],
  },
} as const satisfies Record<string, Command>

export type CommandName = keyof typeof commands

/** Documented in `--help`, the README and docs/command-line.md. */
export const exitCodes = { ok: 0, courseErrors: 1, usage: 2, bug: 3 } as const

const exitText = 'Exit codes: 0 done, 1 the course has errors, 2 a wrong command line, 3 a bug in coursepack, 130 interrupted.'

/** `--help` text: for every command, or for one. */
export function usage(name?: CommandName): string {
  if (name) {
    const command: Command = commands[name]
    const options = [...command.help, ['-h, --help', 'Show this help'] as const]
    return [`Usage: coursepack ${name} [dir] [options]`, '', command.summary, '', 'Options:', ...options.map(([flag, text]) => `  ${flag.padEnd(18)}${text}`), '', exitText].join('\n')
  }
  return [
    'Usage: coursepack <command> [dir] [options]',
    '',
    'Commands:',
    ...Object.entries(commands).map(([command, { summary }]) => `  ${command.padEnd(10)}${summary}`),
    '',
    'Options:',
    '  -h, --help      Show help (coursepack <command> --help for a command)',
    '  -v, --version   Show the version',
    '',
    exitText,
  ].join('\n')
}
