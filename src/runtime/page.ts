import type { AttemptPlan } from '../shared/draw.js'
import type { QuestionResult, Response } from '../shared/scoring.js'
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
  if (win.parent === win) {
    // Opened on its own, not inside index.html: there is no session to record answers.
    if (form) {
      const notice = doc.getElementById('cp-standalone')
      if (notice) notice.hidden = false
      for (const button of Array.from(form.querySelectorAll('button'))) button.disabled = true
    }
    return
  }

  const post = (message: ToShell) => win.parent.postMessage(message, '*')
  const quiz = form ? createQuizForm(doc, form, pageId, post) : undefined
  win.addEventListener('message', (event: MessageEvent) => {
    if (event.source !== win.parent || !isMessage<ToPage>(event.data)) return
    const message = event.data
    if (message.type === 'cp:ready') post({ type: 'cp:hello', pageId })
    else if (message.type === 'cp:quiz') quiz?.show(message.view, message.strings, message.submitted)
    else if (message.type === 'cp:save-status') quiz?.showSaveStatus(message.status)
  })
  post({ type: 'cp:hello', pageId })
}

function createQuizForm(doc: Document, form: HTMLFormElement, pageId: string, post: (message: ToShell) => void) {
  const controls = Array.from(form.querySelectorAll<HTMLFieldSetElement>('fieldset[data-question]')).map(questionControls)
  const submit = form.querySelector<HTMLButtonElement>('button[type="submit"]')
  const result = doc.getElementById('cp-quiz-result')
  const actions = form.querySelector<HTMLElement>('.cp-quiz__actions')
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
      if ('problem' in collected) {
        const key = collected.problem === 'unanswered' ? 'unanswered' : collected.problem
        say([format(strings, key, { numbers: index + 1, number: index + 1 })], 'error')
        control.fieldset.querySelector<HTMLElement>('input, select')?.focus()
        return
      }
      responses[control.id] = collected.response
      prompts[control.id] = (control.fieldset.querySelector('.cp-question__prompt')?.textContent ?? '').replace(/\s+/g, ' ').trim()
    }
    if (submit) submit.disabled = true
    post({ type: 'cp:submit', pageId, responses, prompts, latencyMs: Date.now() - shownAt })
  })

  function say(lines: string[], tone: 'info' | 'error' = 'info'): void {
    if (!result) return
    result.replaceChildren(...lines.map((line) => Object.assign(doc.createElement('p'), { textContent: line })))
    result.dataset.tone = tone
    result.hidden = false
  }

  /** Show the questions of an attempt, in its order, numbered afresh. */
  function arrange(plan: AttemptPlan): void {
    const anchor = result ?? actions
    for (const control of controls) control.fieldset.hidden = !plan.questionIds.includes(control.id)
    plan.questionIds.forEach((id, index) => {
      const control = controls.find((candidate) => candidate.id === id)
      if (!control) return
      form.insertBefore(control.fieldset, anchor ?? null)
      const number = control.fieldset.querySelector('.cp-question__number')
      if (number) number.textContent = format(strings, 'question', { number: index + 1 })
      const order = plan.choiceOrder[id]
      const list = control.fieldset.querySelector('.cp-choices')
      if (order && list) for (const option of order) {
        const element = list.querySelector(`[data-option="${option}"]`)
        if (element) list.append(element)
      }
    })
  }

  function startAttempt(): void {
    if (next) arrange(next)
    for (const control of controls) {
      control.clear()
      control.lock(false)
      showResult(control, undefined, () => '')
    }
    if (result) result.hidden = true
    retry?.remove()
    retry = undefined
    if (submit) {
      submit.hidden = false
      submit.disabled = false
    }
    shownAt = Date.now()
  }

  const verdictText = (scored: QuestionResult) =>
    format(strings, scored.verdict === 'neutral' ? 'recorded' : scored.verdict)

  return {
    show(view: QuizView, newStrings: Strings, submitted: boolean): void {
      strings = newStrings
      next = view.next
      const last = view.last
      if (!last) {
        startAttempt()
        if (!view.canSubmit && submit) submit.disabled = true
        // Taken before, but the compact saved state kept only the score: say so above a fresh form.
        if (view.attempts > 0 && view.kept !== null) say(summary(view, strings))
        return
      }
      arrange(last.plan)
      for (const control of controls) {
        control.restore(last.answers[control.id] ?? [])
        control.lock(true)
        showResult(control, last.questions[control.id], verdictText)
      }
      if (submit) submit.hidden = true
      say(summary(view, strings))
      if (view.canSubmit && !retry) {
        retry = Object.assign(doc.createElement('button'), { type: 'button', className: 'cp-button', textContent: format(strings, 'tryAgain') })
        retry.addEventListener('click', () => {
          startAttempt()
          inPlay()[0]?.fieldset.querySelector<HTMLElement>('input, select')?.focus()
        })
        actions?.append(retry)
      }
      if (submitted) result?.focus()
    },
    showSaveStatus(status: string): void {
      form.dataset.saveStatus = status
      if (status === 'failed' && result && !result.hidden) {
        const warning = doc.createElement('p')
        warning.className = 'cp-quiz__warning'
        warning.textContent = format(strings, 'statusNotSaved')
        result.querySelector('.cp-quiz__warning')?.remove()
        result.append(warning)
      }
    },
  }
}

/** The lines under a submitted quiz: score, pass or not, attempts, and the course result. */
function summary(view: QuizView, strings: Strings): string[] {
  const last = view.last
  const lines = last ? [format(strings, 'quizScore', { score: last.percent })] : [format(strings, 'keptScore', { score: view.kept ?? 0 })]
  if (last && view.passingScore !== null) lines.push(format(strings, last.passed ? 'quizPassed' : 'quizFailed', { pass: view.passingScore }))
  lines.push(
    view.attemptsAllowed === null
      ? format(strings, 'attemptCount', { used: view.attempts })
      : format(strings, 'attemptOf', { used: view.attempts, allowed: view.attemptsAllowed }),
  )
  if (!view.canSubmit) lines.push(format(strings, 'noAttemptsLeft'))
  if (view.course) {
    const key = view.course.status === 'passed' ? 'coursePassed' : view.course.status === 'failed' ? 'courseFailed' : 'courseCompleted'
    lines.push(format(strings, key, { score: view.course.score, pass: view.course.passingScore ?? '' }))
  }
  return lines
}
