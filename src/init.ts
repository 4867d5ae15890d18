import { cp, mkdir, readdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { packageFile } from './package-root.js'

/** The starter course: `templates/starter/`. */
export const starterDir = packageFile('templates/starter/')

export type InitResult =
  | { readonly ok: true; readonly dir: string; /** The folder held a course (a course.yml) already, and was left as it is. */ readonly kept: boolean }
  | { readonly ok: false; readonly reason: string }

export interface InitOptions {
  /**
   * Where course.yml's JSON Schema is, from the course folder: its first line
   * then names it for the YAML language server, so that an editor completes
   * the keys and flags a mistake as it is typed (optional).
   */
  readonly schema?: string
}

/**
 * Write a small starter course (settings, two lessons, a quiz with several
 * kinds of question, an image) into `dir` when it is empty or new. A folder
 * that holds a course.yml already is a course: it is kept as it is. Any
 * other folder with files in it is refused: an author's files are never
 * overwritten, nor a starter course mixed into them.
 */
export async function initCourse(dir: string, options: InitOptions = {}): Promise<InitResult> {
  let existing: string[]
  try {
    existing = await readdir(dir)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOTDIR') return { ok: false, reason: `\`${dir}\` is a file; choose a new folder, such as \`coursepack init my-course\`.` }
    if (code !== 'ENOENT') throw error
    existing = []
  }
  if (existing.includes('course.yml')) return { ok: true, dir: path.resolve(dir), kept: true }
  if (existing.length > 0) return { ok: false, reason: `\`${dir}\` is not empty and holds no course.yml; choose a new folder, such as \`coursepack init my-course\`.` }
  await mkdir(dir, { recursive: true })
  await cp(starterDir, dir, { recursive: true })
  if (options.schema !== undefined) {
    const config = path.join(dir, 'course.yml')
    await writeFile(config, `# yaml-language-server: $schema=${options.schema}\n${await readFile(config, 'utf8')}`)
  }
  return { ok: true, dir: path.resolve(dir), kept: false }
}
