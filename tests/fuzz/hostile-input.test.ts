import { execFile, execFileSync } from 'node:child_process'
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import fc from 'fast-check'
import type { Root } from 'mdast'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import { unified } from 'unified'
import type { Node, Parent } from 'unist'
import { VFile } from 'vfile'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { build } from '../../src/build.js'
import { courseConfigSchema } from '../../src/config/schema.js'
import { hasErrors } from '../../src/diagnostics/problem.js'
import { rules } from '../../src/diagnostics/rules.js'
import { maxTextFileBytes, maxTextFileLines } from '../../src/limits.js'
import { scanMarkdown } from '../../src/markdown/guard-markdown.js'
import type { PageSource } from '../../src/model.js'
import { parseGiftQuiz } from '../../src/stages/parse-gift.js'
import { parseLesson } from '../../src/stages/parse-lesson.js'
import { parseQuiz } from '../../src/stages/parse-quiz.js'
import { readYaml } from '../../src/yaml/read-yaml.js'
import { checkPackage } from '../helpers/check-package.js'
import { courseFiles, gift, hostileMarkdown, lesson, markdown, quiz, type Special, yaml } from './arbitraries.js'

/**
 * Hostile or broken input must give a clean error, never a crash or a hang
 * (issue 11). Random and mutated Markdown, question files, GIFT and YAML go
 * through the stages, whole builds and the command line; every one must end
 * with a result or problems from the catalog, within a time budget, and a
 * build that succeeds must give a package that passes the package checks.
 *
 * `npm test` runs it with a fixed seed and a size that keeps the suite fast.
 * `npm run fuzz` runs it longer with a random seed (FUZZ_SEED=n to replay
 * one, FUZZ_RUNS=n for the number of builds); a failure prints its seed and
 * the smallest input fast-check could shrink it to.
 */
const long = process.env.FUZZ === 'long'
const seed = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : long ? Math.floor(Math.random() * 2 ** 31) : 1950
const builds = Number(process.env.FUZZ_RUNS ?? (long ? 5000 : 300))
const runs = { texts: builds * 3, stages: builds * 3, builds, commands: Math.max(6, Math.round(builds / 50)) }
/** Per case, generous: a case takes milliseconds; one that takes this long is a hang in the making. */
const budget = { stage: 10_000, build: 20_000, command: 60_000 }
const testTimeout = long ? 24 * 60 * 60 * 1000 : 120_000

const settings = (numRuns: number) => ({ seed, numRuns, endOnFailure: true })

if (long) console.log(`fuzz: seed ${seed}, ${builds} builds (replay with FUZZ_SEED=${seed} npm run fuzz)`)

let scratch: string
beforeAll(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), 'coursepack-fuzz-'))
})
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true })
})

/** What is wrong with the problems on `files`: a rule missing from the catalog, a severity or a place that does not fit. */
function problemsWithProblems(files: readonly VFile[]): string[] {
  const wrong: string[] = []
  for (const file of files) {
    const lines = String(file.value).split('\n').length
    for (const message of file.messages) {
      const rule = message.ruleId ? rules[message.ruleId as keyof typeof rules] : undefined
      if (!rule) {
        wrong.push(`${message.ruleId ?? 'no rule'}: ${message.reason}`)
        continue
      }
      const fatal = rule.severity === 'error' ? true : rule.severity === 'warning' ? false : undefined
      if (message.fatal !== fatal) wrong.push(`${message.ruleId} is ${rule.severity}, but fatal is ${String(message.fatal)}`)
      if (message.line !== undefined && (message.line < 1 || message.line > lines + 1)) wrong.push(`${message.ruleId} at line ${message.line} of ${lines}`)
      if (message.column !== undefined && message.column < 1) wrong.push(`${message.ruleId} at column ${message.column}`)
    }
  }
  return wrong
}

async function timed<T>(work: () => Promise<T> | T): Promise<{ value: T; ms: number }> {
  const started = performance.now()
  const value = await work()
  return { value, ms: performance.now() - started }
}

const pageSource = (format: PageSource['format'], name: string, text: string): PageSource => ({ type: 'page', format, pathId: 'page', file: new VFile({ path: `/course/${name}`, cwd: '/course', value: text }) })

