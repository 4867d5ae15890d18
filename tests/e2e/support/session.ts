import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import JSZip from 'jszip'
import type { BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, expect } from 'vitest'
import { build } from '../../../src/build.js'
import { launchBrowser } from './browser.js'
import { type LearnerAnswer, learner } from './learner.js'
import { type LmsServer, startLmsServer } from './lms-server.js'
import { type Call, checkMoodleRules } from '../../../src/shared/moodle-rules.js'
import { type Held, type LaunchData, scorm12, type StandInStandard } from '../../../src/shared/stand-in-lms.js'

export type Answers = readonly (readonly [RegExp, LearnerAnswer])[]

/** A built course served in the stand-in LMS of one standard, and a browser to visit it. */
export interface Stage {
  readonly standard: StandInStandard
  readonly server: LmsServer
  readonly browser: Awaited<ReturnType<typeof launchBrowser>>
  /** Build `courseDir` and serve its package in place of the one served now, as a teacher who re-uploads a package. */
  reupload(courseDir: string): Promise<void>
  close(): Promise<void>
}

/** Build `courseDir` for the standard's target, unzip the package, serve it on 127.0.0.1 and start Chromium. */
export async function setUpStage(courseDir: string, standard: StandInStandard = scorm12): Promise<Stage> {
  const work = await mkdtemp(path.join(tmpdir(), 'coursepack-e2e-'))
  const packageDir = path.join(work, 'package')
  await unpack(courseDir, standard, packageDir)
  const server = await startLmsServer(packageDir, standard)
  const browser = await launchBrowser()
  return {
    standard,
    server,
    browser,
    reupload: (changedDir) => unpack(changedDir, standard, packageDir),
    async close() {
      await browser.close()
      await server.close()
      await rm(work, { recursive: true, force: true })
    },
  }
}

/** The package of `courseDir` for the standard, unzipped into `packageDir` (emptied first). */
async function unpack(courseDir: string, standard: StandInStandard, packageDir: string): Promise<void> {
  const result = await build({ dir: courseDir, targets: [standard.target] })
  const built = result.packages?.[0]?.zip
  if (!built) throw new Error(`The course ${courseDir} does not build`)
  const zip = await JSZip.loadAsync(built)
  await rm(packageDir, { recursive: true, force: true })
  for (const [name, entry] of Object.entries(zip.files)) {
    const target = path.join(packageDir, name)
    await mkdir(path.dirname(target), { recursive: true })
    await writeFile(target, await entry.async('uint8array'))
  }
}

/**
 * The stage for one test file: set up before its tests, closed after them.
 *
 * @example
 *   const stage = useStage(exampleCourse)
 *   it('…', async () => { const visit = await launch(stage(), {}) })
 */
export function useStage(courseDir: string, standard: StandInStandard = scorm12): () => Stage {
  let stage: Stage | undefined
  beforeAll(async () => {
    stage = await setUpStage(courseDir, standard)
  }, 60_000)
  afterAll(async () => {
    await stage?.close()
  })
  return () => {
    if (!stage) throw new Error('The stage is not set up yet')
    return stage
  }
}

export interface LmsConfig {
  /** What the LMS knows at launch, in the stage's standard. */
  readonly launch?: LaunchData
  readonly noApi?: boolean
  /** Fail every Nth set or commit, or every commit until the learner leaves. */
  readonly flaky?: { readonly set?: number; readonly commit?: number | 'until-leave' }
  /** Forget what earlier visits kept in the browser's storage (a course run without an LMS keeps progress there). */
  readonly clearStorage?: boolean
}

