import type { Stats } from 'node:fs'
import { readdir, realpath, stat } from 'node:fs/promises'
import path from 'node:path'

export interface FolderEntry {
  readonly name: string
  /** Path relative to the course root, with `/` separators. */
  readonly relativePath: string
  readonly kind: 'file' | 'folder'
}

export interface Listing {
  readonly entries: FolderEntry[]
  /** Symbolic links that leave the course folder. */
  readonly outside: string[]
  /** FIFOs, sockets and devices, with what each is: skipped, and never opened. */
  readonly special: { relativePath: string; kind: string }[]
  /** Why the folder could not be listed (`EACCES`), if it could not. */
  readonly unreadable?: string
}

const byName = new Intl.Collator('en', { numeric: true, sensitivity: 'variant' })

/**
 * Entries of a course folder, ordered as authors number them (`2-…` before
 * `10-…`). Hidden and private names (`.git`, `.env`, `_drafts`) are skipped:
 * they never belong to a course. Symbolic links count only when they stay
 * inside the course; the others are returned in `outside`. Anything that is
 * neither a file nor a folder is returned in `special`, found by `stat`
 * alone: opening a FIFO would wait for a writer forever.
 */
export async function listFolder(root: string, relativeDir: string): Promise<Listing> {
  const absoluteDir = path.join(root, relativeDir)
  const entries: FolderEntry[] = []
  const outside: string[] = []
  const special: { relativePath: string; kind: string }[] = []
  let dirents
  try {
    dirents = await readdir(absoluteDir, { withFileTypes: true })
  } catch (error) {
    return { entries, outside, special, unreadable: (error as NodeJS.ErrnoException).code ?? 'error' }
  }
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
    else if (stats && specialKind(stats)) special.push({ relativePath, kind: specialKind(stats)! })
  }
  entries.sort((a, b) => byName.compare(a.name, b.name) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  return { entries, outside, special }
}

/**
 * A walk through the course's folders that enters each real folder once, so
 * that a symbolic link to a folder is followed once, and a link to a folder
 * that holds it (`a/up -> ..`) is seen as a loop instead of walked round
 * level after level.
 */
export function createFolderWalk(root: string) {
  /** Real path of each folder entered → its course path. */
  const entered = new Map<string, string>()
  let realRoot: Promise<string> | undefined
  return {
    /**
     * Enter `relativeDir`: `ok`, or else the course path of the folder it
     * leads to (`''`: the course folder), and whether that folder holds it.
     */
    async enter(relativeDir: string): Promise<{ ok: true } | { ok: false; target: string; loop: boolean }> {
      realRoot ??= realpath(root).catch(() => root)
      const absolute = path.join(root, relativeDir)
      const real = await realpath(absolute).catch(() => absolute)
      if (relativeDir !== '') {
        const realParent = await realpath(path.dirname(absolute)).catch(() => path.dirname(absolute))
        if (realParent === real || realParent.startsWith(real + path.sep)) {
          return { ok: false, target: path.relative(await realRoot, real).split(path.sep).join('/'), loop: true }
        }
      }
      const target = entered.get(real)
      if (target !== undefined) return { ok: false, target, loop: false }
      entered.set(real, relativeDir)
      return { ok: true }
    },
  }
}

export type FolderWalk = ReturnType<typeof createFolderWalk>

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

/** What kind of thing is at `absolute`, if anything; `special` for a FIFO, a socket or a device. */
export async function kindOf(absolute: string): Promise<'file' | 'folder' | 'special' | undefined> {
  const stats = await stat(absolute).catch(() => undefined)
  if (stats?.isFile()) return 'file'
  if (stats?.isDirectory()) return 'folder'
  if (stats && specialKind(stats)) return 'special'
  return undefined
}

/** `FIFO`, `socket` or `device` for such files, from `stat` alone (never by opening them). */
export function specialKind(stats: Stats): string | undefined {
  if (stats.isFIFO()) return 'FIFO'
  if (stats.isSocket()) return 'socket'
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'device'
  return undefined
}
