import { parseNumber, type QuestionResult, type Response } from '../shared/scoring.js'

/** What a question's controls hold: a response, or the mistake to point out (its UI string): nothing yet, not a number, a position twice. */
export type Collected = Response | 'unanswered' | 'notANumber' | 'duplicatePositions'

/**
 * The form controls of one question, whatever its kind: read the learner's
 * response, put a saved one back (an empty one clears them), lock them after
 * submitting, and show how the answer fared.
 */
export interface QuestionControls {
  readonly id: string
  readonly fieldset: HTMLFieldSetElement
  collect(): Collected
  restore(response: Response): void
  lock(locked: boolean): void
}

export function questionControls(fieldset: HTMLFieldSetElement): QuestionControls {
  const { question: id = '', kind } = fieldset.dataset
  const inputs = [...fieldset.querySelectorAll('input')]
  const selects = [...fieldset.querySelectorAll('select')]
  const typed = kind === 'fill-in' || kind === 'numeric'
  return {
    id,
    fieldset,
    collect() {
      if (typed) {
        const value = inputs[0]?.value.trim() ?? ''
        if (value === '') return 'unanswered'
        return kind === 'numeric' && Number.isNaN(parseNumber(value)) ? 'notANumber' : [value]
      }
      if (kind === 'matching') {
        const pairs = selects.map((select) => select.value && `${select.dataset.source}.${select.value}`)
        return pairs.includes('') ? 'unanswered' : pairs
      }
      if (kind === 'sequencing') {
        const placed = selects.map((select) => ({ item: select.dataset.item ?? '', position: Number(select.value) }))
        if (placed.some((entry) => !entry.position)) return 'unanswered'
        if (new Set(placed.map((entry) => entry.position)).size !== placed.length) return 'duplicatePositions'
        return placed.sort((a, b) => a.position - b.position).map((entry) => entry.item)
      }
      const chosen = inputs.filter((input) => input.checked).map((input) => input.value)
      return chosen.length === 0 ? 'unanswered' : chosen
    },
    restore(response) {
      if (typed) {
        if (inputs[0]) inputs[0].value = response[0] ?? ''
      } else if (kind === 'matching') {
        const given = new Map(response.map((pair) => pair.split('.') as [string, string]))
        for (const select of selects) select.value = given.get(select.dataset.source ?? '') ?? ''
      } else if (kind === 'sequencing') {
        for (const select of selects) select.value = String(response.indexOf(select.dataset.item ?? '') + 1 || '')
      } else {
        for (const input of inputs) input.checked = response.includes(input.value)
      }
    },
    lock(locked) {
      for (const control of [...inputs, ...selects]) control.disabled = locked
    },
  }
}

/**
 * Show how an answer fared: a verdict line (`verdictText`), the question's
 * feedback, and the feedback of the chosen choices or matched answer.
 * `undefined` hides it all.
 */
export function showResult({ fieldset }: QuestionControls, result: QuestionResult | undefined, verdictText: string): void {
  for (const verdict of ['correct', 'partial', 'wrong', 'neutral']) fieldset.classList.toggle(`cp-question--${verdict}`, result?.verdict === verdict)
  const feedback = fieldset.querySelector<HTMLElement>('.cp-question__feedback')
  for (const element of fieldset.querySelectorAll<HTMLElement>('[data-feedback]')) element.hidden = !result?.matched.includes(element.dataset.feedback ?? '')
  let line = fieldset.querySelector<HTMLElement>('.cp-question__verdict')
  if (!result) {
    line?.remove()
  } else if (!line) {
    line = fieldset.ownerDocument.createElement('p')
    line.className = 'cp-question__verdict'
    fieldset.insertBefore(line, feedback)
  }
  if (line) line.textContent = verdictText
  if (feedback) feedback.hidden = !result || feedback.textContent?.trim() === ''
}