/** Open the stand-in LMS with the course in it; `leave()` closes the course the way an LMS does and returns what the LMS holds. */
export async function launch(stage: Stage, config: LmsConfig) {
  const context: BrowserContext = stage.browser.context
  const page: Page = await context.newPage()
  page.setDefaultTimeout(10_000)
  const errors: string[] = []
  page.on('pageerror', (error) => errors.push(String(error)))
  const { launch: launchData, ...rest } = config
  await page.addInitScript((value) => {
    ;(window as unknown as { __LMS_CONFIG__: unknown }).__LMS_CONFIG__ = value
  }, { ...rest, cmi: launchData ? stage.standard.launchData(launchData) : {} })
  if (config.clearStorage) {
    const cleared = await context.newPage()
    await cleared.goto(`${stage.server.origin}/host.html`)
    await cleared.evaluate(() => localStorage.clear())
    await cleared.close()
  }
  await page.goto(`${stage.server.origin}/host.html`)
  const actions = learner(page)
  await actions.content.getByRole('heading', { level: 1 }).first().waitFor()
  return {
    page,
    errors,
    ...actions,
    /** Whatever scorm-again holds now (element → value, in the standard's own names). */
    get: (element: string) => page.evaluate((name) => (window as unknown as { __lms: { get(e: string): string } }).__lms.get(name), element),
    /**
     * From now on, log every state the "saved" indicator shows, each with the
     * LMS's last call at that moment; `leave()` returns the log as `shown`.
     */
    async recordSaveStatus() {
      await page.frame({ url: /\/pkg\/index\.html/ })!.evaluate(() => {
        const element = document.getElementById('cp-status')!
        const lms = (parent as unknown as { __lms: { calls: Call[]; shown: SaveStatusShown[] } }).__lms
        new MutationObserver(() => {
          const last = lms.calls.at(-1)
          lms.shown.push({ status: element.dataset.status ?? '', lastCall: last ? `${last.fn}→${last.result}` : '' })
        }).observe(element, { attributes: true, childList: true, characterData: true, subtree: true })
      })
    },
    /**
     * Close the course the way an LMS does (`navigate` the course's frame away,
     * or `remove` it, as when the learner presses the LMS's exit) and return
     * what the LMS holds: all it was given (`cmi`) and what it stored at its
     * last successful commit (`committed`).
     */
    async leave(how: 'navigate' | 'remove' = 'navigate') {
      await page.evaluate((how) => {
        const lms = (window as unknown as { __lms: { leaving: boolean } }).__lms
        lms.leaving = true
        const frame = document.getElementById('sco') as HTMLIFrameElement
        if (how === 'remove') frame.remove()
        else frame.src = 'about:blank'
      }, how)
      const finish = stage.standard.fn.finish
      await page.waitForFunction((name) => (window as unknown as { __lms: { calls: Call[] } }).__lms.calls.some((call) => call.fn === name), finish, { timeout: 10_000 })
      const { calls, cmi, committed, shown } = await page.evaluate(() => {
        const lms = (window as unknown as { __lms: { calls: Call[]; cmi(): unknown; committed(): unknown; shown: SaveStatusShown[] } }).__lms
        return { calls: lms.calls, cmi: lms.cmi(), committed: lms.committed(), shown: lms.shown }
      })
      await page.close()
      const read = (held: unknown): Held | null => (held ? stage.standard.read(held) : null)
      return { calls, held: read(cmi)!, committed: read(committed), shown, raw: cmi }
    },
  }
}

export type Visit = Awaited<ReturnType<typeof launch>>

/** One state of the "saved" indicator, and the LMS's last call when it showed. */
export interface SaveStatusShown {
  readonly status: string
  readonly lastCall: string
}

export async function answerAll(course: Visit, answers: Answers) {
  for (const [prompt, answer] of answers) await course.answer(prompt, answer)
  await course.submit()
}

/** The set calls that reached the LMS for `element`, with their place in the log. */
export const sets = (calls: readonly Call[], element: string) =>
  calls.flatMap((call, index) => ((call.fn === 'LMSSetValue' || call.fn === 'SetValue') && call.args[0] === element && !call.injected ? [{ index, value: call.args[1] }] : []))

/**
 * Every call passes Moodle's rules for the standard, and scorm-again reported
 * no error but SCORM 2004's 403 on reading an element never set, which means
 * empty (the runtime reads the saved state and the pass mark, which a first
 * launch has none of).
 */
export function expectCleanCalls(calls: readonly Call[], standard: StandInStandard = scorm12) {
  expect(checkMoodleRules(calls, standard.target)).toEqual([])
  const notSet = (call: Call) => standard.target === 'scorm2004' && call.fn === 'GetValue' && call.error === '403'
  expect(calls.filter((call) => !call.injected && call.error !== '0' && !notSet(call)).map((call) => `${call.fn}(${call.args.join(', ')}) → ${call.error}`)).toEqual([])
}
