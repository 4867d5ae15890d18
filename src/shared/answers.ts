import type { QuestionData } from './course-data.js'
import type { Response } from './scoring.js'

/** Longest fill-in or numeric answer a learner can type (the input's maxlength). */
export const maxTextAnswerLength = 60

/** Characters the saved state uses as separators, escaped inside typed answers. */
const escapes: Readonly<Record<string, string>> = { '%': '%25', ',': '%2C', '|': '%7C', '~': '%7E', ';': '%3B' }

/**
 * One question's response as it is kept in `cmi.suspend_data`: choice ids
 * run together (`ac`), typed text with the separators escaped, matching as
 * the target of each source in order (`a-c`, `-` for none), sequencing as
 * the items in order (`cab`).
 *
 * @example
 *   encodeAnswer(matching, ['1.a', '3.c']) //=> 'a-c'
 */
export function encodeAnswer(question: QuestionData, response: Response): string {
  switch (question.kind) {
    case 'fill-in':
    case 'numeric':
      return (response[0] ?? '').slice(0, maxTextAnswerLength).replace(/[%,|~;]/g, (char) => escapes[char]!)
    case 'matching': {
      const given = new Map(response.map((pair) => pair.split('.') as [string, string]))
      const targets = question.sources.map((source) => given.get(source) ?? '-')
      return targets.every((target) => target === '-') ? '' : targets.join('')
    }
    default:
      return response.join('')
  }
}

/** The inverse of `encodeAnswer`; `undefined` when the text cannot belong to this question. */
export function decodeAnswer(question: QuestionData, text: string): Response | undefined {
  switch (question.kind) {
    case 'fill-in':
    case 'numeric':
      try {
        return text === '' ? [] : [decodeURIComponent(text)]
      } catch {
        return undefined
      }
    case 'matching': {
      if (text === '') return []
      if (text.length !== question.sources.length) return undefined
      const pairs: string[] = []
      for (const [index, target] of [...text].entries()) {
        if (target === '-') continue
        if (!question.targets.includes(target)) return undefined
        pairs.push(`${question.sources[index]}.${target}`)
      }
      return pairs
    }
    case 'sequencing': {
      const items = [...text]
      return items.every((id) => question.order.includes(id)) && new Set(items).size === items.length ? items : undefined
    }
    default: {
      const chosen = [...text]
      return chosen.every((id) => question.choices.includes(id)) ? chosen : undefined
    }
  }
}

/** The longest `encodeAnswer` can write for this question. */
export function maxEncodedLength(question: QuestionData): number {
  switch (question.kind) {
    case 'fill-in':
    case 'numeric':
      return maxTextAnswerLength * 3
    case 'matching':
      return question.sources.length
    case 'sequencing':
      return question.order.length
    case 'single-choice':
    case 'true-false':
    case 'likert':
      return 1
    case 'multiple-response':
      return question.choices.length
  }
}
