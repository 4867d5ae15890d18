import type { Point } from 'unist'
import type { VFile } from 'vfile'
import { quizFrontmatterSchema } from '../config/page-schemas.js'
import { problem } from '../diagnostics/problem.js'
import type { PageSource, Question, QuestionBank, Quiz } from '../model.js'
import { parseQuestion } from '../questions/parse-question.js'
import { splitQuestions } from '../questions/question-section.js'
import { checkFullCredit } from './course-data.js'
import { parseGiftQuestions } from './parse-gift.js'
import { parsePageHead } from './page-head.js'

/** Reads a question bank a quiz names, reporting on the quiz at `place` when it cannot. */
export type BankReader = (quizFile: VFile, relativePath: string, place: Point) => Promise<VFile | undefined>

/**
 * A `*.quiz.md` file → its settings, introduction and questions, with the
 * questions of the GIFT banks its `questions:` names. Problems go on the files.
 */
export async function parseQuiz(source: PageSource, readBank: BankReader): Promise<Quiz | undefined> {
  const { file } = source
  const head = parsePageHead(file, quizFrontmatterSchema, 'question file')
  if (!head) return undefined
  const { tree, frontmatter, title, locate } = head

  const { intro, sections } = splitQuestions(tree.children)
  if (sections.length === 0 && !frontmatter.questions) {
    problem(file, 'missing-questions', { line: 1, column: 1 }, 'This question file has no questions')
    return undefined
  }
  const questions = sections.map((section) => parseQuestion(section, file))
  const banks = frontmatter.questions === undefined ? [] : [frontmatter.questions].flat()
  const included: QuestionBank[] = []
  for (const [index, bank] of banks.entries()) {
    const place = locate(Array.isArray(frontmatter.questions) ? ['questions', index] : ['questions'])
    const bankFile = await readBank(file, bank, place)
    if (!bankFile) return undefined
    const fromBank = parseGiftQuestions(bankFile, questions.length + 1) ?? [undefined]
    included.push({ file: bankFile, questionIds: fromBank.flatMap((question) => (question ? [question.id] : [])) })
    questions.push(...fromBank)
  }
  if (questions.some((question) => question === undefined)) return undefined

  const quiz: Quiz = {
    kind: 'quiz',
    id: frontmatter.id ?? source.pathId,
    title,
    graded: frontmatter.graded,
    passingScore: frontmatter.passingScore,
    weight: frontmatter.weight,
    attempts: frontmatter.attempts,
    keep: frontmatter.keep,
    pick: frontmatter.pick,
    shuffle: frontmatter.shuffle,
    file,
    intro: { type: 'root', children: intro },
    questions: questions as Question[],
    ...(included.length > 0 ? { banks: included } : {}),
  }
  checkFullCredit(quiz, file)
  return quiz
}
