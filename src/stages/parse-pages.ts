import path from 'node:path'
import type { BuildCache } from '../cache/build-cache.js'
import { problem } from '../diagnostics/problem.js'
import type { OutlineNode, OutlineSource, Page } from '../model.js'
import { parseGiftQuiz } from './parse-gift.js'
import { parseLesson } from './parse-lesson.js'
import { type BankReader, parseQuiz } from './parse-quiz.js'

export interface ParsedOutline {
  readonly outline: OutlineNode[]
  /** Every page in reading order. */
  readonly pages: Page[]
  /** Course path of each page's source (`04-split/01-cracks.md`) → page id, for links between pages. */
  readonly pageIds: Map<string, string>
}

/**
 * Parse every page of the outline. A page with errors is left out (its
 * problems are on its file); two pages with the same id are an error.
 */
export async function parsePages(root: string, sources: readonly OutlineSource[], readBank: BankReader, cache?: BuildCache): Promise<ParsedOutline> {
  const pages: Page[] = []
  const pageIds = new Map<string, string>()
  const byId = new Map<string, Page>()

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
      const parseOne = async (dependencies?: Map<string, string>) => {
        // Note each bank read, so that a cached quiz is parsed again when one of its banks changes.
        const reading: BankReader = async (quizFile, relativePath, place) => {
          const bank = await readBank(quizFile, relativePath, place)
          if (bank) dependencies?.set(bank.path, String(bank.value))
          return bank
        }
        return source.format === 'quiz' ? parseQuiz(source, reading) : source.format === 'gift' ? parseGiftQuiz(source) : parseLesson(source)
      }
      const page = cache ? await cache.parse(source.file, parseOne) : await parseOne()
      if (!page) continue
      const clash = byId.get(page.id)
      if (clash) {
        problem(page.file, 'duplicate-page-id', { line: 1, column: 1 }, `Another page has the id \`${page.id}\`: \`${coursePath(root, clash.file.path)}\``)
        continue
      }
      byId.set(page.id, page)
      pages.push(page)
      pageIds.set(coursePath(root, page.file.path), page.id)
      parsed.push({ type: 'page', page })
    }
    return parsed
  }

  return { outline: await parse(sources), pages, pageIds }
}

function coursePath(root: string, absolute: string): string {
  return path.relative(root, absolute).split(path.sep).join('/')
}