describe('fuzzing hostile input (issue 11)', () => {
  it('the Markdown guard never measures less nesting than micromark builds', () => {
    // As pages are parsed (frontmatter is YAML), and as GIFT text is (no frontmatter).
    const page = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm)
    const gift = unified().use(remarkParse).use(remarkGfm)
    fc.assert(
      fc.property(fc.oneof(markdown, hostileMarkdown, lesson), fc.boolean(), (text, frontmatter) => {
        const scanned = scanMarkdown(text, { frontmatter })
        if (scanned.problem) return
        expect(scanned.deepest).toBeGreaterThanOrEqual(containerDepth((frontmatter ? page : gift).parse(text)))
      }),
      settings(runs.texts),
    )
  }, testTimeout)

  it('reading a lesson, a question file, a GIFT file or YAML never throws, and reports only rules of the catalog', async () => {
    const readBank = async () => undefined
    await fc.assert(
      fc.asyncProperty(fc.oneof(lesson, quiz, gift, yaml), fc.constantFrom('lesson', 'quiz', 'gift', 'yaml'), async (text, kind) => {
        // readSource refuses larger files before any stage sees them (read-source.test.ts).
        fc.pre(Buffer.byteLength(text) <= maxTextFileBytes && text.split('\n').length <= maxTextFileLines)
        const source = pageSource(kind === 'yaml' ? 'lesson' : kind, kind === 'gift' ? 'a.gift' : 'a.md', text)
        const { ms } = await timed(() =>
          kind === 'lesson'
            ? parseLesson(source)
            : kind === 'quiz'
              ? parseQuiz(source, readBank)
              : kind === 'gift'
                ? parseGiftQuiz(source)
                : readYaml(source.file, text, courseConfigSchema, { label: 'course.yml', invalidRule: 'invalid-config', unknownKeyRule: 'unknown-config-key' }),
        )
        expect(problemsWithProblems([source.file])).toEqual([])
        expect(ms).toBeLessThan(budget.stage)
      }),
      settings(runs.stages),
    )
  }, testTimeout)

  it('check and build end with a package or with problems, in time, and a package they make passes the package checks', async () => {
    let validated = 0
    let built = 0
    await fc.assert(
      fc.asyncProperty(courseFiles, async (files) => {
        const root = await writeCourse(files)
        try {
          const { value: result, ms } = await timed(() => build({ dir: root }))
          expect(problemsWithProblems(result.files)).toEqual([])
          expect(result.ok).toBe(!hasErrors(result.files))
          expect(ms).toBeLessThan(budget.build)
          if (!result.ok) return
          built++
          // Schema validation takes a tenth of a second: every package at first, then one in twenty.
          const schema = validated < 12 || built % 20 === 0
          if (schema) validated++
          for (const made of result.packages ?? []) expect(await checkPackage(made, { schema })).toEqual([])
        } finally {
          await rm(root, { recursive: true, force: true })
        }
      }),
      settings(runs.builds),
    )
    // The generators must not be so hostile that nothing ever builds.
    expect(built).toBeGreaterThan(runs.builds / 10)
  }, testTimeout)

  it('the command line exits 0 or 1, without a stack trace, whatever the course holds', async () => {
    const bin = path.resolve(import.meta.dirname, '../../bin/coursepack.js')
    const hostileCourse = fc.oneof(
      courseFiles,
      hostileMarkdown.map((text) => ({ 'course.yml': 'title: Hostile\n', '01-a.md': `# A\n\n${text}\n` })),
      yaml.map((text) => ({ 'course.yml': text, '01-a.md': '# A\n' })),
    )
    await fc.assert(
      fc.asyncProperty(hostileCourse, fc.constantFrom('check', 'build'), async (files, command) => {
        const root = await writeCourse(files)
        try {
          const args = command === 'build' ? ['build', root, '--out', path.join(path.dirname(root), 'out')] : ['check', root]
          const { code, stderr, killed } = await run(bin, args, budget.command)
          expect({ killed, code: code === 0 || code === 1 ? 'ok' : code }).toEqual({ killed: false, code: 'ok' })
          expect(stderr).not.toMatch(/bug in coursepack|^\s+at .+:\d+:\d+\)?$/m)
        } finally {
          await rm(path.dirname(root), { recursive: true, force: true })
        }
      }),
      settings(runs.commands),
    )
  }, testTimeout)
})

/** Write a course into a fresh folder of the scratch folder, links and FIFOs included; returns the course folder. */
async function writeCourse(files: Readonly<Record<string, string | Uint8Array | Special>>): Promise<string> {
  const root = path.join(await mkdtemp(path.join(scratch, 'case-')), 'course')
  for (const [name, contents] of Object.entries(files)) {
    const target = path.join(root, name)
    await mkdir(path.dirname(target), { recursive: true })
    if (typeof contents === 'string' || contents instanceof Uint8Array) await writeFile(target, contents)
    else if ('symlink' in contents) await symlink(contents.symlink, target)
    else execFileSync('mkfifo', [target])
  }
  return root
}

/** Run the built CLI with a watchdog; `killed` when it had to stop it. */
async function run(bin: string, args: string[], timeout: number): Promise<{ code: number | null; stderr: string; killed: boolean }> {
  try {
    const { stderr } = await promisify(execFile)(process.execPath, [bin, ...args], { timeout, maxBuffer: 64 * 1024 * 1024 })
    return { code: 0, stderr, killed: false }
  } catch (error) {
    const failed = error as { code: number | null; stderr: string; killed: boolean }
    return { code: failed.code, stderr: failed.stderr, killed: failed.killed }
  }
}

/** The most blockquotes and list items any node of `tree` is inside of, found without recursion. */
function containerDepth(tree: Root): number {
  let deepest = 0
  const stack: { node: Node; depth: number }[] = [{ node: tree, depth: 0 }]
  for (let entry = stack.pop(); entry; entry = stack.pop()) {
    const depth = entry.depth + (entry.node.type === 'blockquote' || entry.node.type === 'listItem' ? 1 : 0)
    deepest = Math.max(deepest, depth)
    for (const child of (entry.node as Partial<Parent>).children ?? []) stack.push({ node: child, depth })
  }
  return deepest
}
