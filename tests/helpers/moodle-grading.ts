import { asArray, type X } from './check-moodle-backup.js'

/**
 * How Moodle 4.5 grades a question of the backup, written from its code to
 * check that the backup scores as coursepack does without a Moodle:
 * question/type/multichoice/question.php (`grade_response`: the chosen
 * answer's fraction; several: their sum, kept within 0–1),
 * truefalse/question.php, shortanswer/question.php (`get_matching_answer`:
 * the first answer that matches, `compare_string_with_wildcard`),
 * numerical/question.php (the first answer within its nominal tolerance,
 * `get_tolerance_interval`), match/question.php (right stems over stems)
 * and ordering/question.php (all or nothing, `gradingtype` -1). The quiz's
 * grade is the sum of the marks over the sum of the slots' maximum marks.
 */

/** A response in Moodle's terms: the indexes of the chosen answers, true or false, a text, each stem's chosen answer text, the items' order. */
export interface MoodleResponse {
  readonly chosen?: readonly number[]
  readonly value?: boolean
  readonly text?: string
  readonly matched?: readonly string[]
  readonly order?: readonly number[]
}

export function moodleFraction(question: X, response: MoodleResponse): number {
  const plugin = question[`plugin_qtype_${question.qtype}_question`]
  const answers: X[] = asArray(plugin.answers?.answer)
  switch (question.qtype) {
    case 'multichoice': {
      const chosen = response.chosen ?? []
      if (chosen.length === 0) return 0
      if (plugin.multichoice.single === '1') return Number(answers[chosen[0]!]!.fraction)
      return Math.min(1, Math.max(0, chosen.reduce((sum, index) => sum + Number(answers[index]!.fraction), 0)))
    }
    case 'truefalse': {
      if (response.value === undefined) return 0
      const id = response.value ? plugin.truefalse.trueanswer : plugin.truefalse.falseanswer
      return Number(answers.find((answer) => answer['@id'] === id).fraction)
    }
    case 'shortanswer': {
      const text = (response.text ?? '').normalize('NFC').replace(/^[ \t\n\r\0\x0B]+|[ \t\n\r\0\x0B]+$/g, '')
      if (text === '') return 0
      const ignoreCase = plugin.shortanswer.usecase !== '1'
      const match = answers.find((answer) => {
        const bits = String(answer.answertext).normalize('NFC').split(/(?<!\\)\*+/).map((bit) => bit.replace(/\\\*/g, '*').replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'))
        return new RegExp(`^${bits.join('.*')}$`, ignoreCase ? 'iu' : 'u').test(text)
      })
      return match ? Number(match.fraction) : 0
    }
    case 'numerical': {
      const typed = (response.text ?? '').trim()
      if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(typed)) return 0
      const value = Number(typed)
      const records: X[] = asArray(plugin.numerical_records?.numerical_record)
      const epsilon = 1e-14
      const match = answers.find((answer) => {
        const center = Number(answer.answertext)
        const tolerance = Number(records.find((record) => record.answer === answer['@id'])?.tolerance ?? 0)
        const margin = tolerance + epsilon * Math.max(Math.abs(tolerance), Math.abs(center), epsilon)
        return center - margin <= value && value <= center + margin
      })
      return match ? Number(match.fraction) : 0
    }
    case 'match': {
      const stems = asArray<X>(plugin.matches.match).filter((match) => String(match.questiontext) !== '')
      const right = stems.filter((stem, index) => response.matched?.[index] === String(stem.answertext)).length
      return stems.length > 0 ? right / stems.length : 0
    }
    case 'ordering': {
      const order = response.order ?? []
      const positions = order.map((index) => Number(answers[index]!.fraction))
      return order.length === answers.length && positions.every((position, index) => position === index + 1) ? 1 : 0
    }
    default:
      throw new Error(`No grading for ${question.qtype}`)
  }
}

/** A quiz's grade in percent, two decimals, for its slots' questions, marks and responses. */
export function moodleQuizPercent(slots: readonly { readonly question: X; readonly maxmark: number; readonly response: MoodleResponse }[]): number {
  const max = slots.reduce((sum, slot) => sum + slot.maxmark, 0)
  // Moodle keeps fractions to 7 decimals and shows marks to 2.
  const marks = slots.reduce((sum, slot) => sum + slot.maxmark * Math.round(moodleFraction(slot.question, slot.response) * 1e7) / 1e7, 0)
  return max > 0 ? Math.round((marks / max) * 100 * 100) / 100 : 0
}
