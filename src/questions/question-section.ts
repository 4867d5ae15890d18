import type { Heading, PhrasingContent, RootContent, Text } from 'mdast'
import type { VFile } from 'vfile'
import { problem } from '../diagnostics/problem.js'

/** One question as written: its `##` heading (the prompt) and the nodes up to the next one. */
export interface QuestionSection {
  /** `q1`, `q2`, … in file order. */
  readonly id: string
  readonly heading: Heading
  readonly nodes: readonly RootContent[]
}

/** Options written in braces at the end of a question's heading: `## Who signed it? {points=2 partial}`. */
export interface QuestionOptions {
  readonly points: number
  /** Partial credit for multiple-response questions. */
  readonly partial: boolean
  /** Fill-in answers must match case. */
  readonly caseSensitive: boolean
}

/**
 * Split the body of a question file at its `##` headings: what comes before
 * the first one is the quiz's introduction.
 */
export function splitQuestions(children: readonly RootContent[]): { intro: RootContent[]; sections: QuestionSection[] } {
  const intro: RootContent[] = []
  const sections: { id: string; heading: Heading; nodes: RootContent[] }[] = []
  for (const node of children) {
    if (node.type === 'heading' && node.depth <= 2) {
      sections.push({ id: `q${sections.length + 1}`, heading: node, nodes: [] })
    } else if (sections.length > 0) {
      sections[sections.length - 1]!.nodes.push(node)
    } else {
      intro.push(node)
    }
  }
  return { intro, sections }
}

/**
 * The prompt of a heading without its trailing `{…}` options, and the options.
 * Unknown options are reported on the file.
 */
export function readQuestionOptions(heading: Heading, file: VFile): { prompt: PhrasingContent[]; options: QuestionOptions } {
  const prompt = [...heading.children]
  const last = prompt[prompt.length - 1]
  const options = { points: 1, partial: false, caseSensitive: false }
  const match = last?.type === 'text' ? trailingOptions(last.value) : undefined
  if (!match || last?.type !== 'text') return { prompt, options }

  const rest = last.value.slice(0, match.index)
  if (rest === '') prompt.pop()
  else prompt[prompt.length - 1] = { ...last, value: rest } satisfies Text
  for (const word of match.inside.trim().split(/\s+/).filter(Boolean)) {
    const points = /^points=(\d+(?:\.\d+)?)$/.exec(word)
    if (points && Number(points[1]) > 0) options.points = Number(points[1])
    else if (word === 'partial') options.partial = true
    else if (word === 'case') options.caseSensitive = true
    else problem(file, 'unknown-question-option', heading, `Unknown question option \`${word}\``)
  }
  return { prompt, options }
}

/**
 * `{points=2 partial}` at the end of a heading's text: what is inside the
 * braces, and where the options start (spaces before the `{` included).
 * Found from the last `{`, in linear time: the regular expression
 * `/\s*\{([^{}]*)\}\s*$/` backtracks quadratically over long runs of spaces.
 */
function trailingOptions(text: string): { index: number; inside: string } | undefined {
  const open = text.lastIndexOf('{')
  if (open === -1) return undefined
  const close = text.indexOf('}', open)
  if (close === -1 || text.slice(close + 1).trim() !== '') return undefined
  let index = open
  while (index > 0 && /\s/.test(text[index - 1]!)) index--
  return { index, inside: text.slice(open + 1, close) }
}
