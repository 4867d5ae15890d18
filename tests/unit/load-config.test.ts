import { describe, expect, it } from 'vitest'
import { buildCourse, problemsOf, reportOf } from '../helpers/course-fixture.js'

const lesson = { '01-a.md': '# A\n\nText.\n' }

describe('course.yml', () => {
  it('reads the settings and fills the defaults', async () => {
    const result = await buildCourse({ 'course.yml': 'title: History of Modern China\n', ...lesson })
    expect(result.ok).toBe(true)
    expect(result.course?.id).toBe('history-of-modern-china')
    expect(result.course?.config).toMatchObject({ version: '1.0', language: 'en', html: 'sanitize', assets: [] })
  })

  it('keeps a version written as a number as it was written', async () => {
    const result = await buildCourse({ 'course.yml': 'title: T\nversion: 2.10\n', ...lesson })
    expect(result.course?.config.version).toBe('2.10')
  })

  it('reports a missing course.yml', async () => {
    const result = await buildCourse(lesson)
    expect(result.ok).toBe(false)
    expect(problemsOf(result)).toEqual(['course.yml:1:1 missing-config'])
  })

  it('reports malformed YAML at its line', async () => {
    const result = await buildCourse({ 'course.yml': 'title: T\nauthor: [unclosed\n', ...lesson })
    expect(problemsOf(result)[0]).toMatch(/^course\.yml:\d+:\d+ invalid-yaml$/)
  })

  it('reports an unknown key with a did-you-mean hint at the key', async () => {
    const result = await buildCourse({ 'course.yml': 'title: T\npasingScore: 80\n', ...lesson })
    expect(problemsOf(result)).toEqual(['course.yml:2:1 unknown-config-key'])
    expect(reportOf(result)).toContain('Unknown key `pasingScore` in the course.yml  [unknown-config-key]\n  Did you mean `passingScore`?')
  })

  it('reports a missing title and a passing score out of range, together', async () => {
    const result = await buildCourse({ 'course.yml': 'author: Me\npassingScore: 120\n', ...lesson })
    expect(problemsOf(result)).toEqual(['course.yml:1:1 invalid-config', 'course.yml:2:15 invalid-config'])
    expect(reportOf(result)).toContain('Unexpected `120` for `passingScore`, expected a number up to 100')
    expect(reportOf(result)).toContain('Missing `title` in the course.yml')
  })

  it('rejects a language that is not a BCP 47 tag', async () => {
    const result = await buildCourse({ 'course.yml': 'title: T\nlanguage: english!\n', ...lesson })
    expect(problemsOf(result)).toEqual(['course.yml:2:11 invalid-config'])
  })

  it('asks for an id when the title gives no slug', async () => {
    const result = await buildCourse({ 'course.yml': 'title: 中苏友好同盟互助条约\n', ...lesson })
    expect(problemsOf(result)).toEqual(['course.yml:1:8 invalid-course-id'])
    const fixed = await buildCourse({ 'course.yml': 'title: 中苏友好同盟互助条约\nid: treaty-1950\n', ...lesson })
    expect(fixed.ok).toBe(true)
  })

  it('reads a file with a byte-order mark and CRLF line ends', async () => {
    const result = await buildCourse({ 'course.yml': '\uFEFFtitle: T\r\nversion: "3"\r\n', '01-a.md': '\uFEFF---\r\ntitle: A\r\n---\r\n\r\nText.\r\n' })
    expect(reportOf(result)).toBe('')
    expect(result.course?.config.version).toBe('3')
    expect(result.course?.pages[0]?.title).toBe('A')
  })

  it('reports a file that is not UTF-8', async () => {
    const result = await buildCourse({ 'course.yml': 'title: T\n', '01-a.md': new Uint8Array([0x23, 0x20, 0xe9, 0x74, 0xe9, 0x0a]) })
    expect(problemsOf(result)).toContain('01-a.md:1:1 invalid-encoding')
  })
})
