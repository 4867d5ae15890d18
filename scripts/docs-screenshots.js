// npm run docs:screenshots: the pictures in docs/images/, taken from the example
// course (course/) in `coursepack preview`, in Debian's Chromium with the flags
// the end-to-end tests use. A lesson and an answered quiz on a desktop and on a
// phone, each in light and dark; the preview with its stand-in LMS panel on a
// desktop, light and dark. Run it after changing the theme, and commit the PNGs.
//
// The same sources give the same pictures on the same machine: a fixed viewport
// and pixel ratio, time frozen at one instant (the LMS panel shows timestamps and
// latencies), animations off, fonts and images loaded before each shot, and the
// same answers every time. Another machine's fonts draw the text differently.
import { mkdir, readdir, rm, stat, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { chromium } from 'playwright-core'
import sharp from 'sharp'
import { startPreview } from '../lib/dev/preview/server.js'
import { chromiumArgs, chromiumPath } from '../tests/e2e/support/chromium.js'

const root = path.resolve(import.meta.dirname, '..')
const outDir = path.join(root, 'docs', 'images')

const devices = {
  desktop: { viewport: { width: 1024, height: 680 }, isMobile: false, hasTouch: false },
  phone: { viewport: { width: 360, height: 720 }, isMobile: true, hasTouch: true },
}
const schemes = ['light', 'dark']
/** The instant the browser's clock shows throughout, so that no picture depends on when it was taken. */
const frozenTime = new Date('2026-01-12T09:30:00Z')

/** Hides the panel so that the course fills the page. */
const courseOnly = '.panel { display: none !important } .preview { grid-template-columns: 1fr !important }'

await rm(outDir, { recursive: true, force: true })
await mkdir(outDir, { recursive: true })

const preview = await startPreview({ dir: path.join(root, 'course'), port: 0 })
const browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: chromiumArgs })
try {
  for (const scheme of schemes) {
    for (const [device, settings] of Object.entries(devices)) {
      await shoot(scheme, device, settings)
    }
  }
} finally {
  await browser.close()
  await preview.close()
}

const written = (await readdir(outDir)).sort()
let total = 0
for (const name of written) {
  const { size } = await stat(path.join(outDir, name))
  total += size
  console.log(`docs/images/${name}  ${(size / 1024).toFixed(1)} KB`)
}
console.log(`${written.length} pictures, ${(total / 1024).toFixed(1)} KB in all`)

/** The lesson and quiz pictures of one colour scheme on one device: the course alone, as a learner sees it in an LMS. */
async function shoot(scheme, device, settings) {
  await visit(scheme, settings, { panel: false }, async (page, shell, content) => {
    await openPage(page, shell, content, 'Signing in Moscow')
    await save(page, `lesson-${device}-${scheme}.png`)
    await takeQuiz(page, shell, content)
    await save(page, `quiz-${device}-${scheme}.png`)
  })
  // The panel needs room beside the course: on a phone the preview is no place to watch calls.
  if (device !== 'desktop') return
  await visit(scheme, settings, { panel: true }, async (page, shell, content) => {
    await takeQuiz(page, shell, content)
    await page.locator('#calls').getByText(/cmi\.interactions\.\d+\.result/).first().waitFor()
    await settle(page)
    await save(page, `preview-${device}-${scheme}.png`)
  })
}

/** Open the example course in the preview, in a browser context of its own (a new learner), and run `act` in it. */
async function visit(scheme, settings, { panel }, act) {
  const context = await browser.newContext({
    ...settings,
    deviceScaleFactor: 1,
    colorScheme: scheme,
    reducedMotion: 'reduce',
    locale: 'en-GB',
    timezoneId: 'UTC',
  })
  await context.clock.setFixedTime(frozenTime)
  const page = await context.newPage()
  page.setDefaultTimeout(15_000)
  try {
    // Hidden from the start: the shell folds its contents away when it starts narrow, as beside the panel.
    if (!panel) {
      await page.addInitScript((css) => {
        if (window !== window.top) return
        document.addEventListener('DOMContentLoaded', () => document.head.append(Object.assign(document.createElement('style'), { textContent: css })))
      }, courseOnly)
    }
    await page.goto(preview.url)
    const shell = page.frameLocator('#course')
    const content = shell.frameLocator('iframe[name="cp-page"]')
    await content.getByRole('heading', { level: 1 }).first().waitFor()
    await page.locator('#calls').getByText('Initialize("") → true').first().waitFor({ state: 'attached' })
    await act(page, shell, content)
  } finally {
    await context.close()
  }
}

