import { describe, expect, it } from 'vitest'
import { events, exampleCourse, finalQuizRight, knowledgeCheckRight, pageTitles } from './support/example-course.js'
import { type Answers, answerAll, expectCleanCalls, launch, sets, useStage, type Visit } from './support/session.js'
import { scormStandards } from '../../src/shared/stand-in-lms.js'

/** Four of twelve wrong: 8/12 = 66.67%, under the pass mark of 70. */
const finalQuizFourWrong: Answers = finalQuizRight.map(([prompt, answer]) => {
  if (prompt.source.startsWith('How long')) return [prompt, { choose: ['10 years'] }] as const
  if (prompt.source.startsWith('Which of these')) return [prompt, { choose: (answer as { choose: string[] }).choose.slice(0, 2) }] as const
  if (prompt.source.startsWith('In which year did the USSR')) return [prompt, { choose: ['1956'] }] as const
  if (prompt.source.startsWith('Put these')) return [prompt, { order: [events[0]!, events[2]!, events[1]!, ...events.slice(3)] }] as const
  return [prompt, answer] as const
})

const launchData = { learnerId: 's1', learnerName: 'Doe, Jane', passingScore: 70 }

/** Walk the whole course with Next, answering both quizzes. */
async function walkCourse(course: Visit, finalAnswers: Answers) {
  for (const [index, title] of pageTitles.entries()) {
    if (index > 0) await course.next(title)
    if (title === 'Check your understanding') await answerAll(course, knowledgeCheckRight)
    if (title === 'Final quiz') await answerAll(course, finalAnswers)
  }
}

