import { createHash } from 'node:crypto'
import { readdir, stat } from 'node:fs/promises'
import path from 'node:path'
import type { VFile } from 'vfile'
import type { VFileMessage } from 'vfile-message'
import type { Page } from '../model.js'

interface Entry<Value> {
  readonly key: string
  readonly value: Value
  /** What the work reported on the file: replayed on a hit, so the report stays whole. */
  readonly messages: readonly VFileMessage[]
}

/**
 * Parsed pages and rendered page bodies from earlier builds, so that
 * `preview` rebuilds only what changed. An entry is reused only when
 * everything it was made from is the same: the file's text and (for rendering) the course's settings, its page ids and every
 * other file of the folder (a deleted image must show up as missing).
 */
export class BuildCache {
  private readonly parsed = new Map<string, Entry<Page | undefined>>()
  private readonly rendered = new Map<string, Entry<unknown>>()
  /** How often work was reused or done, for tests and the benchmark. */
  readonly stats = { hits: 0, misses: 0 }

  /**
   * Parse `file` through the cache; `run` notes in `dependencies` the other
   * files it reads, and `context` says what else the result depends on (a
   * lesson is rendered as it is parsed: see renderEnvironment).
   */
  async parse(file: VFile, run: (dependencies: Map<string, string>) => Promise<Page | undefined>, context = ''): Promise<Page | undefined> {
    const key = hashOf(file.path, String(file.value), context)
    const entry = this.parsed.get(file.path)
    if (entry && entry.key === key) {
      this.stats.hits += 1
      file.messages.push(...entry.messages)
      return entry.value && { ...entry.value, file }
    }
    this.stats.misses += 1
    const before = file.messages.length
    const dependencies = new Map<string, string>()
    const value = await run(dependencies)
    // A quiz that read question banks is not kept: the banks' own problems are on their files.
    if (dependencies.size === 0) this.parsed.set(file.path, { key, value, messages: file.messages.slice(before) })
    return value
  }

  /** Render a page's body through the cache; `key` says what it was made from. */
  async render<View>(file: VFile, key: string, run: () => Promise<View>): Promise<{ view: View; cached: boolean }> {
    const entry = this.rendered.get(file.path)
    if (entry && entry.key === key) {
      this.stats.hits += 1
      file.messages.push(...entry.messages)
      return { view: entry.value as View, cached: true }
    }
    this.stats.misses += 1
    const before = file.messages.length
    const view = await run()
    this.rendered.set(file.path, { key, value: view, messages: file.messages.slice(before) })
    return { view, cached: false }
  }
}

/**
 * What every rendered page depends on besides its own text: the settings,
 * the page ids (links between pages), and the path, size and time of every
 * other file in the course folder (links to images and files).
 */
export async function renderEnvironment(root: string, settings: unknown, pageIds: ReadonlyMap<string, string>): Promise<string> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true })
  const listing: string[] = []
  for (const entry of entries) {
    if (!entry.isFile() && !entry.isSymbolicLink()) continue
    const absolute = path.join(entry.parentPath ?? (entry as unknown as { path: string }).path, entry.name)
    const relative = path.relative(root, absolute).split(path.sep).join('/')
    if (pageIds.has(relative)) continue
    const stats = await stat(absolute).catch(() => undefined)
    listing.push(`${relative}:${stats?.size ?? -1}:${stats?.mtimeMs ?? -1}`)
  }
  return hashOf(JSON.stringify(settings), JSON.stringify([...pageIds]), listing.sort().join('\n'))
}

export function hashOf(...parts: string[]): string {
  const hash = createHash('sha256')
  for (const part of parts) hash.update(part).update('\u0000')
  return hash.digest('hex')
}
