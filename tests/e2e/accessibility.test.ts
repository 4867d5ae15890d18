import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import type { Frame, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { type LearnerAnswer } from './support/learner.js'
import { events, exampleCourse, knowledgeCheckRight, pageTitles } from './support/example-course.js'
import { launch, useStage } from './support/session.js'

const axeSource = readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

const stage = useStage(exampleCourse)

interface AxeResult {
  violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[]
}

/**
 * Every axe-core violation in one frame's document, whatever its impact: a
 * moderate one such as `page-has-heading-one` counts as much as a critical one.
 */
async function axeViolations(frame: Frame): Promise<string[]> {
  await frame.addScriptTag({ content: await axeSource })
  const result = (await frame.evaluate(() => (window as unknown as { axe: { run(context: Document, options: object): Promise<unknown> } }).axe.run(document, { resultTypes: ['violations'] }))) as AxeResult
  return result.violations
    .map((violation) => `${violation.id} (${violation.impact}): ${violation.help} at ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)
}

const contentFrame = (page: Page) => page.frames().find((frame) => frame.name() === 'cp-page')!
const shellFrame = (page: Page) => page.frames().find((frame) => frame.url().endsWith('/pkg/index.html'))!

describe('accessibility, checked', { timeout: 120_000 }, () => {
  it('axe-core finds no violation of any impact on any page, before and after a quiz is submitted', async () => {
    const visit = await launch(stage(), { noApi: true })
    const found: string[] = []
    found.push(...(await axeViolations(shellFrame(visit.page))).map((text) => `index.html: ${text}`))
    for (const title of pageTitles) {
      await visit.open(title)
      found.push(...(await axeViolations(contentFrame(visit.page))).map((text) => `${title}: ${text}`))
    }
    await visit.open('Check your understanding')
    await visit.submit().catch(() => undefined)
    await visit.content.getByText('Answer every question first').waitFor()
    found.push(...(await axeViolations(contentFrame(visit.page))).map((text) => `unanswered quiz: ${text}`))
    expect(found).toEqual([])
    await visit.page.close()
  })

  it('a learner can walk the whole course with the keyboard alone, quiz included', async () => {
    // Start afresh: without an LMS, the course keeps progress in the browser, and the axe walk left some.
    const visit = await launch(stage(), { noApi: true, clearStorage: true })
    const { page } = visit
    const keyboard = page.keyboard
    // The walk starts where a keyboard user lands in the course: its first link, "Skip to the page".
    await visit.shell.getByRole('link', { name: 'Skip to the page' }).focus()

    /** Press Tab until the content frame's focused element passes `test`. */
    const tabUntil = async (test: string) => {
      for (let presses = 0; presses < 80; presses++) {
        await keyboard.press('Tab')
        const hit = await contentFrame(page).evaluate((source) => new Function('el', `return ${source}`)(document.activeElement) as boolean, test).catch(() => false)
        if (hit) return
      }
      throw new Error(`Tab never reached: ${test}`)
    }
    const next = async (title: string) => {
      await tabUntil("el && el.getAttribute('rel') === 'next'")
      await keyboard.press('Enter')
      await visit.content.getByRole('heading', { level: 1, name: title, exact: true }).waitFor()
    }
    const answer = async (prompt: RegExp, given: LearnerAnswer) => {
      const ids = await visit.content.getByRole('group', { name: prompt }).evaluate((fieldset, value) => {
        const byLabel = (text: string) => [...fieldset.querySelectorAll('label')].find((label) => label.textContent?.trim() === text)?.htmlFor ?? ''
        if ('choose' in value) return value.choose.map(byLabel)
        if ('type' in value) return [fieldset.querySelector('input')?.id ?? '']
        if ('match' in value) return value.match.map(([source, target]) => `${byLabel(source)}|${[...(document.getElementById(byLabel(source)) as HTMLSelectElement).options].findIndex((option) => option.text === target)}`)
        return value.order.map((item, index) => `${byLabel(item)}|${index + 1}`)
      }, given as never)
      for (const entry of ids) {
        const [id, steps] = entry.split('|')
        const kind = await contentFrame(page).evaluate((target) => (document.getElementById(target) as HTMLInputElement).type, id!)
        if (kind === 'radio') {
          const group = await contentFrame(page).evaluate((target) => (document.getElementById(target) as HTMLInputElement).name, id!)
          await tabUntil(`el && el.name === ${JSON.stringify(group)}`)
          for (let guard = 0; guard < 10 && !(await contentFrame(page).evaluate((target) => (document.getElementById(target) as HTMLInputElement).checked, id!)); guard++) {
            await keyboard.press('ArrowDown')
          }
        } else {
          await tabUntil(`el && el.id === ${JSON.stringify(id)}`)
          if (kind === 'checkbox') await keyboard.press('Space')
          else if (kind === 'text') await keyboard.type((given as { type: string }).type)
          else for (let step = 0; step < Number(steps); step++) await keyboard.press('ArrowDown')
        }
      }
    }

    await next('Signing in Moscow')
    await next('Check your understanding')
    for (const [prompt, given] of knowledgeCheckRight) await answer(prompt, given)
    await tabUntil("el && el.type === 'submit'")
    await keyboard.press('Enter')
    await visit.content.getByText('Your score: 100%.').waitFor()
    // The result takes the focus, so a screen reader hears the score at once.
    expect(await contentFrame(page).evaluate(() => document.activeElement?.id)).toBe('cp-quiz-result')

    for (const title of pageTitles.slice(3, 7)) await next(title)
    await answer(/Match each person/, {
      match: [
        ['Zhou Enlai', 'Signed the treaty for China'],
        ['Andrei Vyshinsky', 'Signed the treaty for the USSR'],
        ['Nikita Khrushchev', 'Began de-Stalinisation after 1956'],
        ['Mao Zedong', 'Rejected "peaceful coexistence" with the West'],
      ],
    })
    await answer(/Put these events in order/, { order: events })
    const match = await visit.content.getByRole('group', { name: /Match each person/ }).locator('select').evaluateAll((selects) => selects.map((select) => (select as HTMLSelectElement).selectedOptions[0]?.text))
    expect(match).toEqual(['Signed the treaty for China', 'Signed the treaty for the USSR', 'Began de-Stalinisation after 1956', 'Rejected "peaceful coexistence" with the West'])

    // Focus is always visible: the focused control has an outline.
    const outline = await contentFrame(page).evaluate(() => getComputedStyle(document.activeElement as Element).outlineStyle)
    expect(outline).not.toBe('none')
    await visit.page.close()
  })
})
