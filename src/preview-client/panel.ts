import { type Call, checkMoodleRules } from '../shared/moodle-rules.js'

/** scorm-again's browser build (`scorm12.min.js`) puts this constructor on window. */
interface Scorm12ApiInstance {
  loadFromJSON(json: object): void
  renderCommitCMI(terminate: boolean): { cmi?: Cmi }
  lastErrorCode: string
  [method: string]: unknown
}
declare const Scorm12API: new (settings: object) => Scorm12ApiInstance

interface Cmi {
  core?: { lesson_status?: string; lesson_location?: string; exit?: string; score?: { raw?: string; min?: string; max?: string }; total_time?: string }
  suspend_data?: string
  interactions?: Record<string, { id?: string; type?: string; student_response?: string; result?: string }>
}

interface BuildEvent {
  ok: boolean
  version: number
  problems: { file: string; line: number; column: number; severity: string; message: string; rule: string }[]
}

const methods = ['LMSInitialize', 'LMSFinish', 'LMSGetValue', 'LMSSetValue', 'LMSCommit', 'LMSGetLastError', 'LMSGetErrorString', 'LMSGetDiagnostic']
const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T
const frame = byId<HTMLIFrameElement>('course')

/** What the LMS kept from the last visit, to hand to the next launch. */
let stored: Cmi = {}
let calls: Call[] = []
let api: Scorm12ApiInstance | undefined
let lastBuild = 0

/**
 * Launch the course as an LMS does: a fresh API seeded with what the LMS
 * stored (a resume when it holds suspend data), every call logged and
 * checked against Moodle's rules.
 */
function launch(): void {
  frame.src = 'about:blank'
  // The old frame's pagehide ran LMSFinish; keep what that visit stored.
  if (api) stored = api.renderCommitCMI(true).cmi ?? stored
  calls = []
  api = undefined
  delete (window as unknown as { API?: unknown }).API
  if (!byId<HTMLInputElement>('no-api').checked) {
    const fresh = new Scorm12API({ autocommit: false, logLevel: 5, mastery_override: true, autoCompleteLessonStatus: true })
    const core = stored.core ?? {}
    fresh.loadFromJSON({
      core: {
        student_id: 'preview',
        student_name: 'Preview, Learner',
        credit: 'credit',
        lesson_mode: 'normal',
        entry: core.exit === 'suspend' ? 'resume' : stored.suspend_data ? '' : 'ab-initio',
        ...(core.lesson_status && core.lesson_status !== 'not attempted' ? { lesson_status: core.lesson_status } : {}),
        ...(core.lesson_location ? { lesson_location: core.lesson_location } : {}),
      },
      ...(stored.suspend_data ? { suspend_data: stored.suspend_data } : {}),
    })
    api = fresh
    ;(window as unknown as { API: object }).API = wrap(fresh)
  }
  setTimeout(() => {
    frame.src = '/course/index.html'
    render()
  }, 0)
}

function wrap(target: Scorm12ApiInstance): object {
  const wrapped: Record<string, (...args: string[]) => string> = {}
  let injected: string | null = null
  for (const name of methods) {
    const original = (target[name] as (...args: string[]) => string).bind(target)
    wrapped[name] = (...args: string[]) => {
      if (name === 'LMSGetLastError' && injected) return injected
      if (name.startsWith('LMSGet') && name !== 'LMSGetValue') return original(...args)
      if (name === 'LMSCommit' && byId<HTMLInputElement>('fail-commits').checked) {
        injected = '101'
        record({ fn: name, args: args.map(String), types: args.map((arg) => typeof arg), result: 'false', error: '101', afterFinish: false, injected: true })
        return 'false'
      }
      injected = null
      const result = String(original(...args))
      record({ fn: name, args: args.map(String), types: args.map((arg) => typeof arg), result, error: String(target.lastErrorCode), afterFinish: false })
      return result
    }
  }
  return wrapped
}

function record(call: Call): void {
  calls.push(call)
  render()
}

function render(): void {
  const cmi = api?.renderCommitCMI(false).cmi ?? stored
  const core = cmi.core ?? {}
  const interactions = Object.values(cmi.interactions ?? {})
  const values: [string, string][] = [
    ['Status', core.lesson_status ?? ''],
    ['Score', core.score?.raw ? `${core.score.raw} (min ${core.score.min ?? ''}, max ${core.score.max ?? ''})` : '—'],
    ['Location', core.lesson_location ?? ''],
    ['Exit', core.exit ?? ''],
    ['suspend_data', `${(cmi.suspend_data ?? '').length} of 4096 characters`],
    ['Interactions', String(interactions.length)],
    ...interactions.map((interaction, index): [string, string] => [`  ${index}`, `${interaction.id} ${interaction.type} ${interaction.student_response} → ${interaction.result}`]),
  ]
  byId('values').replaceChildren(...values.flatMap(([term, value]) => [Object.assign(document.createElement('dt'), { textContent: term }), Object.assign(document.createElement('dd'), { textContent: value })]))
  const warnings = checkMoodleRules(calls).filter((warning) => !warning.startsWith('LMSFinish must be called exactly once'))
  byId('warnings').replaceChildren(...(warnings.length ? warnings : ['None.']).map((text) => Object.assign(document.createElement('li'), { textContent: text })))
  byId('calls').replaceChildren(
    ...calls.map((call) => {
      const item = Object.assign(document.createElement('li'), { textContent: `${call.fn}(${call.args.map((arg) => JSON.stringify(arg)).join(', ')}) → ${call.result}${call.error !== '0' ? ` [error ${call.error}]` : ''}` })
      item.dataset.error = call.error
      return item
    }),
  )
}

function showBuild(event: BuildEvent): void {
  const overlay = byId('overlay')
  overlay.hidden = event.ok
  byId('overlay-problems').replaceChildren(
    ...event.problems
      .filter((entry) => entry.severity === 'error')
      .map((entry) => Object.assign(document.createElement('li'), { textContent: `${entry.file}:${entry.line}:${entry.column}  ${entry.message}  [${entry.rule}]` })),
  )
  // A new good build: relaunch, the way a learner would come back to it.
  if (event.ok && event.version !== lastBuild) {
    lastBuild = event.version
    launch()
  }
}

byId('reset').addEventListener('click', () => {
  stored = {}
  api = undefined
  launch()
})
byId('relaunch').addEventListener('click', launch)
byId('no-api').addEventListener('change', launch)
new EventSource('/__coursepack/events').addEventListener('message', (message: MessageEvent<string>) => showBuild(JSON.parse(message.data) as BuildEvent))
