import path from 'node:path'
import slugify from '@sindresorhus/slugify'
import type { Point } from 'unist'
import type { VFile } from 'vfile'
import type { LoadedConfig } from '../config/load-config.js'
import type { OutlineEntry } from '../config/schema.js'
import { problem } from '../diagnostics/problem.js'
import { createFolderWalk, type FolderWalk, isInside, kindOf, listFolder } from '../fs/course-folder.js'
import { readSource } from '../fs/read-source.js'
import { maxModuleNesting } from '../limits.js'
import type { ModuleSource, OutlineSource, PageSource } from '../model.js'

export interface Options {
  /** Every file read, so that the caller can report what they carry. */
  readonly files: VFile[]
}

/** What the walk through the course carries along. */
interface Walk extends Options {
  readonly root: string
  readonly loaded: LoadedConfig
  readonly folders: FolderWalk
}

/**
 * Find the course's pages and modules: the folder tree ordered by file name,
 * or the `outline` of `course.yml` when it has one.
 */
export async function loadOutline(
  root: string,
  loaded: LoadedConfig,
  options: Options,
): Promise<OutlineSource[]> {
  const walk: Walk = { ...options, root, loaded, folders: createFolderWalk(root) }
  const entries = loaded.outline
  if (entries) return loadListedOutline(walk, entries, ['outline'], 0)
  return loadFolder(walk, '', 0, null)
}

/** A folder's pages and modules; problems in it go on course.yml at `place` (its outline entry), if any. */
async function loadFolder(walk: Walk, relativeDir: string, depth: number, place: Point | null): Promise<OutlineSource[]> {
  const { root, loaded } = walk
  const { entries, outside, special, unreadable } = await listFolder(root, relativeDir)
  if (unreadable) problem(loaded.file, 'unreadable-file', place, `Cannot read the folder \`${relativeDir || '.'}\` (${unreadable})`)
  // A link to a page or a folder outside would put foreign pages in the course; other links matter only when referenced.
  for (const link of outside) {
    if (isPageFile(link) || (await kindOf(path.join(root, link))) === 'folder') {
      problem(loaded.file, 'reference-outside-course', null, `\`${link}\` is a link to a place outside the course folder`)
    }
  }
  for (const entry of special) problem(loaded.file, 'special-file', place, `\`${entry.relativePath}\` is a ${entry.kind}, not a file: it is skipped`)
  const sources: OutlineSource[] = []
  for (const entry of entries) {
    if (entry.kind === 'folder') {
      const module = await loadModule(walk, entry.relativePath, humanize(entry.name), depth + 1, place)
      if (module && module.children.length > 0) sources.push(module)
    } else if (isPageFile(entry.name) && !(relativeDir === '' && /^readme\.md$/i.test(entry.name))) {
      const page = await loadPage(root, entry.relativePath, walk)
      if (page) sources.push(page)
    }
  }
  return sources
}

/** A folder as a module, entered once however many links lead to it, and no deeper than `maxModuleNesting`. */
async function loadModule(walk: Walk, relativeDir: string, title: string, depth: number, place: Point | null): Promise<ModuleSource | undefined> {
  const { loaded } = walk
  if (depth > maxModuleNesting) {
    problem(loaded.file, 'nesting-too-deep', place, `\`${relativeDir}\` is a module ${depth} levels deep; coursepack reads at most ${maxModuleNesting} levels of modules`, {
      hint: 'Move its pages up into fewer levels of folders.',
    })
    return undefined
  }
  const entered = await walk.folders.enter(relativeDir)
  if (!entered.ok) {
    const target = entered.target === '' ? 'the course folder' : `\`${entered.target}\``
    problem(
      loaded.file,
      'link-loop',
      place,
      entered.loop
        ? `\`${relativeDir}\` is a link to ${target}, which holds it: a loop, not followed`
        : `\`${relativeDir}\` leads to the same folder as ${target}, which is already in the course: it is not read again`,
    )
    return undefined
  }
  const children = await loadFolder(walk, relativeDir, depth, place)
  return { type: 'module', id: idFromPath(relativeDir), title, children }
}

