import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { build, type BuildResult } from '../../src/build.js'
import { canvasReads, moodleReads, qtiItems } from '../helpers/cc-importers.js'
import { packageText } from '../helpers/course-fixture.js'
import { validateCcQti } from '../helpers/validate-cc.js'

/**
 * The QTI of each kind of question, read the way Moodle's and Canvas's
 * importers read it (tests/helpers/cc-importers.ts), from a course with one
 * question of each kind (tests/fixtures/courses/cartridge): Moodle's from
 * the Common Cartridge parts, Canvas's from its own files
 * (`non_cc_assessments/`), which it reads in their place.
 */
const fixture = path.resolve(import.meta.dirname, '../fixtures/courses/cartridge')
const quizFile = 'RES-cartridge-test-quiz/assessment.xml'
const bankFile = 'RES-cartridge-test-question-bank/bank.xml'
const canvasQuizFile = 'non_cc_assessments/RES-cartridge-test-quiz.xml.qti'
const canvasBankFile = 'non_cc_assessments/RES-cartridge-test-bank-terms.xml.qti'
let result: BuildResult
let quiz: string
let canvasQuiz: string

beforeAll(async () => {
  result = await build({ dir: fixture, targets: ['cc'], zip: false })
  quiz = packageText(result, quizFile)
  canvasQuiz = packageText(result, canvasQuizFile)
})

const moodle = (number: number, xml = quiz) => moodleReads(xml).find((question) => question.ident === `RES-cartridge-test-quiz-q${number}`)
const canvas = (number: number, xml = canvasQuiz) => canvasReads(xml).find((question) => question.ident === `RES-cartridge-test-quiz-q${number}`)

