import { readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { FrameLocator } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { initCourse } from '../../src/init.js'
import { startPreview } from '../../src/preview/server.js'
import { launchBrowser } from './support/browser.js'
import { makeCourse } from '../helpers/course-fixture.js'

let browser: Awaited<ReturnType<typeof launchBrowser>>

beforeAll(async () => {
  browser = await launchBrowser()
}, 60_000)

afterAll(async () => {
  await browser?.close()
})

/** Open the starter course's quiz and answer it all right. */
async function answerStarterQuiz(shell: FrameLocator) {
  const content = shell.frameLocator('iframe[name="cp-page"]')
  await shell.getByRole('link', { name: 'Quiz', exact: true }).click()
  await content.getByRole('group', { name: /Which files are lessons/ }).getByLabel('Files ending in .md', { exact: true }).check()
  await content.getByRole('group', { name: /Which of these can a lesson hold/ }).getByLabel('Tables').check()
  await content.getByRole('group', { name: /folder of lessons/ }).getByLabel('True').check()
  await content.getByRole('group', { name: /name of the settings file/ }).getByLabel('Your answer').fill('course.yml')
  await content.getByRole('group', { name: /How many lessons/ }).getByLabel('Your answer').fill('2')
  const match = content.getByRole('group', { name: /Match each file/ })
  await match.getByLabel('course.yml').selectOption({ label: 'The course settings' })
  await match.getByLabel('01-welcome.md').selectOption({ label: 'A lesson' })
  await match.getByLabel('03-quiz.quiz.md').selectOption({ label: 'A quiz' })
  const order = content.getByRole('group', { name: /Put the steps in order/ })
  for (const [index, step] of ['Write the lessons', 'Preview them', 'Build the zip', 'Upload it to the LMS'].entries()) {
    await order.getByLabel(step).selectOption(String(index + 1))
  }
  await content.getByRole('button', { name: 'Submit answers' }).click()
}

describe('coursepack preview', { timeout: 60_000 }, () => {
  it('shows the course in a stand-in LMS whose panel logs each call, reloads on edits and shows build errors', async () => {
    const root = path.join(path.dirname(await makeCourse({})), 'starter')
    expect((await initCourse(root)).ok).toBe(true)
    const preview = await startPreview({ dir: root, port: 0 })
    const page = await browser.context.newPage()
    page.setDefaultTimeout(10_000)
    try {
      await page.goto(preview.url)
      const shell = page.frameLocator('#course')
      const content = shell.frameLocator('iframe[name="cp-page"]')
      await content.getByRole('heading', { level: 1, name: 'Welcome' }).waitFor()
      const panel = page.getByRole('complementary', { name: 'Stand-in LMS' })
      await panel.getByText('LMSInitialize("") → true').waitFor()

      // A quiz submission shows up in the panel.
      await answerStarterQuiz(shell)
      await panel.getByText('LMSSetValue("cmi.interactions.0.id", "quiz.q1") → true').waitFor()
      await panel.getByText(/^LMSSetValue\("cmi\.core\.score\.raw", "[\d.]+"\) → true$/).waitFor()
      expect(await panel.locator('#warnings').textContent()).toBe('None.')

      // Editing a lesson rebuilds the course and reloads it, resuming where the learner was.
      const lesson = path.join(root, '01-welcome.md')
      await writeFile(lesson, (await readFile(lesson, 'utf8')).replace('title: Welcome', 'title: Welcome back'))
      await shell.getByRole('link', { name: 'Welcome back', exact: true }).waitFor()

      // A broken file shows its problems over the course instead of a stale page.
      await writeFile(path.join(root, '03-quiz.quiz.md'), '---\ntitle: Quiz\n---\n## A question without answers\n')
      const overlay = page.getByRole('alert')
      await overlay.getByText('starter/03-quiz.quiz.md:4:1  This question has no answers  [missing-answers]').waitFor()
    } finally {
      await page.close()
      await preview.close()
    }
  })

  it('--target scorm2004: a SCORM 2004 stand-in that resumes after a suspend, its calls checked against Moodle\'s 2004 rules', async () => {
    const root = path.join(path.dirname(await makeCourse({})), 'starter')
    expect((await initCourse(root)).ok).toBe(true)
    const preview = await startPreview({ dir: root, port: 0, target: 'scorm2004' })
    const page = await browser.context.newPage()
    page.setDefaultTimeout(10_000)
    try {
      await page.goto(preview.url)
      const shell = page.frameLocator('#course')
      const panel = page.getByRole('complementary', { name: 'Stand-in LMS' })
      await panel.getByRole('heading', { name: 'Stand-in LMS scorm-again, SCORM 2004 4th Edition' }).waitFor()
      await panel.getByText('Initialize("") → true').waitFor()
      const content = shell.frameLocator('iframe[name="cp-page"]')
      await shell.getByRole('link', { name: 'Quiz', exact: true }).click()
      await content.getByRole('heading', { level: 1, name: 'Quiz' }).waitFor()

      // Relaunch while unfinished: the session ends with exit suspend, and the next one resumes on the quiz.
      await panel.getByRole('button', { name: 'Relaunch' }).click()
      await panel.getByText(/^GetValue\("cmi\.suspend_data"\) → 2\|/).waitFor()
      await content.getByRole('heading', { level: 1, name: 'Quiz' }).waitFor()

      await answerStarterQuiz(shell)
      await panel.getByText(/^SetValue\("cmi\.interactions\.0\.id", "urn:coursepack:[a-z0-9-]+:quiz\.q1"\) → true$/).waitFor()
      await panel.getByText(/^SetValue\("cmi\.score\.scaled", "[\d.]+"\) → true$/).waitFor()
      expect(await panel.locator('#warnings').textContent()).toBe('None.')
    } finally {
      await page.close()
      await preview.close()
    }
  })
})
