import { describe, expect, it } from 'vitest'
import type { Quiz } from '../../src/model.js'
import { buildCourse, packageText, problemsOf, reportOf } from '../helpers/course-fixture.js'

async function quizFrom(source: string) {
  const result = await buildCourse({ 'course.yml': 'title: T\n', 'quiz.quiz.md': source })
  return { result, quiz: result.course?.pages[0] as Quiz | undefined }
}

describe('question files', () => {
  it('reads single choice, multiple response and true/false questions with feedback', async () => {
    const { result, quiz } = await quizFrom(`---
title: Final quiz
passingScore: 70
weight: 2
attempts: 3
---

Answer every question.

## When was the treaty signed?
- [ ] 1 October 1949
- [x] 14 February 1950
> It was signed in Moscow.

## Who signed it?

Both names appear in the lesson.

- [x] Zhou Enlai
- [x] *Andrei* Vyshinsky
- [ ] Mao Zedong

## It was signed in Beijing.
- [ ] True
- [x] False
`)
    expect(reportOf(result)).toBe('')
    expect(quiz).toMatchObject({ title: 'Final quiz', graded: true, passingScore: 70, weight: 2, attempts: 3, keep: 'best' })
    expect(quiz?.questions.map((q) => [q.id, q.kind, 'choices' in q ? q.choices.map((c) => `${c.id}${'weight' in c && c.weight > 0 ? '+' : '-'}`).join(' ') : ''])).toEqual([
      ['q1', 'single-choice', 'a- b+'],
      ['q2', 'multiple-response', 'a+ b+ c-'],
      ['q3', 'true-false', 'a- b+'],
    ])
    expect(quiz?.questions[0]?.feedback.map((node) => node.type)).toEqual(['paragraph'])
    expect(quiz?.questions[1]?.body.map((node) => node.type)).toEqual(['paragraph'])
    const html = packageText(result, 'pages/quiz.html')
    expect(html).toContain('<legend><span class="cp-question__number">Question 1</span> <span class="cp-question__prompt">When was the treaty signed?</span></legend>')
    expect(html).toContain('<input type="checkbox" name="quiz-q2" id="quiz-q2-b" value="b">')
    expect(html).toContain('<label for="quiz-q2-b"><em>Andrei</em> Vyshinsky</label>')
    expect(html).toContain('<button type="submit" class="cp-button">Submit answers</button>')
  })

  it('knowledge checks are ungraded', async () => {
    const { quiz } = await quizFrom('---\ntitle: Check\ngraded: false\n---\n## Q\n- [x] a\n- [ ] b\n')
    expect(quiz?.graded).toBe(false)
  })

  it('reports a question without choices and one without a correct choice', async () => {
    const { result } = await quizFrom('# Quiz\n\n## No choices here\n\nJust text.\n\n## Nothing right\n- [ ] a\n- [ ] b\n')
    expect(problemsOf(result)).toEqual(['quiz.quiz.md:3:1 missing-answers', 'quiz.quiz.md:8:1 missing-correct-choice'])
    expect(reportOf(result)).toContain('This question has no `[x]` choice  [missing-correct-choice]\n  Mark the correct choice with `[x]`')
  })

  it('reports a file without questions and a quiz without a title', async () => {
    expect(problemsOf((await quizFrom('# Quiz\n\nNo questions.\n')).result)).toEqual(['quiz.quiz.md:1:1 missing-questions'])
    expect(problemsOf((await quizFrom('## Q\n- [x] a\n')).result)).toEqual(['quiz.quiz.md:1:1 missing-title'])
  })

  it('reports content it cannot place, at that content', async () => {
    const { result } = await quizFrom('# Quiz\n\n## Q\n- [x] a\n- b\n\n> Feedback.\n\nA stray paragraph.\n')
    expect(problemsOf(result)).toEqual(['quiz.quiz.md:5:1 unexpected-question-content', 'quiz.quiz.md:9:1 unexpected-question-content'])
  })

  it('reports unknown and invalid frontmatter at its line in the file', async () => {
    const { result } = await quizFrom('---\ntitle: Q\ngraded: perhaps\nshufle: true\n---\n## Q\n- [x] a\n')
    expect(problemsOf(result)).toEqual(['quiz.quiz.md:3:9 invalid-frontmatter', 'quiz.quiz.md:4:1 unknown-frontmatter-key'])
  })

  it('reads the options after a heading in linear time, however many spaces the heading holds (issue 11)', async () => {
    const spaces = ' '.repeat(200_000)
    const started = performance.now()
    const { quiz } = await quizFrom(`# Q\n\n## Which one?${spaces}x {points=2}\n- [x] a\n- [ ] b\n\n## And this one?${spaces}y\n- [x] a\n- [ ] b\n`)
    // The regular expression it replaces took about 15 s on each of these headings; a generous bound, for slow machines.
    expect(performance.now() - started).toBeLessThan(10_000)
    expect(quiz?.questions.map((question) => question.points)).toEqual([2, 1])
  })
})

describe('lessons', () => {
  it('take the title from frontmatter or from a leading # heading', async () => {
    const result = await buildCourse({
      'course.yml': 'title: T\n',
      '01-a.md': '---\ntitle: From frontmatter\nobjectives: One aim\nduration: 5\n---\nText.\n',
      '02-b.md': '# From the heading\n\nText.\n',
    })
    expect(result.course?.pages.map((page) => page.title)).toEqual(['From frontmatter', 'From the heading'])
    expect(result.course?.pages[0]).toMatchObject({ objectives: ['One aim'], duration: '5 min' })
  })

  it('report a lesson without a title', async () => {
    const result = await buildCourse({ 'course.yml': 'title: T\n', '01-a.md': 'Just text.\n' })
    expect(problemsOf(result)).toEqual(['01-a.md:1:1 missing-title'])
  })
})