/** Open the knowledge check, answer it (one answer wrong), submit, and show its first questions with their feedback. */
async function takeQuiz(page, shell, content) {
  await openPage(page, shell, content, 'Check your understanding')
  await answerKnowledgeCheck(content)
  await content.getByRole('button', { name: 'Submit answers' }).click()
  await content.getByText('Your score:').waitFor()
  await saved(page)
  await settle(page)
  // Scroll the page in its frame, not the shell around it, to the first question.
  await page.frame({ name: 'cp-page' }).evaluate(() => {
    const first = document.querySelector('fieldset')
    window.scrollTo(0, first ? first.getBoundingClientRect().top + window.scrollY - 16 : 0)
  })
  await page.frame({ url: /\/course\/index\.html/ }).evaluate(() => window.scrollTo(0, 0))
}

/** Follow the contents' link to a page, and wait until it is shown and saved. */
async function openPage(page, shell, content, title) {
  // On a phone the contents start folded: unfold them for the click, and fold them again as they were.
  const details = shell.locator('.cp-toc__details')
  const folded = !(await details.evaluate((element) => element.open))
  if (folded) await details.locator('summary').click()
  await shell.getByRole('navigation').getByRole('link', { name: title, exact: true }).click()
  if (folded && (await details.evaluate((element) => element.open))) await details.locator('summary').click()
  await content.getByRole('heading', { level: 1, name: title, exact: true }).waitFor()
  await saved(page)
  await settle(page)
}

/** A learner's answers to the knowledge check: some right, one wrong, so the feedback of both shows. */
async function answerKnowledgeCheck(content) {
  const question = (prompt) => content.getByRole('group', { name: prompt })
  await question(/When was the treaty signed/).getByLabel('1 October 1949', { exact: true }).check()
  await question(/Who signed the treaty/).getByLabel('Zhou Enlai', { exact: true }).check()
  await question(/Who signed the treaty/).getByLabel('Andrei Vyshinsky', { exact: true }).check()
  await question(/signed in Beijing/).getByLabel('False', { exact: true }).check()
  await question(/In which city/).getByLabel('Your answer').fill('Moscow')
  await question(/How many million US dollars/).getByLabel('Your answer').fill('300')
  await question(/How sure do you feel/).getByLabel('Fairly sure', { exact: true }).check()
  // The three questions the quiz adds from its GIFT bank (course/_banks/treaty-terms.gift).
  await question(/At what rate of interest/).getByLabel('1%', { exact: true }).check()
  await question(/Over how many years/).getByLabel('Your answer').fill('5')
  await question(/Side agreements returned/).getByLabel('Port Arthur', { exact: true }).check()
}

/** Wait until the header says the work is saved, so no picture catches "Saving…". */
async function saved(page) {
  await page.frameLocator('#course').locator('#cp-status[data-status="saved"]').waitFor()
}

/** Fonts and images loaded in every frame, and the focus ring off the picture. */
async function settle(page) {
  for (const frame of page.frames()) {
    await frame.evaluate(async () => {
      await document.fonts.ready
      await Promise.all([...document.images].map((image) => (image.complete ? undefined : new Promise((done) => image.addEventListener('load', done, { once: true }) && image.addEventListener('error', done, { once: true })))))
      if (document.activeElement instanceof HTMLElement && document.activeElement !== document.body) document.activeElement.blur()
    })
  }
}

/**
 * Write the viewport as a PNG of at most 256 colours (sharp, through libimagequant): a
 * third of Chromium's own PNG, the same to the eye for text and flat colours, and the
 * same bytes for the same picture (no dithering, which would add noise).
 */
async function save(page, name) {
  const shot = await page.screenshot({ animations: 'disabled', caret: 'hide', scale: 'css' })
  const small = await sharp(shot).png({ palette: true, colours: 256, quality: 100, dither: 0, effort: 10, compressionLevel: 9 }).toBuffer()
  await writeFile(path.join(outDir, name), small)
}
