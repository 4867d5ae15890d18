import type { FrameLocator, Page } from 'playwright-core'

/** One answer, as a learner gives it: ticks, typed text, pairs chosen from lists, or positions. */
export type LearnerAnswer =
  | { readonly choose: readonly string[] }
  | { readonly type: string }
  | { readonly match: readonly (readonly [string, string])[] }
  | { readonly order: readonly string[] }

/**
 * What a learner does in the course, by role and label: the course shell is
 * the LMS page's frame `#sco`, the current lesson or quiz its inner frame.
 */
export function learner(page: Page, shellFrame: FrameLocator = page.frameLocator('#sco')) {
  const shell = shellFrame
  const content = shell.frameLocator('iframe[name="cp-page"]')
  /**
   * The page is on screen and the course knows it: the contents mark it as
   * the current page once the shell has recorded the visit (the page's script
   * runs after its heading shows, so the heading alone can come first).
   */
  const shown = async (title: string) => {
    await content.getByRole('heading', { level: 1, name: title, exact: true }).waitFor()
    await shell.getByRole('navigation', { name: 'Contents' }).getByRole('link', { name: title, exact: true }).and(shell.locator('[aria-current="page"]')).waitFor()
  }

  return {
    shell,
    content,
    async open(title: string) {
      await shell.getByRole('navigation', { name: 'Contents' }).getByRole('link', { name: title, exact: true }).click()
      await shown(title)
    },
    async next(expectedTitle: string) {
      await content.getByRole('link', { name: /^Next/ }).click()
      await shown(expectedTitle)
    },
    /** Answer the question whose prompt matches, the way its controls ask. */
    async answer(prompt: string | RegExp, answer: LearnerAnswer) {
      const question = content.getByRole('group', { name: prompt })
      if ('choose' in answer) for (const choice of answer.choose) await question.getByLabel(choice, { exact: true }).check()
      if ('type' in answer) await question.getByLabel('Your answer').fill(answer.type)
      if ('match' in answer) for (const [source, target] of answer.match) await question.getByLabel(source, { exact: true }).selectOption({ label: target })
      if ('order' in answer) for (const [index, item] of answer.order.entries()) await question.getByLabel(item, { exact: true }).selectOption(String(index + 1))
    },
    async submit() {
      await content.getByRole('button', { name: 'Submit answers' }).click()
      await content.getByRole('status').filter({ hasText: 'Your score' }).waitFor()
    },
    status: () => shell.locator('#cp-status'),
  }
}
