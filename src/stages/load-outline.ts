import path from 'node:path'
import slugify from '@sindresorhus/slugify'
import type { VFile } from 'vfile'
import type { LoadedConfig } from '../config/load-config.js'
import type { OutlineEntry } from '../config/schema.js'
import { problem } from '../diagnostics/problem.js'
import { isInside, kindOf, listFolder } from '../fs/course-folder.js'
import { readSource } from '../fs/read-source.js'
import type { ModuleSource, OutlineSource, PageSource } from '../model.js'

export interface Options {
  /** Every file read, so that the caller can report what they carry. */
  readonly files: VFile[]
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
  const entries = loaded.outline
  if (entries) return loadListedOutline(root, loaded, entries, ['outline'], options)
  return loadFolder(root, '', loaded.file, options)
}

async function loadFolder(root: string, relativeDir: string, configFile: VFile, options: Options): Promise<OutlineSource[]> {
  const { entries, outside } = await listFolder(root, relativeDir)
  // A link to a page or a folder outside would put foreign pages in the course; other links matter only when referenced.
  for (const link of outside) {
    if (isPageFile(link) || (await kindOf(path.join(root, link))) === 'folder') {
      problem(configFile, 'reference-outside-course', null, `\`${link}\` is a link to a place outside the course folder`)
    }
  }
  const sources: OutlineSource[] = []
  for (const entry of entries) {
    if (entry.kind === 'folder') {
      const module = await loadModule(root, entry.relativePath, humanize(entry.name), configFile, options)
      if (module.children.length > 0) sources.push(module)
    } else if (isPageFile(entry.name) && !(relativeDir === '' && /^readme\.md$/i.test(entry.name))) {
      const page = await loadPage(root, entry.relativePath, options)
      if (page) sources.push(page)
    }
  }
  return sources
}

async function loadModule(
  root: string,
  relativeDir: string,
  title: string,
  configFile: VFile,
  options: Options,
): Promise<ModuleSource> {
  const children = await loadFolder(root, relativeDir, configFile, options)
  return { type: 'module', id: idFromPath(relativeDir), title, children }
}

async function loadListedOutline(
  root: string,
  loaded: LoadedConfig,
  entries: readonly OutlineEntry[],
  at: readonly (string | number)[],
  options: Options,
): Promise<OutlineSource[]> {
  const sources: OutlineSource[] = []
  for (const [index, entry] of entries.entries()) {
    const here = [...at, index]
    if (typeof entry !== 'string') {
      const children = await loadListedOutline(root, loaded, entry.pages, [...here, 'pages'], options)
      sources.push({ type: 'module', id: idFromPath(entry.title), title: entry.title, children })
      continue
    }
    const relativePath = entry.replace(/\\/g, '/').replace(/\/+$/, '')
    const absolute = path.resolve(root, relativePath)
    const kind = await kindOf(absolute)
    if (path.isAbsolute(relativePath) || !kind) {
      problem(loaded.file, 'missing-outline-entry', loaded.locate(here), `There is no file or folder \`${entry}\` in the course`, {
        hint: 'Outline entries are paths relative to `course.yml`, such as `01-introduction.md` or `02-module/`.',
      })
    } else if (!(await isInside(root, absolute))) {
      problem(loaded.file, 'reference-outside-course', loaded.locate(here), `The outline entry \`${entry}\` leaves the course folder`)
    } else if (kind === 'folder') {
      const name = path.basename(relativePath)
      sources.push(await loadModule(root, relativePath, humanize(name), loaded.file, options))
    } else if (!isPageFile(relativePath)) {
      problem(loaded.file, 'unsupported-page-file', loaded.locate(here), `\`${entry}\` is neither a lesson nor a question file`)
    } else {
      const page = await loadPage(root, relativePath, options)
      if (page) sources.push(page)
    }
  }
  return sources
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
