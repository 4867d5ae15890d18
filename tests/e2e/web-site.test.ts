import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { build } from '../../src/build.js'
import { launchBrowser } from './support/browser.js'
import { exampleCourse, finalQuizRight, knowledgeCheckRight, pageTitles } from './support/example-course.js'
import { learner } from './support/learner.js'
import { type SiteServer, startSiteServer } from './support/site-server.js'

/** Where the site is served, as GitHub Pages serves a project site. */
const base = '/treaty-course/'

/**
 * A page that frames the site and holds both SCORM APIs, as an LMS would:
 * every lookup of `API` or `API_1484_11` and every call of their functions is
 * logged in `window.lmsLog`. A website must never look for them.
 */
const framingPage = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A page that frames the site</title><script>
window.lmsLog = []
function spyApi(name, functions) {
  const api = {}
  for (const fn of functions) api[fn] = (...args) => { window.lmsLog.push(name + '.' + fn + '(' + args.join(', ') + ')'); return fn.endsWith('Error') ? '0' : 'true' }
  Object.defineProperty(window, name, { get() { window.lmsLog.push('lookup ' + name); return api } })
}
spyApi('API', ['LMSInitialize', 'LMSFinish', 'LMSGetValue', 'LMSSetValue', 'LMSCommit', 'LMSGetLastError', 'LMSGetErrorString', 'LMSGetDiagnostic'])
spyApi('API_1484_11', ['Initialize', 'Terminate', 'GetValue', 'SetValue', 'Commit', 'GetLastError', 'GetErrorString', 'GetDiagnostic'])
</script></head><body><iframe id="sco" src="${base}" title="Course" style="width:1000px;height:800px"></iframe></body></html>`

const notice = 'Your progress is kept in this browser only; nothing is sent anywhere.'

describe('the website (--target web), served under a sub-path as a learner takes it', { timeout: 120_000 }, () => {
  let work: string
  let siteFolder: string
  let server: SiteServer
  let browser: Awaited<ReturnType<typeof launchBrowser>>
  /** Every address the browser asked for. */
  const requests: string[] = []

  beforeAll(async () => {
    work = await mkdtemp(path.join(tmpdir(), 'coursepack-web-'))
    const result = await build({ dir: exampleCourse, out: work, targets: ['web'] })
    const folder = result.packages?.[0]?.folder
    if (!result.ok || !folder) throw new Error('The example course does not build as a website')
    siteFolder = folder
    server = await startSiteServer(folder, base, { '/lms.html': framingPage })
    browser = await launchBrowser()
    browser.context.on('request', (request) => requests.push(request.url()))
  }, 60_000)

  afterAll(async () => {
    await browser?.close()
    await server?.close()
    if (work) await rm(work, { recursive: true, force: true })
  })

  async function open(address: string): Promise<{ page: Page; errors: string[] }> {
    const page = await browser.context.newPage()
    page.setDefaultTimeout(10_000)
    const errors: string[] = []
    page.on('pageerror', (error) => errors.push(String(error)))
    await page.goto(`${server.origin}${address}`)
    return { page, errors }
  }

  it('takes a learner through the lessons and the quizzes, to the score, without a call to the LMS that frames it', async () => {
    const { page, errors } = await open('/lms.html')
    const course = learner(page)
    await course.content.getByRole('heading', { level: 1, name: pageTitles[0] }).waitFor()
    await expect.poll(() => course.status().textContent()).toBe(notice)

    for (const [index, title] of pageTitles.entries()) {
      if (index > 0) await course.next(title)
      if (title === 'Check your understanding') {
        for (const [prompt, answer] of knowledgeCheckRight) await course.answer(prompt, answer)
        await course.submit()
      }
      if (title === 'Final quiz') {
        for (const [prompt, answer] of finalQuizRight) await course.answer(prompt, answer)
        await course.submit()
        await course.content.getByText('Your score: 100%.').waitFor()
        await course.content.getByText('Course score: 100%. You passed the course.').waitFor()
      }
    }
    await course.shell.getByText(`${pageTitles.length} of ${pageTitles.length} pages visited`).waitFor()

    // Leaving is when a SCORM runtime finishes its session: the website has none to finish.
    await page.evaluate(() => {
      ;(document.getElementById('sco') as HTMLIFrameElement).src = 'about:blank'
    })
    await page.waitForFunction(() => (document.getElementById('sco') as HTMLIFrameElement).contentWindow?.location.href === 'about:blank')
    expect(await page.evaluate(() => (window as unknown as { lmsLog: string[] }).lmsLog)).toEqual([])
    expect(errors).toEqual([])
    await page.close()
  })

  it('keeps the progress in the browser: a reload resumes at the page the learner was on, with the pages visited and the score', async () => {
    const { page, errors } = await open('/lms.html')
    const course = learner(page)
    await course.content.getByRole('heading', { level: 1, name: pageTitles.at(-1)! }).waitFor()
    await course.shell.getByText(`${pageTitles.length} of ${pageTitles.length} pages visited`).waitFor()
    await course.open('Final quiz')
    await course.content.getByText('Your score: 100%.').waitFor()
    await course.content.getByText('Course score: 100%. You passed the course.').waitFor()
    expect(await page.evaluate(() => (window as unknown as { lmsLog: string[] }).lmsLog)).toEqual([])
    expect(errors).toEqual([])
    await page.close()
  })

  it('finds the same progress at the site\'s own address, index.html or not, with nothing framing it', async () => {
    for (const address of [base, `${base}index.html`]) {
      const { page, errors } = await open(address)
      await page.getByRole('banner').getByText(`${pageTitles.length} of ${pageTitles.length} pages visited`).waitFor()
      await page.getByRole('status').filter({ hasText: notice }).waitFor()
      await page.frameLocator('iframe[name="cp-page"]').getByRole('heading', { level: 1, name: 'Final quiz' }).waitFor()
      expect(errors).toEqual([])
      await page.close()
    }
  })

  it('works opened from disk too, as a colleague opens the unzipped draft, and keeps progress there', async () => {
    const address = pathToFileURL(path.join(siteFolder, 'index.html')).href
    const page = await browser.context.newPage()
    page.setDefaultTimeout(10_000)
    const errors: string[] = []
    page.on('pageerror', (error) => errors.push(String(error)))
    await page.goto(address)
    const content = page.frameLocator('iframe[name="cp-page"]')
    await page.getByRole('status').filter({ hasText: notice }).waitFor()
    await content.getByRole('heading', { level: 1, name: pageTitles[0] }).waitFor()
    await content.getByRole('link', { name: /^Next/ }).click()
    await content.getByRole('heading', { level: 1, name: pageTitles[1] }).waitFor()
    await page.getByText(`2 of ${pageTitles.length} pages visited`).waitFor()
    await page.reload()
    await content.getByRole('heading', { level: 1, name: pageTitles[1] }).waitFor()
    await page.getByText(`2 of ${pageTitles.length} pages visited`).waitFor()
    expect(errors).toEqual([])
    await page.close()
  })

  it('asks for nothing but the site\'s own files, by relative address under its sub-path', () => {
    const offSite = requests.filter((url) => {
      const { origin, pathname } = new URL(url)
      return url !== 'about:blank' && !url.startsWith(pathToFileURL(siteFolder).href) && (origin !== server.origin || !(pathname.startsWith(base) || pathname === '/lms.html'))
    })
    expect(requests.length).toBeGreaterThan(10)
    expect(offSite).toEqual([])
  })
})
