import { cp, mkdir, readdir } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

/** The starter course: `templates/starter/`. */
const starterDir = fileURLToPath(new URL('../templates/starter/', import.meta.url))

export type InitResult = { readonly ok: true; readonly dir: string } | { readonly ok: false; readonly reason: string }

/**
 * Write a small starter course (settings, two lessons, a quiz with several
 * kinds of question, an image) into `dir`, which must be empty or new: an
 * author's files are never overwritten.
 */
export async function initCourse(dir: string): Promise<InitResult> {
  const existing = await readdir(dir).catch((error: NodeJS.ErrnoException) => (error.code === 'ENOENT' ? [] : Promise.reject(error)))
  if (existing.length > 0) return { ok: false, reason: `\`${dir}\` is not empty; choose a new folder, such as \`coursepack init my-course\`.` }
  await mkdir(dir, { recursive: true })
  await cp(starterDir, dir, { recursive: true })
  return { ok: true, dir: path.resolve(dir) }
}