describe.each(scormStandards)('a learner in the stand-in LMS (scorm-again, $target)', { timeout: 90_000 }, (standard) => {
  const stage = useStage(exampleCourse, standard)
  const { element } = standard

  it('1. all answers right: passed, 100, one interaction per question, score and status committed before the end', async () => {
    const course = await launch(stage(), { launch: launchData })
    await walkCourse(course, finalQuizRight)
    await course.open('Final quiz')
    await course.content.getByText('Course score: 100%. You passed the course.').waitFor()
    const { calls, held } = await course.leave()

    expectCleanCalls(calls, standard)
    expect(held.status).toBe('passed')
    expect(held.score).toEqual({ raw: '100', min: '0', max: '100' })
    if (standard.target === 'scorm2004') expect(held.scaled).toBe('1')
    expect(held.exit).toBe('done')
    const interactions = held.interactions
    expect(interactions.map((interaction) => [interaction.id, interaction.type, interaction.response, interaction.result])).toEqual([
      ['check-your-understanding.q1', 'choice', 'b', 'correct'],
      ['check-your-understanding.q2', 'choice', 'a,b', 'correct'],
      ['check-your-understanding.q3', 'true-false', 'f', 'correct'],
      ['check-your-understanding.q4', 'fill-in', 'moscow', 'correct'],
      ['check-your-understanding.q5', 'numeric', '300', 'correct'],
      ['check-your-understanding.q6', 'likert', 'c', 'neutral'],
      ['check-your-understanding.q7', 'choice', 'a', 'correct'],
      ['check-your-understanding.q8', 'numeric', '5', 'correct'],
      ['check-your-understanding.q9', 'choice', 'a', 'correct'],
      ['final-quiz.q1', 'choice', 'c', 'correct'],
      ['final-quiz.q2', 'choice', 'b', 'correct'],
      ['final-quiz.q3', 'choice', 'a,b,d', 'correct'],
      ['final-quiz.q4', 'true-false', 't', 'correct'],
      ['final-quiz.q5', 'choice', 'b', 'correct'],
      ['final-quiz.q6', 'choice', 'a,b', 'correct'],
      ['final-quiz.q7', 'choice', 'b', 'correct'],
      ['final-quiz.q8', 'matching', '1.a,2.b,3.c,4.d', 'correct'],
      ['final-quiz.q9', 'sequencing', 'a,b,c,d,e,f', 'correct'],
      ['final-quiz.q10', 'numeric', '1980', 'correct'],
      ['final-quiz.q11', 'fill-in', 'Lüshun', 'correct'],
      ['final-quiz.q12', 'true-false', 'f', 'correct'],
    ])
    expect(interactions.map((interaction) => interaction.pattern)).toEqual([
      'b', 'a,b', 'f', 'Moscow', '300', undefined, 'a', '5', 'a',
      'c', 'b', 'a,b,d', 't', 'b', 'a,b', 'b', '1.a,2.b,3.c,4.d', 'a,b,c,d,e,f', '1980', 'Lüshun', 'f',
    ])
    expect(interactions.map((interaction) => interaction.weighting)).toEqual([...Array(9).fill('0'), ...Array(12).fill('1')])

    // The score is written once, when the last graded quiz is submitted, before that quiz's
    // interactions; then the status; then a commit; then the rest of the visit; the end of the session last.
    const raw = sets(calls, element.scoreRaw)
    expect(raw.map((set) => set.value)).toEqual(['100'])
    const finalQuizWrites = calls.flatMap((call, index) => (call.fn === standard.fn.set && call.args[0] === 'cmi.interactions.9.id' ? [index] : []))
    const statusSet = element.status === undefined ? undefined : sets(calls, element.status)
    const passed = sets(calls, element.success).find((set) => set.value === 'passed')!
    const commitAfter = calls.findIndex((call, index) => index > passed.index && call.fn === standard.fn.commit && call.result === 'true')
    const finish = calls.findIndex((call) => call.fn === standard.fn.finish)
    expect(raw[0]!.index).toBeLessThan(sets(calls, element.scoreMax)[0]!.index)
    expect(sets(calls, element.scoreMax)[0]!.index).toBeLessThan(passed.index)
    expect(passed.index).toBeLessThan(commitAfter)
    expect(commitAfter).toBeLessThan(finalQuizWrites[0]!)
    expect(commitAfter).toBeLessThan(finish)
    expect(standard.statusHistory(calls)[0]).toBe('incomplete')
    if (statusSet) expect(statusSet[0]!.value).toBe('incomplete')
    expect(held.suspendData.length).toBeLessThanOrEqual(standard.target === 'scorm12' ? 4096 : 64000)
    expect(course.errors).toEqual([])
  })

  it('2. some answers wrong: failed with the exact score', async () => {
    const course = await launch(stage(), { launch: launchData })
    await walkCourse(course, finalQuizFourWrong)
    await course.open('Final quiz')
    await course.content.getByText('Course score: 66.67%. The pass mark is 70%.').waitFor()
    const { calls, held } = await course.leave()

    expectCleanCalls(calls, standard)
    expect(held.status).toBe('failed')
    expect(held.score).toEqual({ raw: '66.67', min: '0', max: '100' })
    if (standard.target === 'scorm2004') expect(held.scaled).toBe('0.6667')
    const final = held.interactions.slice(9)
    expect(final.map((interaction) => interaction.result)).toEqual(['wrong', 'correct', 'wrong', 'correct', 'correct', 'correct', 'wrong', 'correct', 'wrong', 'correct', 'correct', 'correct'])
    expect(final[8]?.response).toBe('a,c,b,d,e,f')
  })

  it('2b. a retake after failing reports the better score and passed', async () => {
    const course = await launch(stage(), { launch: launchData })
    await course.open('Final quiz')
    await answerAll(course, finalQuizFourWrong)
    await course.content.getByText('Attempt 1 of 3.').waitFor()
    await course.content.getByRole('button', { name: 'Try again' }).click()
    await answerAll(course, finalQuizRight)
    await course.content.getByText('Attempt 2 of 3.').waitFor()
    const { calls, held } = await course.leave()
    expectCleanCalls(calls, standard)
    expect(sets(calls, element.scoreRaw).map((set) => set.value)).toEqual(['66.67', '100'])
    expect(standard.statusHistory(calls)).toEqual(['incomplete', 'failed', 'passed'])
    expect(held).toMatchObject({ status: 'passed', exit: 'done' })
    expect(held.interactions).toHaveLength(24)
  })

  it('3. leaving halfway and coming back resumes on the same page with the answers kept', async () => {
    const first = await launch(stage(), { launch: launchData })
    await first.next('Signing in Moscow')
    await first.next('Check your understanding')
    await answerAll(first, knowledgeCheckRight)
    await first.next('Building with Soviet help')
    const before = await first.leave()
    expectCleanCalls(before.calls, standard)
    expect(before.held).toMatchObject({ status: 'incomplete', exit: 'suspend', location: 'building-with-soviet-help' })
    expect(sets(before.calls, element.scoreRaw)).toEqual([])

    const second = await launch(stage(), {
      launch: { ...launchData, resume: { status: 'incomplete', location: before.held.location, suspendData: before.held.suspendData } },
    })
    await second.content.getByRole('heading', { level: 1, name: 'Building with Soviet help' }).waitFor()
    await second.open('Check your understanding')
    const zhou = second.content.getByRole('group', { name: /Who signed the treaty/ }).getByLabel('Zhou Enlai')
    expect(await zhou.isChecked()).toBe(true)
    expect(await zhou.isDisabled()).toBe(true)
    await second.content.getByText('Your score: 100%.').waitFor()
    expect(await second.shell.locator('#cp-progress-text').textContent()).toBe('4 of 8 pages visited')
    const after = await second.leave()
    expectCleanCalls(after.calls, standard)
    expect(after.held).toMatchObject({ status: 'incomplete', exit: 'suspend' })
    expect(standard.statusHistory(after.calls).filter((status) => status !== 'incomplete')).toEqual([])
    expect(sets(after.calls, element.status ?? element.success)).toEqual([])
  })

  it('4. without an LMS the course works to the end, says nothing is reported, and keeps progress in the browser', async () => {
    const course = await launch(stage(), { noApi: true })
    await course.status().filter({ hasText: 'Not connected to an LMS' }).waitFor()
    await walkCourse(course, finalQuizRight)
    await course.open('Final quiz')
    await course.content.getByText('Your score: 100%.').waitFor()
    expect(course.errors).toEqual([])
    await course.page.reload()
    await course.content.getByRole('heading', { level: 1, name: 'Final quiz' }).waitFor()
    await course.content.getByText('Your score: 100%.').waitFor()
    expect(await course.shell.locator('#cp-progress-text').textContent()).toBe('8 of 8 pages visited')
    expect(course.errors).toEqual([])
    await course.page.close()
  })

  it('5. an LMS whose writes and commits fail now and then still gets the score', async () => {
    const course = await launch(stage(), { launch: launchData, flaky: { set: 7, commit: 2 } })
    await course.open('Final quiz')
    await answerAll(course, finalQuizRight)
    await course.status().filter({ hasText: /^Saved$/ }).waitFor({ timeout: 20_000 })
    expect(await course.get(element.scoreRaw)).toBe('100')
    expect(await course.get(element.success)).toBe('passed')
    const { calls, held } = await course.leave()
    expect(calls.filter((call) => call.injected).length).toBeGreaterThan(3)
    expectCleanCalls(calls, standard)
    expect(held.interactions.map((interaction) => interaction.id)).toEqual(
      Array.from({ length: 12 }, (_, index) => `final-quiz.q${index + 1}`),
    )
  })

  it('5a. an LMS failing every third write and commit: a learner who leaves a second after submitting still gets passed and 100', async () => {
    const course = await launch(stage(), { launch: launchData, flaky: { set: 3, commit: 3 } })
    await course.recordSaveStatus()
    await walkCourse(course, finalQuizRight)
    await course.page.waitForTimeout(1000)
    const { calls, committed, shown } = await course.leave()

    expect(calls.filter((call) => call.injected).length).toBeGreaterThan(20)
    expectCleanCalls(calls, standard)
    // What the LMS stored at its last confirmed commit, before the end: everything.
    expect(committed).toMatchObject({ status: 'passed', score: { raw: '100', min: '0', max: '100' }, exit: 'done' })
    expect(committed!.interactions).toHaveLength(21)
    expect(committed!.suspendData).not.toBe('')
    // The writes were still queued when the learner left: leaving sent them, retrying at once.
    const leaving = calls.findLastIndex((call) => call.fn === standard.fn.set && call.args[0] === element.exit)
    const sessionTime = calls.findLastIndex((call) => call.fn === standard.fn.set && call.args[0] === element.sessionTime)
    expect(calls.slice(Math.min(leaving, sessionTime)).filter((call) => call.fn === standard.fn.set && call.args[0]?.startsWith('cmi.interactions.')).length).toBeGreaterThan(0)
    // "Saved" showed only right after a commit went through.
    expect(shown.map((entry) => entry.status)).toContain('retrying')
    for (const entry of shown.filter((entry) => entry.status === 'saved')) expect(entry.lastCall).toBe(`${standard.fn.commit}→true`)
  })

  it('5b. an LMS that never accepts a commit: the learner is told the score may not be saved', async () => {
    const course = await launch(stage(), { launch: launchData, flaky: { commit: 1 } })
    await course.open('Final quiz')
    await answerAll(course, finalQuizRight)
    await course.status().filter({ hasText: 'may not have been saved' }).waitFor({ timeout: 20_000 })
    await course.content.getByText('Your work may not have been saved').waitFor()
    const { calls } = await course.leave()
    expectCleanCalls(calls, standard)
  })

  it('5c. an LMS whose commits fail until the learner leaves: the LMS closing the frame saves passed and 100, and "Saved" never showed', async () => {
    const course = await launch(stage(), { launch: launchData, flaky: { commit: 'until-leave' } })
    await course.recordSaveStatus()
    await course.open('Final quiz')
    await answerAll(course, finalQuizRight)
    await course.status().filter({ hasText: 'may not have been saved' }).waitFor({ timeout: 20_000 })
    const { calls, committed, shown } = await course.leave('remove')

    expectCleanCalls(calls, standard)
    expect(shown.map((entry) => entry.status)).not.toContain('saved')
    expect(committed).toMatchObject({ status: 'passed', score: { raw: '100', min: '0', max: '100' }, exit: 'done' })
    expect(committed!.interactions).toHaveLength(12)
    const lastCommit = calls.findLastIndex((call) => call.fn === standard.fn.commit)
    expect(calls[lastCommit]?.result).toBe('true')
    expect(calls.findIndex((call) => call.fn === standard.fn.finish)).toBeGreaterThan(lastCommit)
  })
})
