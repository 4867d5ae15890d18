import { describe, expect, it } from 'vitest'
import { setupCard } from '../../src/stages/setup-card.js'
import { targets } from '../../src/targets/index.js'
import { buildCourse } from '../helpers/course-fixture.js'

describe('the setup card', () => {
  it('names the pass mark, the graded quizzes and their share, and the LMS settings', async () => {
    const result = await buildCourse({
      'course.yml': 'title: Treaty\npassingScore: 60\n',
      '01-a.quiz.md': '---\ntitle: Midterm\nweight: 1\nattempts: 2\n---\n## Q\n- [x] a\n- [ ] b\n',
      '02-b.quiz.md': '---\ntitle: Final\nweight: 3\nkeep: last\n---\n## Q\n- [x] a\n- [ ] b\n',
      '03-c.quiz.md': '---\ntitle: Warm-up\ngraded: false\n---\n## Q\n- [x] a\n- [ ] b\n',
    })
    const course = result.course!
    const card = setupCard(course, [targets.scorm12].map((target) => ({ label: target.label, fileName: target.fileName(course), section: target.setupCard(course, target.fileName(course)) })))
    expect(card).toContain('Package: `treaty-1.0-scorm12.zip`, SCORM 1.2.')
    expect(card).toContain('  - Midterm: 25% of the course score, 1 question, 2 attempts, the best attempt counts')
    expect(card).toContain('  - Final: 75% of the course score, 1 question, unlimited attempts, the last attempt counts')
    expect(card).toContain('`passed` at 60% or more, else `failed`')
    expect(card).toContain('## SCORM 1.2: `treaty-1.0-scorm12.zip`')
    expect(card).toContain('Knowledge checks that count for nothing: Warm-up.')
    expect(card).toContain('grading method **Highest grade**; maximum grade **100**')
  })

  it('says there is no score when nothing is graded', async () => {
    const result = await buildCourse({ 'course.yml': 'title: T\n', '01-a.md': '# A' })
    expect(setupCard(result.course!, [])).toContain('the package reports **no score**')
  })
})
