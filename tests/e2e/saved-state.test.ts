import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { exampleCourse, finalQuizRight, knowledgeCheckRight } from './support/example-course.js'
import { answerAll, expectCleanCalls, launch, setUpStage, type Stage } from './support/session.js'
import { scormStandards } from '../../src/shared/stand-in-lms.js'

const launchData = { learnerId: 's1', learnerName: 'Doe, Jane', passingScore: 70 }

/** Copies of the example course to change, made once. */
let work: string
beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'coursepack-reupload-'))
})
afterAll(async () => {
  await rm(work, { recursive: true, force: true })
})

describe.each(scormStandards)('a package re-uploaded between two visits ($target)', { timeout: 90_000 }, (standard) => {
  let stage: Stage
  let original: string
  let changed: string
  beforeAll(async () => {
    original = path.join(work, `${standard.target}-original`)
    changed = path.join(work, `${standard.target}-changed`)
    await cp(exampleCourse, original, { recursive: true })
    await cp(exampleCourse, changed, { recursive: true })
    // The teacher adds a choice to one question of the final quiz, and corrects a typo in a lesson.
    const quiz = path.join(changed, '06-final-quiz.quiz.md')
    await writeFile(quiz, (await readFile(quiz, 'utf8')).replace('- [ ] 10 years\n', '- [ ] 10 years\n- [ ] 25 years\n'))
    const lesson = path.join(changed, '02-signing-in-moscow.md')
    await writeFile(lesson, `${await readFile(lesson, 'utf8')}\nOne more sentence.\n`)
    stage = await setUpStage(original, standard)
  }, 60_000)
  afterAll(async () => {
    await stage?.close()
  })

  it('keeps the visited pages and the unchanged quiz, and drops only the changed quiz', async () => {
    const first = await launch(stage, { launch: launchData })
    await first.next('Signing in Moscow')
    await first.next('Check your understanding')
    await answerAll(first, knowledgeCheckRight)
    await first.open('Final quiz')
    await answerAll(first, finalQuizRight)
    const before = await first.leave()
    expectCleanCalls(before.calls, standard)

    await stage.reupload(changed)
    const second = await launch(stage, {
      launch: { ...launchData, resume: { status: before.held.status === 'passed' ? 'passed' : 'incomplete', location: before.held.location, suspendData: before.held.suspendData } },
    })
    await second.content.getByRole('heading', { level: 1, name: 'Final quiz' }).waitFor()
    // The changed quiz starts afresh: no answers, no attempt counted.
    await second.content.getByRole('button', { name: 'Submit answers' }).waitFor()
    expect(await second.content.getByRole('group', { name: /How long was the treaty to run/ }).getByLabel('25 years').isChecked()).toBe(false)
    expect(await second.content.getByText(/^Attempt \d/).count()).toBe(0)
    // The knowledge check keeps its answers, and the visited pages are still visited.
    expect(await second.shell.locator('#cp-progress-text').textContent()).toBe('4 of 8 pages visited')
    await second.open('Check your understanding')
    await second.content.getByText('Your score: 100%.').waitFor()
    expect(await second.content.getByRole('group', { name: /Who signed the treaty/ }).getByLabel('Zhou Enlai').isChecked()).toBe(true)
    const after = await second.leave()
    expectCleanCalls(after.calls, standard)
  })
})

describe('a course whose answers cannot fit SCORM 1.2\'s 4096 characters', { timeout: 90_000 }, () => {
  let stage: Stage
  beforeAll(async () => {
    const dir = path.join(work, 'compact')
    // 120 questions of 36 choices, two of them right: the answers could take 4440 characters.
    const choices = Array.from({ length: 36 }, (_, index) => `- [${index < 2 ? 'x' : ' '}] Choice ${index}`).join('\n')
    const questions = Array.from({ length: 120 }, (_, index) => `## Question ${index + 1}\n${choices}\n`).join('\n')
    await cp(path.join(exampleCourse, 'images'), path.join(dir, 'images'), { recursive: true })
    await writeFile(path.join(dir, 'course.yml'), 'title: A long quiz\npassingScore: 50\n')
    await writeFile(path.join(dir, '01-intro.md'), '# Introduction\n\nA quiz follows.\n')
    await writeFile(path.join(dir, '02-quiz.quiz.md'), `---\ntitle: A long quiz\npick: 2\n---\n\n${questions}`)
    stage = await setUpStage(dir)
  }, 60_000)
  afterAll(async () => {
    await stage?.close()
  })

  it('keeps the score, not the answers, and says so when the learner comes back', async () => {
    const first = await launch(stage, { launch: launchData })
    await first.next('A long quiz')
    for (const prompt of await first.content.locator('fieldset[data-question]:not([hidden]) legend .cp-question__prompt').allTextContents()) {
      await first.answer(new RegExp(`^Question \\d+ ${prompt}$`), { choose: ['Choice 0', 'Choice 1'] })
    }
    await first.submit()
    await first.content.getByText('Your score: 100%.').waitFor()
    const before = await first.leave()
    expectCleanCalls(before.calls)
    expect(before.held).toMatchObject({ status: 'passed', score: { raw: '100' } })
    expect(before.held.suspendData.length).toBeLessThan(100)

    const second = await launch(stage, { launch: { ...launchData, resume: { status: 'passed', location: 'quiz', suspendData: before.held.suspendData } } })
    await second.content.getByRole('heading', { level: 1, name: 'A long quiz' }).waitFor()
    await second.content.getByText('Your kept score: 100%. Your answers from your last visit are not shown again.').waitFor()
    await second.content.getByText('Course score: 100%. You passed the course.').waitFor()
    expect(second.errors).toEqual([])
    await second.leave()
  })
})
