import type { FrameLocator, Page } from 'playwright-core'

/**
 * What a learner does in the course, by role and label: the course shell is
 * the LMS page's frame `#sco`, the current lesson or quiz its inner frame.
 */
export function learner(page: Page, shellFrame: FrameLocator = page.frameLocator('#sco')) {
  const shell = shellFrame
  const content = shell.frameLocator('iframe[name="cp-page"]')

  return {
    shell,
    content,
    async open(title: string) {
      await shell.getByRole('navigation', { name: 'Contents' }).getByRole('link', { name: title, exact: true }).click()
      await content.getByRole('heading', { level: 1, name: title, exact: true }).waitFor()
    },
    async next(expectedTitle: string) {
      await content.getByRole('link', { name: /^Next/ }).click()
      await content.getByRole('heading', { level: 1, name: expectedTitle, exact: true }).waitFor()
    },
    /** Tick `choices` (labels) in the question whose prompt matches. */
    async answer(prompt: string | RegExp, choices: readonly string[]) {
      const question = content.getByRole('group', { name: prompt })
      for (const choice of choices) await question.getByLabel(choice, { exact: true }).check()
    },
    async submit() {
      await content.getByRole('button', { name: 'Submit answers' }).click()
      await content.getByRole('status').filter({ hasText: 'Your score' }).waitFor()
    },
    status: () => shell.locator('#cp-status'),
  }
}
