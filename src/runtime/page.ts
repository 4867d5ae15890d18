import type { AttemptPlan } from '../shared/draw.js'
import type { Response } from '../shared/scoring.js'
import { isMessage, type ToPage, type ToShell } from './messages.js'
import { questionControls, showResult } from './quiz-controls.js'
import type { QuizView } from './session.js'
import { format } from './strings.js'

type Strings = Readonly<Record<string, string>>

/**
 * A lesson or quiz page in the shell's frame: tells the shell which page is
 * showing, and runs the quiz form: collect answers, hand them to the shell
 * (which scores and reports them), show the result and the feedback.
 */
export function startPage(doc: Document, win: Window): void {
  const pageId = doc.querySelector<HTMLElement>('main[data-page]')?.dataset.page
  const form = doc.getElementById('cp-quiz') as HTMLFormElement | null
  if (!pageId) return
  const buttons = form ? [...form.querySelectorAll('button')] : []
  if (win.parent === win) {
    // Opened on its own, not inside index.html: there is no session to record answers.
    if (form) {
      const notice = doc.getElementById('cp-standalone')
      if (notice) notice.hidden = false
      for (const button of buttons) button.disabled = true
    }
    return
  }

  const post = (message: ToShell) => win.parent.postMessage(message, '*')
  const hello = () => post({ type: 'cp:hello', pageId })
  const quiz = form && quizForm(doc, form, pageId, post)
  win.addEventListener('message', ({ source, data }: MessageEvent) => {
    if (source !== win.parent || !isMessage<ToPage>(data)) return
    if (data.type === 'cp:ready') hello()
    else if (data.type === 'cp:quiz') quiz?.show(data.view, data.strings, data.submitted)
    else quiz?.showSaveStatus(data.status)
  })
  hello()
}

function quizForm(doc: Document, form: HTMLFormElement, pageId: string, post: (message: ToShell) => void) {
  const controls = [...form.querySelectorAll<HTMLFieldSetElement>('fieldset[data-question]')].map(questionControls)
  const submit = form.querySelector<HTMLButtonElement>('button[type="submit"]')
  const result = doc.getElementById('cp-quiz-result')
  const actions = form.querySelector('.cp-quiz__actions')
  const focusFirst = (fieldset?: HTMLFieldSetElement) => fieldset?.querySelector<HTMLElement>('input, select')?.focus()
  let strings: Strings = {}
  let shownAt = Date.now()
  let retry: HTMLButtonElement | undefined
  let next: AttemptPlan | undefined
  const inPlay = () => controls.filter((control) => !control.fieldset.hidden)

  form.addEventListener('submit', (event) => {
    event.preventDefault()
    const responses: Record<string, Response> = {}
    const prompts: Record<string, string> = {}
    for (const [index, control] of inPlay().entries()) {
      const collected = control.collect()
      if (typeof collected === 'string') {
        say([format(strings, collected, { numbers: index + 1, number: index + 1 })], 'error')
        focusFirst(control.fieldset)
        return
      }
      responses[control.id] = collected
      prompts[control.id] = (control.fieldset.querySelector('.cp-question__prompt')?.textContent ?? '').replace(/\s+/g, ' ').trim()
    }
    if (submit) submit.disabled = true
    post({ type: 'cp:submit', pageId, responses, prompts, latencyMs: Date.now() - shownAt })
  })

  function say(lines: string[], tone = 'info'): void {
    if (!result) return
    result.replaceChildren(...lines.map((line) => Object.assign(doc.createElement('p'), { textContent: line })))
    result.dataset.tone = tone
    result.hidden = false
  }

  /** Show the questions of an attempt, in its order, numbered afresh. */
  function arrange({ questionIds, choiceOrder }: AttemptPlan): void {
    for (const control of controls) control.fieldset.hidden = !questionIds.includes(control.id)
    questionIds.forEach((id, index) => {
      const fieldset = controls.find((control) => control.id === id)?.fieldset
      if (!fieldset) return
      form.insertBefore(fieldset, result ?? actions)
      const number = fieldset.querySelector('.cp-question__number')
      if (number) number.textContent = format(strings, 'question', { number: index + 1 })
      const list = fieldset.querySelector('.cp-choices')
      for (const option of choiceOrder[id] ?? []) {
        const element = list?.querySelector(`[data-option="${option}"]`)
        if (element) list!.append(element)
      }
    })
  }

  function startAttempt(): void {
    if (next) arrange(next)
    for (const control of controls) {
      control.restore([])
      control.lock(false)
      showResult(control, undefined, '')
    }
    if (result) result.hidden = true
    retry?.remove()
    retry = undefined
    if (submit) submit.hidden = submit.disabled = false
    shownAt = Date.now()
  }

  return {
    show(view: QuizView, newStrings: Strings, submitted: boolean): void {
      strings = newStrings
      next = view.next
      const { last } = view
      if (!last) {
        startAttempt()
        if (submit) submit.disabled = !view.canSubmit
        // Taken before, but the compact saved state kept only the score: say so above a fresh form.
        if (view.attempts > 0 && view.kept !== null) say(summary(view, strings))
        return
      }
      arrange(last.plan)
      for (const control of controls) {
        const scored = last.questions[control.id]
        control.restore(last.answers[control.id] ?? [])
        control.lock(true)
        showResult(control, scored, scored ? format(strings, scored.verdict === 'neutral' ? 'recorded' : scored.verdict) : '')
      }
      if (submit) submit.hidden = true
      say(summary(view, strings))
      if (view.canSubmit && !retry) {
        retry = Object.assign(doc.createElement('button'), { type: 'button', className: 'cp-button', textContent: format(strings, 'tryAgain') })
        retry.addEventListener('click', () => {
          startAttempt()
          focusFirst(inPlay()[0]?.fieldset)
        })
        actions?.append(retry)
      }
      if (submitted) result?.focus()
    },
    showSaveStatus(status: string): void {
      form.dataset.saveStatus = status
      if (status === 'failed' && result && !result.hidden) {
        result.querySelector('.cp-quiz__warning')?.remove()
        result.append(Object.assign(doc.createElement('p'), { className: 'cp-quiz__warning', textContent: format(strings, 'statusNotSaved') }))
      }
    },
  }
}

/** The lines under a submitted quiz: score, pass or not, attempts, and the course result. */
function summary({ last, passingScore, attempts, attemptsAllowed, canSubmit, kept, course }: QuizView, strings: Strings): string[] {
  const line = (key: string, values?: Readonly<Record<string, string | number>>) => format(strings, key, values)
  const lines = [last ? line('quizScore', { score: last.percent }) : line('keptScore', { score: kept ?? 0 })]
  if (last && passingScore !== null) lines.push(line(last.passed ? 'quizPassed' : 'quizFailed', { pass: passingScore }))
  lines.push(attemptsAllowed === null ? line('attemptCount', { used: attempts }) : line('attemptOf', { used: attempts, allowed: attemptsAllowed }))
  if (!canSubmit) lines.push(line('noAttemptsLeft'))
  if (course) {
    const key = course.status === 'passed' ? 'coursePassed' : course.status === 'failed' ? 'courseFailed' : 'courseCompleted'
    lines.push(line(key, { score: course.score, pass: course.passingScore ?? '' }))
  }
  return lines
}
