import { describe, expect, it } from 'vitest'
import { buildCourse, problemsOf, reportOf } from '../helpers/course-fixture.js'

function bigQuiz(questions: number, choices: number): string {
  const choiceLines = Array.from({ length: choices }, (_, index) => `- [${index < 2 ? 'x' : ' '}] choice ${index}`).join('\n')
  return `# Big quiz\n\n${Array.from({ length: questions }, (_, index) => `## Question ${index}\n${choiceLines}\n`).join('\n')}`
}

describe('the saved-state budget', () => {
  it('refuses a course whose state could pass 4096 characters', async () => {
    const result = await buildCourse({ 'course.yml': 'title: T\n', '01-quiz.quiz.md': bigQuiz(120, 36) })
    expect(problemsOf(result)).toEqual(['course.yml:1:1 state-too-large'])
    expect(reportOf(result)).toMatch(/A learner's saved state could reach \d{4} characters, more than the 4096 that SCORM 1.2 allows/)
    expect(result.zip).toBeUndefined()
  })

  it('accepts a large course that stays within it', async () => {
    const result = await buildCourse({ 'course.yml': 'title: T\n', '01-quiz.quiz.md': bigQuiz(100, 30) })
    expect(problemsOf(result)).toEqual([])
  })
})
