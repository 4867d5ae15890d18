import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { type Answers, answerAll, expectCleanCalls, launch, useStage } from './support/session.js'

const course = path.resolve(import.meta.dirname, '../fixtures/courses/question-kinds')
const launchData = { core: { student_id: 'learner-7', student_name: 'Doe, Jane', credit: 'credit', lesson_mode: 'normal', entry: 'ab-initio' } }

const stage = useStage(course)

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

describe('every kind of question, scored and reported', { timeout: 90_000 }, () => {
  it('scores wrong, tolerated and partial answers and reports each in its SCORM 1.2 format', async () => {
    const visit = await launch(stage(), { cmi: launchData })
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
    const { calls, cmi } = await visit.leave()

    expectCleanCalls(calls)
    expect(cmi.cmi.core).toMatchObject({ lesson_status: 'failed', score: { raw: '35.71', min: '0', max: '100' } })
    expect(Object.values(cmi.cmi.interactions).map((interaction) => [interaction.type, interaction.student_response, interaction.correct_responses?.['0']?.pattern, interaction.result])).toEqual([
      ['fill-in', 'Leningrad', 'Moscow', 'wrong'],
      ['numeric', '1951', undefined, 'correct'],
      ['choice', 'a,b,c', 'a,b,d', '0.33'],
      ['numeric', '1979', '1980', 'wrong'],
      ['matching', '1.a,2.c,3.c', '1.a,2.b,3.c', '0.67'],
      ['sequencing', 'b,a,c', 'a,b,c', 'wrong'],
      ['choice', 'b', 'a', '0.5'],
    ])
  })

  it('draws `pick` questions in a shuffled order that stays the same when the learner comes back', async () => {
    const first = await launch(stage(), { cmi: launchData })
    await first.open('A pool')
    const shown = async (visit: typeof first) =>
      visit.content.locator('fieldset[data-question]:not([hidden]) legend .cp-question__prompt').allTextContents()
    const drawn = await shown(first)
    expect(drawn).toHaveLength(2)
    for (const prompt of drawn) await first.answer(new RegExp(prompt), { choose: [`right ${prompt.slice(-1)}`] })
    await first.submit()
    await first.content.getByText('Your score: 100%.').waitFor()
    const { calls, cmi } = await first.leave()
    expectCleanCalls(calls)
    expect(Object.values(cmi.cmi.interactions).map((interaction) => interaction.id).sort()).toEqual(
      drawn.map((prompt) => `pool.q${'ABCD'.indexOf(prompt.slice(-1)) + 1}`).sort(),
    )

    const again = await launch(stage(), {
      cmi: { ...launchData, core: { ...launchData.core, entry: 'resume', lesson_status: 'incomplete', lesson_location: 'pool' }, suspend_data: cmi.cmi.suspend_data },
    })
    await again.content.getByText('Your score: 100%.').waitFor()
    expect(await shown(again)).toEqual(drawn)
    await again.leave()
  })
})
