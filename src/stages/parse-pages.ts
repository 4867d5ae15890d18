import type { BuildCache } from '../cache/build-cache.js'
import { problem } from '../diagnostics/problem.js'
import type { OutlineNode, OutlineSource, Page, PageSource } from '../model.js'
import type { LessonBuilder } from './lesson-pool.js'
import { coursePath, pageIdBeforeParsing, pageSources } from './page-ids.js'
import { parseGiftQuiz } from './parse-gift.js'
import { type BankReader, parseQuiz } from './parse-quiz.js'

export interface ParsedOutline {
  readonly outline: OutlineNode[]
  /** Every page in reading order. */
  readonly pages: Page[]
}

export interface ParseOptions {
  readonly readBank: BankReader
  /** Parses and renders each lesson (lessons keep their HTML, not their Markdown tree). */
  readonly lessons: LessonBuilder
  /** Whether `lessons` builds several at once (worker threads): then every lesson is handed over at the start. */
  readonly parallel: boolean
  /** Parsed pages of earlier builds (`preview`), with what rendering a lesson depends on besides its text. */
  readonly cache?: { readonly pages: BuildCache; readonly environment: string }
}

/**
 * The id of every page of the outline, before any is parsed: a page's
 * frontmatter `id:`, else the one from its path (course path → page id).
 * Links between pages need them while each page is parsed and rendered.
 */
export function pageIdsOf(root: string, sources: readonly OutlineSource[]): Map<string, string> {
  return new Map(pageSources(sources).map((source) => [coursePath(root, source.file.path), pageIdBeforeParsing(source)]))
}

/**
 * Parse every page of the outline, lessons rendered as they are parsed. A
 * page with errors is left out (its problems are on its file); two pages
 * with the same id are an error.
 */
export async function parsePages(root: string, sources: readonly OutlineSource[], options: ParseOptions): Promise<ParsedOutline> {
  const pages: Page[] = []
  const byId = new Map<string, Page>()

  // In parallel, every lesson is handed to the workers at once, and the outline below waits for each in turn.
  const started = new Map<PageSource, Promise<Page | undefined>>()
  if (options.parallel) {
    for (const source of pageSources(sources)) {
      if (source.format !== 'lesson' || source.file.messages.some((message) => message.fatal === true)) continue
      const building = options.lessons.build(source)
      // Awaited in outline order below; a failure is thrown there, not left unhandled here.
      building.catch(() => {})
      started.set(source, building)
    }
  }

  const parseOne = async (source: PageSource): Promise<Page | undefined> => {
    const early = started.get(source)
    if (early) return early
    const run = async (dependencies?: Map<string, string>) => {
      if (source.format === 'lesson') return options.lessons.build(source)
      // Note each bank read, so that a cached quiz is parsed again when one of its banks changes.
      const reading: BankReader = async (quizFile, relativePath, place) => {
        const bank = await options.readBank(quizFile, relativePath, place)
        if (bank) dependencies?.set(bank.path, String(bank.value))
        return bank
      }
      return source.format === 'quiz' ? parseQuiz(source, reading) : parseGiftQuiz(source)
    }
    const { cache } = options
    if (!cache) return run()
    // A lesson is rendered too: it depends on the course's settings, page ids and files as well as its text.
    return cache.pages.parse(source.file, run, source.format === 'lesson' ? cache.environment : '')
  }

  const parse = async (nodes: readonly OutlineSource[]): Promise<OutlineNode[]> => {
    const parsed: OutlineNode[] = []
    for (const source of nodes) {
      if (source.type === 'module') {
        const children = await parse(source.children)
        if (children.length > 0) parsed.push({ type: 'module', id: source.id, title: source.title, children })
        continue
      }
      // A file that could not be read (not UTF-8, say) has its error already; parsing it would only add noise.
      if (source.file.messages.some((message) => message.fatal === true)) continue
      const page = await parseOne(source)
      if (!page) continue
      const clash = byId.get(page.id)
      if (clash) {
        problem(page.file, 'duplicate-page-id', { line: 1, column: 1 }, `Another page has the id \`${page.id}\`: \`${coursePath(root, clash.file.path)}\``)
        continue
      }
      byId.set(page.id, page)
      pages.push(page)
      parsed.push({ type: 'page', page })
    }
    return parsed
  }

  return { outline: await parse(sources), pages }
}

