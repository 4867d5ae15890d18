import { isMessage, type ToPage, type ToShell } from './messages.js'
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
  const fieldsets = Array.from(form.querySelectorAll<HTMLFieldSetElement>('fieldset[data-question]'))
  const submit = form.querySelector<HTMLButtonElement>('button[type="submit"]')
  const result = doc.getElementById('cp-quiz-result')
  const actions = form.querySelector<HTMLElement>('.cp-quiz__actions')
  let strings: Strings = {}
  let shownAt = Date.now()
  let retry: HTMLButtonElement | undefined

  const inputs = () => Array.from(form.querySelectorAll<HTMLInputElement>('input'))
  const responses = () => {
    const chosen: Record<string, string[]> = {}
    for (const fieldset of fieldsets) {
      chosen[fieldset.dataset.question ?? ''] = Array.from(fieldset.querySelectorAll<HTMLInputElement>('input:checked')).map((input) => input.value)
    }
    return chosen
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault()
    const chosen = responses()
    const open = fieldsets.map((fieldset, index) => ((chosen[fieldset.dataset.question ?? ''] ?? []).length === 0 ? index + 1 : 0)).filter(Boolean)
    if (open.length > 0) {
      say([format(strings, 'unanswered', { numbers: open.join(', ') })], 'error')
      fieldsets[open[0]! - 1]?.querySelector('input')?.focus()
      return
    }
    if (submit) submit.disabled = true
    post({ type: 'cp:submit', pageId, responses: chosen, latencyMs: Date.now() - shownAt })
  })

  function say(lines: string[], tone: 'info' | 'error' = 'info'): void {
    if (!result) return
    result.replaceChildren(...lines.map((line) => Object.assign(doc.createElement('p'), { textContent: line })))
    result.dataset.tone = tone
    result.hidden = false
  }

  function reset(): void {
    for (const input of inputs()) {
      input.checked = false
      input.disabled = false
    }
    for (const fieldset of fieldsets) showVerdict(fieldset, undefined)
    if (result) result.hidden = true
    retry?.remove()
    retry = undefined
    if (submit) {
      submit.hidden = false
      submit.disabled = false
    }
    shownAt = Date.now()
  }

  function showVerdict(fieldset: HTMLFieldSetElement, correct: boolean | undefined): void {
    const feedback = fieldset.querySelector<HTMLElement>('.cp-question__feedback')
    let verdict = fieldset.querySelector<HTMLElement>('.cp-question__verdict')
    fieldset.classList.toggle('cp-question--correct', correct === true)
    fieldset.classList.toggle('cp-question--wrong', correct === false)
    if (correct === undefined) {
      verdict?.remove()
      if (feedback) feedback.hidden = true
      return
    }
    if (!verdict) {
      verdict = doc.createElement('p')
      verdict.className = 'cp-question__verdict'
      fieldset.insertBefore(verdict, feedback)
    }
    verdict.textContent = format(strings, correct ? 'correct' : 'wrong')
    if (feedback) feedback.hidden = feedback.textContent?.trim() === ''
  }

  return {
    show(view: QuizView, newStrings: Strings, submitted: boolean): void {
      strings = newStrings
      if (!view.last) {
        reset()
        if (!view.canSubmit && submit) submit.disabled = true
        return
      }
      for (const input of inputs()) {
        const question = input.closest<HTMLElement>('fieldset[data-question]')?.dataset.question ?? ''
        input.checked = (view.last.answers[question] ?? []).includes(input.value)
        input.disabled = true
      }
      for (const fieldset of fieldsets) showVerdict(fieldset, view.last.questions[fieldset.dataset.question ?? ''] ?? false)
      if (submit) submit.hidden = true
      say(summary(view, strings))
      if (view.canSubmit && !retry) {
        retry = Object.assign(doc.createElement('button'), { type: 'button', className: 'cp-button', textContent: format(strings, 'tryAgain') })
        retry.addEventListener('click', () => {
          reset()
          form.querySelector<HTMLInputElement>('input')?.focus()
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
  if (!last) return []
  const lines = [format(strings, 'quizScore', { score: last.percent })]
  if (view.passingScore !== null) lines.push(format(strings, last.passed ? 'quizPassed' : 'quizFailed', { pass: view.passingScore }))
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
