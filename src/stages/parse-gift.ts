import path from 'node:path'
import type { Node } from 'unist'
import { reportLibraryFailure } from '../diagnostics/library-failure.js'
import { problem } from '../diagnostics/problem.js'
import type { VFile } from 'vfile'
import { checkNesting } from '../markdown/check-nesting.js'
import { guardMarkdown, MarkdownRefused, reportRefused, type Spent } from '../markdown/guard-markdown.js'
import type { Choice, PageSource, Question, Quiz } from '../model.js'
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
 * any of them has an error (the problems are on the file). GIFT text may be
 * Markdown (`[markdown]`), so the file is measured as Markdown first.
 */
export function parseGiftQuestions(file: VFile, first: number): Question[] | undefined {
  const questions: Question[] = []
  const errors = () => file.messages.filter((message) => message.fatal === true).length
  const before = errors()
  if (!guardMarkdown(file, String(file.value), { frontmatter: false })) return undefined
  // The `[markdown]` pieces of all its questions share one budget.
  const spent: Spent = { markup: 0, containers: 0 }
  for (const chunk of splitGift(String(file.value))) {
    let question: Question | undefined
    try {
      question = parseGiftQuestion(chunk, `q${first + questions.length}`, file, spent)
    } catch (error) {
      if (error instanceof MarkdownRefused) reportRefused(file, error.found, chunk.pointAt(0))
      else reportLibraryFailure(file, error, 'read')
      return undefined
    }
    // Its Markdown and HTML were parsed from pieces of the question: report at the question.
    if (question && checkNesting(questionContent(question), file, { place: question.position?.start })) questions.push(question)
  }
  return errors() > before ? undefined : questions
}

/** Every piece of content of a question: prompt, body, feedback, choices, answers, pairs. */
function* questionContent(question: Question): Generator<Node> {
  yield* question.prompt
  yield* question.body
  yield* question.feedback
  const options = 'choices' in question ? question.choices : 'items' in question ? question.items : 'sources' in question ? [...question.sources, ...question.targets] : []
  for (const option of options) {
    yield* option.content
    if ('feedback' in option) yield* (option as Choice).feedback
  }
  if ('answers' in question) for (const answer of question.answers) yield* answer.feedback
}
