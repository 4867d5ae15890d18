import { parseNumber, type QuestionResult, type Response } from '../shared/scoring.js'

/** What a question's controls hold: a response, nothing yet, or a mistake to point out. */
export type Collected = { readonly response: Response } | { readonly problem: 'unanswered' | 'notANumber' | 'duplicatePositions' }

/**
 * The form controls of one question, whatever its kind: read the learner's
 * response, put a saved one back, lock them after submitting, and show how
 * the answer fared.
 */
export interface QuestionControls {
  readonly id: string
  readonly fieldset: HTMLFieldSetElement
  collect(): Collected
  restore(response: Response): void
  lock(locked: boolean): void
  clear(): void
}

export function questionControls(fieldset: HTMLFieldSetElement): QuestionControls {
  const id = fieldset.dataset.question ?? ''
  const kind = fieldset.dataset.kind ?? ''
  const inputs = () => Array.from(fieldset.querySelectorAll<HTMLInputElement>('input'))
  const selects = () => Array.from(fieldset.querySelectorAll<HTMLSelectElement>('select'))
  const common = {
    id,
    fieldset,
    lock(locked: boolean) {
      for (const control of [...inputs(), ...selects()]) control.disabled = locked
    },
    clear() {
      for (const input of inputs()) {
        input.checked = false
        if (input.type === 'text') input.value = ''
      }
      for (const select of selects()) select.value = ''
    },
  }

  if (kind === 'fill-in' || kind === 'numeric') {
    const input = () => inputs()[0]
    return {
      ...common,
      collect() {
        const value = input()?.value.trim() ?? ''
        if (value === '') return { problem: 'unanswered' }
        if (kind === 'numeric' && Number.isNaN(parseNumber(value))) return { problem: 'notANumber' }
        return { response: [value] }
      },
      restore(response) {
        const field = input()
        if (field) field.value = response[0] ?? ''
      },
    }
  }
  if (kind === 'matching') {
    return {
      ...common,
      collect() {
        const pairs = selects().map((select) => (select.value ? `${select.dataset.source}.${select.value}` : ''))
        return pairs.includes('') ? { problem: 'unanswered' } : { response: pairs }
      },
      restore(response) {
        const given = new Map(response.map((pair) => pair.split('.') as [string, string]))
        for (const select of selects()) select.value = given.get(select.dataset.source ?? '') ?? ''
      },
    }
  }
  if (kind === 'sequencing') {
    return {
      ...common,
      collect() {
        const placed = selects().map((select) => ({ item: select.dataset.item ?? '', position: Number(select.value) }))
        if (placed.some((entry) => !entry.position)) return { problem: 'unanswered' }
        if (new Set(placed.map((entry) => entry.position)).size !== placed.length) return { problem: 'duplicatePositions' }
        return { response: placed.sort((a, b) => a.position - b.position).map((entry) => entry.item) }
      },
      restore(response) {
        for (const select of selects()) {
          const index = response.indexOf(select.dataset.item ?? '')
          select.value = index === -1 ? '' : String(index + 1)
        }
      },
    }
  }
  return {
    ...common,
    collect() {
      const chosen = inputs().filter((input) => input.checked).map((input) => input.value)
      return chosen.length === 0 ? { problem: 'unanswered' } : { response: chosen }
    },
    restore(response) {
      for (const input of inputs()) input.checked = response.includes(input.value)
    },
  }
}

/**
 * Show how an answer fared: a verdict line, the question's feedback, and the
 * feedback of the chosen choices or matched answer. `undefined` hides it all.
 */
export function showResult(controls: QuestionControls, result: QuestionResult | undefined, verdictText: (result: QuestionResult) => string): void {
  const { fieldset } = controls
  for (const verdict of ['correct', 'partial', 'wrong', 'neutral']) fieldset.classList.toggle(`cp-question--${verdict}`, result?.verdict === verdict)
  const feedback = fieldset.querySelector<HTMLElement>('.cp-question__feedback')
  for (const element of Array.from(fieldset.querySelectorAll<HTMLElement>('[data-feedback]'))) {
    element.hidden = !result?.matched.includes(element.dataset.feedback ?? '')
  }
  let line = fieldset.querySelector<HTMLElement>('.cp-question__verdict')
  if (!result) {
    line?.remove()
    if (feedback) feedback.hidden = true
    return
  }
  if (!line) {
    line = fieldset.ownerDocument.createElement('p')
    line.className = 'cp-question__verdict'
    fieldset.insertBefore(line, feedback)
  }
  line.textContent = verdictText(result)
  if (feedback) feedback.hidden = feedback.textContent?.trim() === ''
}
