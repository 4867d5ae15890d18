import { readdir, realpath, stat } from 'node:fs/promises'
import path from 'node:path'

export interface FolderEntry {
  readonly name: string
  /** Path relative to the course root, with `/` separators. */
  readonly relativePath: string
  readonly kind: 'file' | 'folder'
}

const byName = new Intl.Collator('en', { numeric: true, sensitivity: 'variant' })

/**
 * Entries of a course folder, ordered as authors number them (`2-…` before
 * `10-…`). Hidden and private names (`.git`, `.env`, `_drafts`) are skipped:
 * they never belong to a course. Symbolic links count only when they stay
 * inside the course; the others are returned in `outside`.
 */
export async function listFolder(
  root: string,
  relativeDir: string,
): Promise<{ entries: FolderEntry[]; outside: string[] }> {
  const absoluteDir = path.join(root, relativeDir)
  const dirents = await readdir(absoluteDir, { withFileTypes: true })
  const entries: FolderEntry[] = []
  const outside: string[] = []
  for (const dirent of dirents) {
    if (dirent.name.startsWith('.') || dirent.name.startsWith('_') || dirent.name === 'node_modules') continue
    const relativePath = relativeDir ? `${relativeDir}/${dirent.name}` : dirent.name
    const absolute = path.join(absoluteDir, dirent.name)
    if (dirent.isSymbolicLink() && !(await isInside(root, absolute))) {
      outside.push(relativePath)
      continue
    }
    const stats = await stat(absolute).catch(() => undefined)
    if (stats?.isFile()) entries.push({ name: dirent.name, relativePath, kind: 'file' })
    else if (stats?.isDirectory()) entries.push({ name: dirent.name, relativePath, kind: 'folder' })
  }
  entries.sort((a, b) => byName.compare(a.name, b.name) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  return { entries, outside }
}

/** True when `absolute`, once links are followed, is inside the course folder `root`. */
export async function isInside(root: string, absolute: string): Promise<boolean> {
  try {
    const [realRoot, realTarget] = await Promise.all([realpath(root), realpath(absolute)])
    const relative = path.relative(realRoot, realTarget)
    return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative))
  } catch {
    // A broken link or a missing file: not inside, as far as packaging goes.
    return false
  }
}

/** What kind of thing is at `absolute`, if anything. */
export async function kindOf(absolute: string): Promise<'file' | 'folder' | undefined> {
  const stats = await stat(absolute).catch(() => undefined)
  if (stats?.isFile()) return 'file'
  if (stats?.isDirectory()) return 'folder'
  return undefined
}
