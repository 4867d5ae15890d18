import { type Call, checkMoodleRules } from '../shared/moodle-rules.js'
import { type Held, standInStandards } from '../shared/stand-in-lms.js'

/** scorm-again's browser build (`scorm12.min.js`, `scorm2004.min.js`) puts its API class on window. */
interface ScormAgainApi {
  loadFromJSON(json: object): void
  renderCommitCMI(terminate: boolean): unknown
  lastErrorCode: string
  [method: string]: unknown
}

interface BuildEvent {
  ok: boolean
  version: number
  problems: { file: string; line: number; column: number; severity: string; message: string; rule: string }[]
}

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T
const frame = byId<HTMLIFrameElement>('course')
/** The target the server previews (`<meta name="coursepack-target">`), and what its stand-in needs. */
const standard = standInStandards[(document.querySelector<HTMLMetaElement>('meta[name="coursepack-target"]')?.content ?? 'scorm12') as 'scorm12']
const { fn } = standard
const methods = [fn.initialize, fn.finish, fn.get, fn.set, fn.commit, fn.lastError, fn.errorString, fn.diagnostic]
const ApiClass = (window as unknown as Record<string, new (settings: object) => ScormAgainApi>)[standard.apiClass]!

/** What the LMS kept from the last visit, to hand to the next launch. */
let stored: Held | undefined
let calls: Call[] = []
let api: ScormAgainApi | undefined
let lastBuild = 0

/**
 * Launch the course as an LMS does: first unload the one showing (its
 * pagehide ends its session and writes its exit), then keep what the LMS
 * holds, and start a fresh API seeded with what the LMS would hand back (a
 * resume), every call logged and checked against Moodle's rules.
 */
function launch(): void {
  frame.addEventListener('load', start, { once: true })
  frame.src = 'about:blank'
}

function start(): void {
  if (api) stored = standard.read(api.renderCommitCMI(true))
  calls = []
  api = undefined
  delete (window as unknown as Record<string, unknown>)[standard.apiName]
  if (!byId<HTMLInputElement>('no-api').checked) {
    const fresh = new ApiClass({ autocommit: false, logLevel: 5, mastery_override: true, autoCompleteLessonStatus: true })
    // A relaunch gets what Moodle would hand back of the last visit.
    const resume = stored && standard.relaunch(stored)
    fresh.loadFromJSON(standard.launchData({ learnerId: 'preview', learnerName: 'Preview, Learner', ...(resume ? { resume } : {}) }))
    api = fresh
    ;(window as unknown as Record<string, object>)[standard.apiName] = wrap(fresh, calls)
  }
  frame.src = '/course/index.html'
  render()
}

/** The API as the course sees it: every call goes through to `target` and into `log`. */
function wrap(target: ScormAgainApi, log: Call[]): object {
  const wrapped: Record<string, (...args: string[]) => string> = {}
  let injected: string | null = null
  for (const name of methods) {
    const original = (target[name] as (...args: string[]) => string).bind(target)
    wrapped[name] = (...args: string[]) => {
      if (name === fn.lastError && injected) return injected
      if (name === fn.lastError || name === fn.errorString || name === fn.diagnostic) return original(...args)
      if (name === fn.commit && byId<HTMLInputElement>('fail-commits').checked) {
        injected = '101'
        record(log, { fn: name, args: args.map(String), types: args.map((arg) => typeof arg), result: 'false', error: '101', afterFinish: false, injected: true })
        return 'false'
      }
      injected = null
      const result = String(original(...args))
      record(log, { fn: name, args: args.map(String), types: args.map((arg) => typeof arg), result, error: String(target.lastErrorCode), afterFinish: false })
      return result
    }
  }
  return wrapped
}

function record(log: Call[], call: Call): void {
  log.push(call)
  render()
}

function render(): void {
  const held = api ? standard.read(api.renderCommitCMI(false)) : stored
  const interactions = held?.interactions ?? []
  const budget = standard.target === 'scorm12' ? 4096 : 64000
  const values: [string, string][] = [
    ['Status', held?.status ?? ''],
    ['Score', held?.score.raw ? `${held.score.raw} (min ${held.score.min}, max ${held.score.max}${held.scaled ? `, scaled ${held.scaled}` : ''})` : '—'],
    ['Location', held?.location ?? ''],
    ['Exit', held?.exit ?? ''],
    ['suspend_data', `${(held?.suspendData ?? '').length} of ${budget} characters`],
    ['Interactions', String(interactions.length)],
    ...interactions.map((interaction, index): [string, string] => [`  ${index}`, `${interaction.id} ${interaction.type} ${interaction.response} → ${interaction.result}`]),
  ]
  byId('values').replaceChildren(...values.flatMap(([term, value]) => [Object.assign(document.createElement('dt'), { textContent: term }), Object.assign(document.createElement('dd'), { textContent: value })]))
  // The session is still open while the course shows: its missing end is not a problem yet.
  const warnings = checkMoodleRules(calls, standard.target).filter((warning) => !/^(LMSFinish|Terminate) must be called exactly once/.test(warning))
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
  stored = undefined
  api = undefined
  launch()
})
byId('relaunch').addEventListener('click', launch)
byId('no-api').addEventListener('change', launch)
new EventSource('/__coursepack/events').addEventListener('message', (message: MessageEvent<string>) => showBuild(JSON.parse(message.data) as BuildEvent))
