import path from 'node:path'
import { problem } from '../diagnostics/problem.js'
import type { OutlineNode, OutlineSource, Page } from '../model.js'
import { parseLesson } from './parse-lesson.js'
import { parseQuiz } from './parse-quiz.js'

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
export function parsePages(root: string, sources: readonly OutlineSource[]): ParsedOutline {
  const pages: Page[] = []
  const pageIds = new Map<string, string>()
  const byId = new Map<string, Page>()

  const parse = (nodes: readonly OutlineSource[]): OutlineNode[] =>
    nodes.flatMap((source): OutlineNode[] => {
      if (source.type === 'module') {
        const children = parse(source.children)
        return children.length > 0 ? [{ type: 'module', id: source.id, title: source.title, children }] : []
      }
      const page = source.format === 'quiz' ? parseQuiz(source) : parseLesson(source)
      if (!page) return []
      const clash = byId.get(page.id)
      if (clash) {
        problem(page.file, 'duplicate-page-id', { line: 1, column: 1 }, `Another page has the id \`${page.id}\`: \`${coursePath(root, clash.file.path)}\``)
        return []
      }
      byId.set(page.id, page)
      pages.push(page)
      pageIds.set(coursePath(root, page.file.path), page.id)
      return [{ type: 'page', page }]
    })

  return { outline: parse(sources), pages, pageIds }
}

function coursePath(root: string, absolute: string): string {
  return path.relative(root, absolute).split(path.sep).join('/')
}
