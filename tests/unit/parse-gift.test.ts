import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { toString } from 'mdast-util-to-string'
import { describe, expect, it } from 'vitest'
import type { Question, Quiz } from '../../src/model.js'
import { buildCourse, problemsOf, reportOf } from '../helpers/course-fixture.js'

const fixtures = path.resolve(import.meta.dirname, '../fixtures/gift')
const fixture = (name: string) => readFile(path.join(fixtures, name), 'utf8')

function summary(question: Question): unknown {
  const prompt = question.prompt.map((node) => toString(node)).join('')
  switch (question.kind) {
    case 'single-choice':
    case 'multiple-response':
    case 'true-false':
      return [question.kind, prompt, question.choices.map((choice) => `${toString({ type: 'paragraph', children: [...choice.content] })}=${choice.weight}`)]
    case 'fill-in':
      return [question.kind, prompt, question.answers.map((answer) => `${answer.value}=${answer.weight}`)]
    case 'numeric':
      return [question.kind, prompt, question.answers.map((answer) => `${answer.value.min}..${answer.value.max}=${answer.weight}`)]
    case 'matching':
      return [question.kind, prompt, Object.entries(question.pairs).map(([source, target]) => `${source}.${target}`)]
    default:
      return [question.kind, prompt]
  }
}

describe('GIFT files', () => {
  it('read every construct of Moodle\'s GIFT documentation', async () => {
    const result = await buildCourse({ 'course.yml': 'title: T\n', '01-bank.gift': await fixture('constructs.gift') })
    expect(problemsOf(result)).toEqual([
      '01-bank.gift:2:1 gift-category',
      '01-bank.gift:64:1 unsupported-gift-question',
      '01-bank.gift:66:1 unsupported-gift-question',
    ])
    expect(result.ok).toBe(true)
    const quiz = result.course?.pages[0] as Quiz
    expect(quiz.title).toBe('Bank')
    expect(quiz.questions.map(summary)).toEqual([
      ['single-choice', 'When was the treaty signed?', ['1 October 1949=0', '14 February 1950=1', '25 June 1950=0']],
      ['multiple-response', 'Which came with the treaty?', ['A US$300 million credit=0.5', 'The return of the Changchun Railway=0.5', 'A Soviet base in Shanghai=-1']],
      ['single-choice', 'Who signed for the USSR?', ['Andrei Vyshinsky=1', 'A Soviet minister=0.5', 'Mao Zedong=0']],
      ['true-false', 'The treaty was signed in Moscow.', ['True=1', 'False=0']],
      ['true-false', 'The treaty was signed in Beijing.', ['True=0', 'False=1']],
      ['true-false', 'The treaty ran for 30 years.', ['True=1', 'False=0']],
      ['true-false', 'The Korean War began before the treaty.', ['True=0', 'False=1']],
      ['fill-in', 'In which city was it signed?', ['Moscow=1', 'Moskva=1', 'Russia=0.5']],
      ['numeric', 'In which year was the treaty signed?', ['1950..1950=1']],
      ['numeric', 'In which year did Mao reach Moscow?', ['1948..1950=1']],
      ['numeric', 'Give a year of the 1950s.', ['1950..1959=1']],
      ['numeric', 'In which year did the treaty lapse?', ['1980..1980=1', '1978..1982=0.5']],
      ['matching', 'Match each person with their part.', ['1.a', '2.b', '3.c']],
      ['single-choice', 'The treaty was signed in _____ in February 1950.', ['Moscow=1', 'Beijing=0', 'Shanghai=0']],
      ['single-choice', 'What does the symbol = mean in GIFT?', ['It marks a right answer {like this}=1', 'A comment: nothing=0']],
      ['single-choice', 'Which is <em>bold</em>?', ['<b>this</b>=1', 'this=0']],
      ['true-false', 'Is 2 # 3 a hash?', ['True=1', 'False=0']],
    ])
    const first = quiz.questions[0]
    expect(first?.feedback.map((node) => toString(node))).toEqual(['It was signed in Moscow.'])
    expect(first?.kind === 'single-choice' && first.choices.map((choice) => choice.feedback.map((node) => toString(node)).join(''))).toEqual([
      'That is when the PRC was founded.',
      'Right.',
      '',
    ])
    const beijing = quiz.questions[4]
    expect(beijing?.kind === 'true-false' && beijing.choices.map((choice) => choice.feedback.map((node) => toString(node)).join(''))).toEqual([
      'No: in Moscow.',
      'Right: it was Moscow.',
    ])
  })

  it('report what they cannot read, at its line', async () => {
    const result = await buildCourse({ 'course.yml': 'title: T\n', '01-bank.gift': await fixture('broken.gift') })
    expect(problemsOf(result)).toEqual(['01-bank.gift:2:17 invalid-gift', '01-bank.gift:4:12 invalid-gift', '01-bank.gift:6:12 invalid-gift'])
    expect(reportOf(result)).toContain('This `{` is never closed')
  })

  it('join a quiz through its `questions:` frontmatter, numbered after its own', async () => {
    const result = await buildCourse({
      'course.yml': 'title: T\n',
      '01-quiz.quiz.md': '---\ntitle: Practice\ngraded: false\nquestions: _banks/bank.gift\n---\n## Own question\n- [x] yes\n- [ ] no\n',
      '_banks/bank.gift': 'Two plus two?{=4 =four}\n\nSigned in Moscow?{T}\n',
    })
    expect(problemsOf(result)).toEqual([])
    const quiz = result.course?.pages[0] as Quiz
    expect(quiz.questions.map((question) => [question.id, question.kind])).toEqual([
      ['q1', 'single-choice'],
      ['q2', 'fill-in'],
      ['q3', 'true-false'],
    ])
    const missing = await buildCourse({ 'course.yml': 'title: T\n', '01-quiz.quiz.md': '---\ntitle: P\nquestions: [nope.gift]\n---\n' })
    expect(problemsOf(missing)).toEqual(['01-quiz.quiz.md:3:13 missing-file'])
  })
})
