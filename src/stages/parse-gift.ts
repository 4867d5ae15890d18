import path from 'node:path'
import { problem } from '../diagnostics/problem.js'
import type { VFile } from 'vfile'
import type { PageSource, Question, Quiz } from '../model.js'
import { splitGift } from '../questions/gift/gift-chunks.js'
import { parseGiftQuestion } from '../questions/gift/gift-question.js'
import { checkFullCredit } from './course-data.js'
import { humanize } from './load-outline.js'

/**
 * A Moodle GIFT file (`*.gift`) → a graded quiz titled after the file name
 * (`06-review.gift` → "Review"). Questions that cannot be read are errors;
 * essays and descriptions are warnings and are left out, never dropped
 * silently.
 */
export function parseGiftQuiz(source: PageSource): Quiz | undefined {
  const { file } = source
  const questions = parseGiftQuestions(file, 1)
  if (!questions) return undefined
  if (questions.length === 0) {
    problem(file, 'missing-questions', { line: 1, column: 1 }, 'This GIFT file has no questions that can be scored')
    return undefined
  }
  const quiz: Quiz = {
    kind: 'quiz',
    id: source.pathId,
    title: humanize(path.basename(file.path).replace(/\.gift$/i, '')),
    graded: true,
    passingScore: undefined,
    weight: 1,
    attempts: undefined,
    keep: 'best',
    pick: undefined,
    shuffle: false,
    file,
    intro: { type: 'root', children: [] },
    questions,
  }
  checkFullCredit(quiz, file)
  return quiz
}

/**
 * The questions of a GIFT file, numbered from `q<first>`; `undefined` when
 * any of them has an error (the problems are on the file).
 */
export function parseGiftQuestions(file: VFile, first: number): Question[] | undefined {
  const questions: Question[] = []
  const errors = () => file.messages.filter((message) => message.fatal === true).length
  const before = errors()
  for (const chunk of splitGift(String(file.value))) {
    const question = parseGiftQuestion(chunk, `q${first + questions.length}`, file)
    if (question) questions.push(question)
  }
  return errors() > before ? undefined : questions
}
