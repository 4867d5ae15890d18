import { describe, expect, it } from 'vitest'
import { build } from '../../src/build.js'
import { buildCourse, makeCourse, packageOf, problemsOf, reportOf } from '../helpers/course-fixture.js'

function bigQuiz(questions: number, choices: number): string {
  const choiceLines = Array.from({ length: choices }, (_, index) => `- [${index < 2 ? 'x' : ' '}] choice ${index}`).join('\n')
  return `# Big quiz\n\n${Array.from({ length: questions }, (_, index) => `## Question ${index}\n${choiceLines}\n`).join('\n')}`
}

/** `count` quizzes of `questions` questions with four choices each. */
function manyQuizzes(count: number, questions: number): Record<string, string> {
  const files: Record<string, string> = { 'course.yml': 'title: T\n' }
  for (let index = 0; index < count; index++) files[`q${String(index).padStart(3, '0')}.quiz.md`] = bigQuiz(questions, 4)
  return files
}

describe('the saved-state budget', () => {
  it('keeps the answers when they fit, for both targets', async () => {
    const result = await build({ dir: await makeCourse({ 'course.yml': 'title: T\n', '01-quiz.quiz.md': bigQuiz(100, 30) }), targets: ['scorm12', 'scorm2004'] })
    expect(problemsOf(result)).toEqual([])
  })

  it('SCORM 1.2: keeps scores without the answers when the answers could pass 4096 characters, and says so once', async () => {
    const result = await buildCourse({ 'course.yml': 'title: T\n', '01-quiz.quiz.md': bigQuiz(120, 36) })
    expect(problemsOf(result)).toEqual(['course.yml:1:1 compact-state'])
    expect(reportOf(result)).toMatch(/with their answers could reach \d{4} characters, more than the 4096 that SCORM 1.2 allows/)
    expect(packageOf(result)?.zip).toBeDefined()
  })

  it('a course of 200 quizzes × 10 questions builds for both targets, with the answers in SCORM 2004', async () => {
    const dir = await makeCourse(manyQuizzes(200, 10))
    const result = await build({ dir, targets: ['scorm12', 'scorm2004'] })
    expect(problemsOf(result)).toEqual(['course.yml:1:1 compact-state'])
    expect(result.packages?.map((built) => built.target)).toEqual(['scorm12', 'scorm2004'])
    const only2004 = await build({ dir, targets: ['scorm2004'] })
    expect(problemsOf(only2004)).toEqual([])
  }, 60_000)

  it('refuses a course whose state could pass the budget even without answers, and points to SCORM 2004', async () => {
    const dir = await makeCourse(manyQuizzes(300, 1))
    const result = await build({ dir, targets: ['scorm12'] })
    expect(problemsOf(result)).toEqual(['course.yml:1:1 state-too-large'])
    expect(reportOf(result)).toContain('Build `--target scorm2004`')
    expect(result.packages).toBeUndefined()
    expect(problemsOf(await build({ dir, targets: ['scorm2004'] }))).toEqual([])
  }, 60_000)
})