async function loadListedOutline(walk: Walk, entries: readonly OutlineEntry[], at: readonly (string | number)[], depth: number): Promise<OutlineSource[]> {
  const { root, loaded } = walk
  const sources: OutlineSource[] = []
  for (const [index, entry] of entries.entries()) {
    const here = [...at, index]
    if (typeof entry !== 'string') {
      if (depth + 1 > maxModuleNesting) {
        problem(loaded.file, 'nesting-too-deep', loaded.locate(here), `The module \`${entry.title}\` is ${depth + 1} levels deep; coursepack reads at most ${maxModuleNesting} levels of modules`, {
          hint: 'List its pages in a module higher up.',
        })
        continue
      }
      const children = await loadListedOutline(walk, entry.pages, [...here, 'pages'], depth + 1)
      sources.push({ type: 'module', id: idFromPath(entry.title), title: entry.title, children })
      continue
    }
    const relativePath = withoutTrailingSlashes(entry.replace(/\\/g, '/'))
    const absolute = path.resolve(root, relativePath)
    const kind = await kindOf(absolute)
    if (kind === 'special') {
      problem(loaded.file, 'special-file', loaded.locate(here), `\`${entry}\` is a FIFO, socket or device, not a page: it is skipped`)
    } else if (path.isAbsolute(relativePath) || !kind) {
      problem(loaded.file, 'missing-outline-entry', loaded.locate(here), `There is no file or folder \`${entry}\` in the course`, {
        hint: 'Outline entries are paths relative to `course.yml`, such as `01-introduction.md` or `02-module/`.',
      })
    } else if (!(await isInside(root, absolute))) {
      problem(loaded.file, 'reference-outside-course', loaded.locate(here), `The outline entry \`${entry}\` leaves the course folder`)
    } else if (kind === 'folder') {
      const name = path.basename(relativePath)
      const module = await loadModule(walk, relativePath, humanize(name), depth + 1, loaded.locate(here))
      if (module) sources.push(module)
    } else if (!isPageFile(relativePath)) {
      problem(loaded.file, 'unsupported-page-file', loaded.locate(here), `\`${entry}\` is neither a lesson nor a question file`)
    } else {
      const page = await loadPage(root, relativePath, walk)
      if (page) sources.push(page)
    }
  }
  return sources
}

/**
 * `a/b///` → `a/b`, in linear time (a regular expression such as `/\/+$/`
 * backtracks quadratically over a long run of slashes).
 */
export function withoutTrailingSlashes(text: string): string {
  let end = text.length
  while (end > 0 && text[end - 1] === '/') end--
  return text.slice(0, end)
}

async function loadPage(root: string, relativePath: string, options: Options): Promise<PageSource | undefined> {
  const file = await readSource(root, relativePath)
  options.files.push(file)
  const format = /\.gift$/i.test(relativePath) ? 'gift' : /\.quiz\.md$/i.test(relativePath) ? 'quiz' : 'lesson'
  return { type: 'page', format, pathId: idFromPath(relativePath), file }
}

function isPageFile(name: string): boolean {
  return /\.(md|gift)$/i.test(name)
}

/**
 * An id from a course path: order prefixes and extensions dropped, each
 * segment slugified, segments joined by `-`.
 *
 * @example
 *   idFromPath('04-from-alliance-to-split/01-cracks.md') //=> 'from-alliance-to-split-cracks'
 */
export function idFromPath(relativePath: string): string {
  const id = relativePath
    .split('/')
    .map((segment) => slugify(stripOrder(segment.replace(/(\.quiz)?\.(md|gift)$/i, ''))))
    .filter(Boolean)
    .join('-')
    // Ids end up in lesson_location (≤255) and interaction ids: keep them short.
    .slice(0, 64)
    .replace(/-+$/, '')
  return /^[A-Za-z0-9]/.test(id) ? id : `page${id ? `-${id}` : ''}`
}

/** `04-from-alliance-to-split` → `From alliance to split`. */
export function humanize(name: string): string {
  const words = stripOrder(name).replace(/[-_]+/g, ' ').trim()
  return words ? words.charAt(0).toUpperCase() + words.slice(1) : name
}

function stripOrder(segment: string): string {
  const stripped = segment.replace(/^\d+[-_. ]+/, '')
  return stripped || segment
}
