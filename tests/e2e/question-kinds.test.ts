import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { type Answers, answerAll, expectCleanCalls, launch, useStage } from './support/session.js'
import { scormStandards } from '../../src/shared/stand-in-lms.js'

const course = path.resolve(import.meta.dirname, '../fixtures/courses/question-kinds')
const launchData = { learnerId: 'learner-7', learnerName: 'Doe, Jane' }

/**
 * Wrong, right within tolerance, and partly right answers: 0 + 1 + 1/3 + 0
 * + 2/3 + 0 + 1/2 = 2.5 of 7 points = 35.71%, under the pass mark of 50.
 */
const partlyRight: Answers = [
  [/capital of the USSR/, { type: 'Leningrad' }],
  [/give or take a year/, { type: '1951' }],
  [/numbers are prime/, { choose: ['2', '3', '4'] }],
  [/treaty lapse/, { type: '1979' }],
  [/Match each country/, { match: [['USSR', 'Moscow'], ['PRC', 'Tokyo'], ['Japan', 'Tokyo']] }],
  [/Put the numbers in order/, { order: ['two', 'one', 'three'] }],
  [/Who signed for the USSR/, { choose: ['A Soviet minister'] }],
]

describe.each(scormStandards)('every kind of question, scored and reported ($target)', { timeout: 90_000 }, (standard) => {
  const stage = useStage(course, standard)

  it('scores wrong, tolerated and partial answers and reports each in its standard\'s format', async () => {
    const visit = await launch(stage(), { launch: launchData })
    await answerAll(visit, partlyRight)
    await visit.content.getByText('Your score: 35.71%.').waitFor()
    await visit.content.getByText('Course score: 35.71%. The pass mark is 50%.').waitFor()
    const question = (prompt: RegExp) => visit.content.getByRole('group', { name: prompt })
    expect(await question(/numbers are prime/).getByText('Partly right.').isVisible()).toBe(true)
    expect(await question(/capital of the USSR/).getByText('Not quite.').isVisible()).toBe(true)
    expect(await question(/give or take a year/).getByText('Correct.').isVisible()).toBe(true)
    expect(await question(/treaty lapse/).getByText('Not quite.').isVisible()).toBe(true)
    // The feedback of a chosen choice shows; that of a choice not chosen does not.
    expect(await question(/numbers are prime/).getByText('4 is 2 × 2.').isVisible()).toBe(true)
    const { calls, held, raw } = await visit.leave()

    expectCleanCalls(calls, standard)
    expect(held).toMatchObject({ status: 'failed', score: { raw: '35.71', min: '0', max: '100' } })
    // In SCORM 1.2's notation whatever the standard (standards.ts converts): the same facts for both.
    expect(held.interactions.map((interaction) => [interaction.type, interaction.response, interaction.pattern, interaction.result])).toEqual([
      ['fill-in', 'Leningrad', 'Moscow', 'wrong'],
      // SCORM 1.2 has no range pattern; SCORM 2004 says `1949[:]1951`.
      ['numeric', '1951', standard.target === 'scorm12' ? undefined : '1949:1951', 'correct'],
      ['choice', 'a,b,c', 'a,b,d', '0.33'],
      ['numeric', '1979', '1980', 'wrong'],
      ['matching', '1.a,2.c,3.c', '1.a,2.b,3.c', '0.67'],
      ['sequencing', 'b,a,c', 'a,b,c', 'wrong'],
      ['choice', 'b', 'a', '0.5'],
    ])
    if (standard.target === 'scorm2004') {
      // And as SCORM 2004 writes them: [,] and [.] separators, a URN id, the prompt, `incorrect`.
      const interactions = Object.values((raw as { cmi: { interactions: Record<string, Record<string, unknown>> } }).cmi.interactions)
      expect(interactions[0]).toMatchObject({
        id: expect.stringMatching(/^urn:coursepack:[A-Za-z0-9_-]+:[a-z0-9-]+\.q1$/),
        learner_response: 'Leningrad',
        result: 'incorrect',
        description: expect.stringContaining('capital of the USSR'),
        correct_responses: { 0: { pattern: '{case_matters=false}Moscow' } },
      })
      expect(interactions[2]).toMatchObject({ learner_response: 'a[,]b[,]c', correct_responses: { 0: { pattern: 'a[,]b[,]d' } } })
      expect(interactions[4]).toMatchObject({ learner_response: '1[.]a[,]2[.]c[,]3[.]c' })
      expect(interactions[1]).toMatchObject({ correct_responses: { 0: { pattern: '1949[:]1951' } } })
    }
  })

  it('draws `pick` questions in a shuffled order that stays the same when the learner comes back', async () => {
    const first = await launch(stage(), { launch: launchData })
    await first.open('A pool')
    const shown = async (visit: typeof first) =>
      visit.content.locator('fieldset[data-question]:not([hidden]) legend .cp-question__prompt').allTextContents()
    const drawn = await shown(first)
    expect(drawn).toHaveLength(2)
    for (const prompt of drawn) await first.answer(new RegExp(prompt), { choose: [`right ${prompt.slice(-1)}`] })
    await first.submit()
    await first.content.getByText('Your score: 100%.').waitFor()
    const { calls, held } = await first.leave()
    expectCleanCalls(calls, standard)
    expect(held.interactions.map((interaction) => interaction.id).sort()).toEqual(
      drawn.map((prompt) => `pool.q${'ABCD'.indexOf(prompt.slice(-1)) + 1}`).sort(),
    )

    const again = await launch(stage(), {
      launch: { ...launchData, resume: { status: 'incomplete', location: 'pool', suspendData: held.suspendData } },
    })
    await again.content.getByText('Your score: 100%.').waitFor()
    expect(await shown(again)).toEqual(drawn)
    await again.leave()
  })
})
