import { VFile } from 'vfile'
import { describe, expect, it } from 'vitest'
import type { PageSource } from '../../src/model.js'
import { pageIdBeforeParsing } from '../../src/stages/page-ids.js'
import { parseLesson } from '../../src/stages/parse-lesson.js'

const source = (text: string): PageSource => ({ type: 'page', format: 'lesson', pathId: 'from-path', file: new VFile({ path: '/course/01-a.md', value: text }) })

/**
 * The id a lesson is given before it is parsed (its frontmatter read alone)
 * must be the one its parse gives: links to it are made with the first.
 */
describe('a lesson\'s id before it is parsed', () => {
  const cases = [
    '# Title\n\nNo frontmatter.\n',
    '---\ntitle: T\nid: my-id\n---\n\nText.\n',
    '---\r\ntitle: T\r\nid: crlf-id\r\n---\r\n\r\nText.\r\n',
    '---   \ntitle: T\nid: spaced-fence\n---  \nText.\n',
    '---\ntitle: T\n---\n\n---\nid: not-frontmatter\n---\n',
    '---\ntitle: T\nid: "quoted-id"\n---\n',
    '---\ntitle: T\nid: 42\n---\n',
    '----\ntitle: T\nid: four-dashes\n----\n# Heading\n',
    '---\ntitle: T\nid: unclosed\n\n# Heading\n',
    '---\ntitle: T\nobjectives:\n  - one\n  - two\nid: after-a-list\nduration: 5\n---\nBody\n',
    '---\ntitle: T\nid: x\n---',
    '\n---\ntitle: T\nid: blank-line-first\n---\n',
  ]
  it.each(cases)('%j', (text) => {
    const parsed = parseLesson(source(text))
    if (parsed) expect(pageIdBeforeParsing(source(text))).toBe(parsed.id)
  })

  it('reads the frontmatter id, and falls back to the path', () => {
    expect(pageIdBeforeParsing(source('---\ntitle: T\nid: my-id\n---\n'))).toBe('my-id')
    expect(pageIdBeforeParsing(source('# T\n'))).toBe('from-path')
    expect(pageIdBeforeParsing(source('---\ntitle: T\nid: "not valid!"\n---\n'))).toBe('from-path')
  })
})
