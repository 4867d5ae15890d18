import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach } from 'vitest'
import { build, type BuildResult, type BuiltPackage } from '../../src/build.js'
import { formatReport } from '../../src/diagnostics/report.js'

const made: string[] = []

afterEach(async () => {
  await Promise.all(made.splice(0).map((dir) => rm(dir, { recursive: true, force: true })))
})

/**
 * Write a throwaway course from an object of file contents and return its
 * folder. Removed after each test.
 *
 * @example
 *   const dir = await makeCourse({ 'course.yml': 'title: T', '01-a.md': '# A' })
 */
export async function makeCourse(files: Readonly<Record<string, string | Uint8Array>>): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'coursepack-test-'))
  made.push(dir)
  const root = path.join(dir, 'course')
  for (const [name, contents] of Object.entries(files)) {
    const target = path.join(root, name)
    await mkdir(path.dirname(target), { recursive: true })
    await writeFile(target, contents)
  }
  await mkdir(root, { recursive: true })
  return root
}

/** Build a course made by `makeCourse` in memory (no zip written). */
export async function buildCourse(files: Readonly<Record<string, string | Uint8Array>>): Promise<BuildResult> {
  const root = await makeCourse(files)
  return build({ dir: root })
}

/** The package a build made for `target` (default: the first), or undefined when it made none. */
export function packageOf(result: BuildResult, target?: string): BuiltPackage | undefined {
  return target === undefined ? result.packages?.[0] : result.packages?.find((built) => built.target === target)
}

/** The paths of the files of that package (none when it made none). */
export function packagePaths(result: BuildResult, target?: string): string[] {
  return packageOf(result, target)?.files.map((file) => file.path) ?? []
}

/** The text of one file of a built package (a page, the manifest); fails the test when it is missing. */
export function packageText(result: BuildResult, path: string, target?: string): string {
  const file = packageOf(result, target)?.files.find((entry) => entry.path === path)
  if (!file?.data) throw new Error(`No ${path} in the package`)
  return new TextDecoder().decode(file.data)
}

/** The report of a build, paths relative to the course folder. */
export function reportOf(result: BuildResult): string {
  const root = result.files[0]?.cwd ?? process.cwd()
  return formatReport(result.files, { cwd: root })
}

/** `[rule, line:column, reason]` of every message, for compact assertions. */
export function problemsOf(result: BuildResult): string[] {
  return result.files.flatMap((file) =>
    [...file.messages]
      .sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0))
      .map((message) => `${path.relative(file.cwd, file.path)}:${message.line ?? 1}:${message.column ?? 1} ${message.ruleId}`),
  )
}