describe('the QTI of each question kind', () => {
  it('single choice: cc.multiple_choice and multiple_choice_question, 100 on the right choice, its points, per-choice and general feedback', () => {
    expect(moodle(1)).toEqual({
      ident: 'RES-cartridge-test-quiz-q1',
      qtype: 'multichoice',
      single: true,
      defaultGrade: 2,
      generalFeedback: '<p>The treaty was signed in Moscow.</p> ',
      answers: [
        { text: 'Beijing', fraction: 0, feedback: "<p>No: that is China's capital.</p> " },
        { text: 'Moscow', fraction: 1, feedback: '<p>Yes.</p> ' },
        { text: 'Tokyo', fraction: 0, feedback: '' },
      ],
    })
    expect(canvas(1)).toMatchObject({
      questionType: 'multiple_choice_question',
      points: 2,
      neutralComments: '<p>The treaty was signed in Moscow.</p>',
      answers: [
        { text: 'Beijing', weight: 0, comments: "<p>No: that is China's capital.</p>" },
        { text: 'Moscow', weight: 100, comments: '<p>Yes.</p>' },
        { text: 'Tokyo', weight: 0 },
      ],
    })
  })

  it('points are both points_possible (Canvas) and cc_weighting (Moodle, an integer from 0 to 99)', () => {
    const item = qtiItems(quiz)[0]!
    expect(JSON.stringify(item.itemmetadata)).toContain('"fieldlabel":"points_possible","fieldentry":"2"')
    expect(JSON.stringify(item.itemmetadata)).toContain('"fieldlabel":"cc_weighting","fieldentry":"2"')
  })

  it('a question\'s images are $IMS-CC-FILEBASE$../web_resources/…, with no slash after the token', () => {
    expect(quiz).toContain('src=&quot;$IMS-CC-FILEBASE$../web_resources/assets/images/sketch%20map.svg&quot;')
  })

  it('multiple response: case="Yes" on every test, so that Moodle gives each right choice its share; Canvas weights the right ones', () => {
    expect(moodle(2)).toMatchObject({
      qtype: 'multichoice',
      single: false,
      generalFeedback: '',
      answers: [
        { text: 'Zhou Enlai', fraction: 0.5, feedback: '<p>He signed for China.</p> ' },
        { text: 'Andrei Vyshinsky', fraction: 0.5, feedback: '' },
        { text: 'Mao Zedong', fraction: 0, feedback: '<p>He was there, but did not sign.</p> ' },
      ],
    })
    // Canvas gives no choice of the scoring chain a comment of another: the right choices' feedback is its "correct" comment.
    expect(canvas(2)).toEqual({
      ident: 'RES-cartridge-test-quiz-q2',
      questionType: 'multiple_answers_question',
      points: 1,
      correctComments: '<p>He signed for China.</p>',
      answers: [
        { text: 'Zhou Enlai', weight: 100 },
        { text: 'Andrei Vyshinsky', weight: 100 },
        { text: 'Mao Zedong', weight: 0 },
      ],
    })
  })

  it('true/false: the idents are true and false, the labels True and False', () => {
    expect(moodle(3)).toMatchObject({ qtype: 'truefalse', answers: [{ text: 'True', fraction: 1 }, { text: 'False', fraction: 0 }] })
    expect(canvas(3)).toMatchObject({ questionType: 'true_false_question', answers: [{ text: 'True', weight: 100 }, { text: 'False', weight: 0 }] })
    const labels = (qtiItems(quiz).find((item) => item['@_ident'] === 'RES-cartridge-test-quiz-q3')!.presentation as { response_lid: { render_choice: { response_label: { '@_ident': string }[] } }[] }).response_lid[0]!.render_choice.response_label
    expect(labels.map((label) => label['@_ident'])).toEqual(['true', 'false'])
  })

  it('a GIFT true/false question too, its feedback on the answer it belongs to', () => {
    expect(moodle(13)).toMatchObject({ qtype: 'truefalse', answers: [{ text: 'True', fraction: 1, feedback: '' }, { text: 'False', fraction: 0, feedback: '<p>Yes, in Moscow.</p> ' }] })
  })

  it('fill-in: every accepted answer in one condition scored exactly "100", no wrong answer (Canvas would take it as right)', () => {
    expect(moodle(4)).toEqual({
      ident: 'RES-cartridge-test-quiz-q4',
      qtype: 'shortanswer',
      defaultGrade: 1,
      generalFeedback: '',
      answers: [
        { text: 'Moscow', fraction: 1, feedback: '' },
        { text: 'Moskva', fraction: 1, feedback: '' },
      ],
    })
    expect(canvas(4)).toMatchObject({ questionType: 'short_answer_question', correctComments: '<p>Right.</p>', answers: [{ text: 'Moscow', weight: 100 }, { text: 'Moskva', weight: 100 }] })
  })

  it('numeric with exact answers: a short answer in both, a decimal with a point and with a comma', () => {
    expect(moodle(5)?.answers).toEqual([{ text: '30', fraction: 1, feedback: '' }])
    expect(canvas(5)).toMatchObject({ questionType: 'short_answer_question', answers: [{ text: '30', weight: 100 }] })
    expect(moodle(7)?.answers.map((answer) => answer.text)).toEqual(['1.5', '1,5'])
    expect(canvas(7)?.answers.map((answer) => answer.text)).toEqual(['1.5', '1,5'])
  })

  it('numeric with a tolerance or a range: Canvas\'s numerical question, in Canvas\'s files only', () => {
    expect(moodle(6)).toBeUndefined()
    expect(qtiItems(quiz).map((item) => item['@_ident'])).not.toContain('RES-cartridge-test-quiz-q6')
    expect(canvas(6)).toMatchObject({ questionType: 'numerical_question', answers: [{ weight: 100, start: 290, end: 310 }] })
    expect(canvas(12)).toMatchObject({ questionType: 'numerical_question', answers: [{ weight: 100, start: 4, end: 6 }] })
  })

  it('matching: Canvas\'s layout, each pair a condition that adds, the right-hand idents numbers; in Canvas\'s files only', () => {
    expect(moodle(8)).toBeUndefined()
    expect(quiz).not.toContain('action="Add"')
    expect(canvas(8)).toMatchObject({
      questionType: 'matching_question',
      answers: [
        { text: 'Zhou Enlai', right: 'China' },
        { text: 'Vyshinsky', right: 'USSR' },
      ],
    })
    expect(canvasQuiz).toMatch(/<response_label ident="2001">/)
  })

  it('ordering: an ordered response, which Canvas makes a matching question of; in Canvas\'s files only', () => {
    expect(moodle(9)).toBeUndefined()
    expect(canvas(9)).toMatchObject({
      questionType: 'matching_question',
      answers: [
        { text: '1', right: 'Founding of the PRC' },
        { text: '2', right: 'The treaty' },
      ],
    })
  })

  it('likert: left out', () => {
    expect(qtiItems(quiz).map((item) => item['@_ident'])).not.toContain('RES-cartridge-test-quiz-q10')
    expect(qtiItems(canvasQuiz).map((item) => item['@_ident'])).not.toContain('RES-cartridge-test-quiz-q10')
  })

  it('a GIFT choice worth part of the points is written as wrong, since Moodle takes any score above 0 as right', () => {
    expect(moodle(11)?.answers.map((answer) => answer.fraction)).toEqual([1, 0, 0])
    expect(canvas(11)?.answers.map((answer) => answer.weight)).toEqual([100, 0, 0])
  })

  it('the quiz introduction is Canvas\'s quiz description only: the Common Cartridge parts hold CC-profile questions alone', () => {
    expect(qtiItems(quiz).map((item) => item['@_ident'])).not.toContain('RES-cartridge-test-quiz-intro')
    const meta = packageText(result, 'RES-cartridge-test-quiz/assessment_meta.xml')
    expect(meta).toMatch(/<description>[^<]*\$WIKI_REFERENCE\$\/pages\/first/)
  })

  it('continue="Yes" is on the general feedback alone, which Moodle would otherwise fill with other feedback', () => {
    for (const xml of [quiz, packageText(result, bankFile)]) {
      for (const item of qtiItems(xml)) {
        const conditions = ((item.resprocessing as { respcondition?: { '@_continue'?: string; conditionvar: object; displayfeedback?: { '@_linkrefid': string }[] }[] } | undefined)?.respcondition ?? [])
        for (const condition of conditions.filter((entry) => entry['@_continue'] === 'Yes')) {
          expect(condition.conditionvar).toEqual({ other: '' })
          expect(condition.displayfeedback?.map((display) => display['@_linkrefid'])).toEqual(['general_fb'])
        }
      }
    }
  })

  it('the quiz settings both read: cc_maxattempts, and Examination for a graded quiz', () => {
    expect(quiz).toMatch(/<fieldlabel>cc_maxattempts<\/fieldlabel>\s*<fieldentry>2<\/fieldentry>/)
    expect(quiz).toMatch(/<fieldlabel>qmd_assessmenttype<\/fieldlabel>\s*<fieldentry>Examination<\/fieldentry>/)
    expect(quiz).toContain('<render_choice shuffle="Yes">')
  })

  it('the GIFT bank is an objectbank named by bank_title, which both LMSs read: Moodle\'s with its CC-profile questions, Canvas\'s with all it takes', () => {
    const bank = packageText(result, bankFile)
    expect(bank).toMatch(/<objectbank ident="RES-cartridge-test-question-bank">/)
    expect(bank).toMatch(/<fieldlabel>bank_title<\/fieldlabel>\s*<fieldentry>Terms<\/fieldentry>/)
    expect(moodleReads(bank).map((question) => question.qtype)).toEqual(['multichoice', 'truefalse'])
    const canvasBank = packageText(result, canvasBankFile)
    expect(canvasBank).toMatch(/<fieldlabel>bank_title<\/fieldlabel>\s*<fieldentry>Terms<\/fieldentry>/)
    expect(canvasReads(canvasBank).map((question) => question.questionType)).toEqual(['multiple_choice_question', 'numerical_question', 'true_false_question'])
  })

  it('has its Common Cartridge QTI valid against the CC 1.1 QTI profile, with zero errors', async () => {
    expect(await validateCcQti(quiz)).toEqual({ valid: true, errors: [] })
    expect(await validateCcQti(packageText(result, bankFile), 'bank.xml')).toEqual({ valid: true, errors: [] })
  })
})
