import path from 'node:path'
import { VFile } from 'vfile'
import { describe, expect, it } from 'vitest'
import { problem } from '../../src/diagnostics/problem.js'
import { formatGithub } from '../../src/diagnostics/report.js'

const cwd = path.resolve('/repo')

function fileAt(name: string): VFile {
  return new VFile({ path: path.join(cwd, name), cwd })
}

describe('formatGithub', () => {
  it('prints one workflow command per problem: errors, warnings and notes at file, line and column, titled with the rule', () => {
    const page = fileAt('course/01-a.md')
    problem(page, 'missing-file', { start: { line: 3, column: 1 }, end: { line: 3, column: 15 } }, 'There is no file `gone.png`', { hint: 'Paths are relative to this file.' })
    problem(page, 'unsafe-html-removed', { line: 5, column: 2 }, 'Removed `<script>`', { hint: 'Set `html: trusted`.' })
    const config = fileAt('course/course.yml')
    problem(config, 'gift-category', null, 'A `$CATEGORY:` line')

    expect(formatGithub([page, config], { cwd }).split('\n')).toEqual([
      '::error file=course/01-a.md,line=3,col=1,endLine=3,endColumn=15,title=missing-file::There is no file `gone.png`%0APaths are relative to this file.',
      '::warning file=course/01-a.md,line=5,col=2,title=unsafe-html-removed::Removed `<script>`%0ASet `html: trusted`.',
      '::notice file=course/course.yml,line=1,col=1,title=gift-category::A `$CATEGORY:` line',
    ])
  })

  it('escapes % and line breaks in the message, and : and , too in properties, as GitHub reads them', () => {
    const page = fileAt('course/a,b: c%d.md')
    problem(page, 'missing-file', { line: 1, column: 1 }, '50% done\r\nnext: line, more', { hint: 'a%0Ab' })
    expect(formatGithub([page], { cwd })).toBe(
      '::error file=course/a%2Cb%3A c%25d.md,line=1,col=1,title=missing-file::50%25 done%0D%0Anext: line, more%0Aa%250Ab',
    )
  })

  it('prints nothing for files without problems', () => {
    expect(formatGithub([fileAt('course/01-a.md')], { cwd })).toBe('')
  })
})
