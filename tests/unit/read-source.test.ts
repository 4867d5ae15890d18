import { execFileSync } from 'node:child_process'
import { mkdir, truncate } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { build } from '../../src/build.js'
import { readSource } from '../../src/fs/read-source.js'
import { maxTextFileBytes, maxTextFileLines } from '../../src/limits.js'
import { makeCourse, reportOf } from '../helpers/course-fixture.js'

describe('readSource', () => {
  it('reports a file it cannot read instead of throwing', async () => {
    const root = await makeCourse({ 'course.yml': 'title: T\n' })
    await mkdir(path.join(root, 'folder.md'))
    const file = await readSource(root, 'folder.md')
    expect(file.messages.map((message) => [message.ruleId, message.reason])).toEqual([['unreadable-file', 'Cannot read this file (EISDIR)']])
    expect(String(file.value)).toBe('')
  })

  it(`refuses a text file larger than ${maxTextFileBytes} bytes before reading it`, async () => {
    const root = await makeCourse({ 'course.yml': 'title: T\n', '01-a.md': '# A\n', '02-big.md': '' })
    // A sparse file: large on paper, nothing written, made at run time rather than committed.
    await truncate(path.join(root, '02-big.md'), maxTextFileBytes + 1)
    const result = await build({ dir: root })
    expect(reportOf(result).split('\n').slice(0, 2)).toEqual([
      `02-big.md:1:1  error  This file has ${maxTextFileBytes + 1} bytes, more than the ${maxTextFileBytes} (1 MiB) that coursepack reads  [file-too-large]`,
      '  Split it into several pages or question banks. Images, audio and video have no such limit.',
    ])
    await truncate(path.join(root, '02-big.md'), 0)
    expect((await readSource(root, '02-big.md')).messages).toEqual([])
  })

  it(`refuses a text file of more than ${maxTextFileLines} lines, which would take long to read however short its lines`, async () => {
    const root = await makeCourse({ 'course.yml': 'title: T\n', '01-a.md': `# A\n\n${'- a\n'.repeat(maxTextFileLines)}` })
    const file = await readSource(root, '01-a.md')
    expect(file.messages.map((message) => [message.ruleId, message.reason])).toEqual([['file-too-large', `This file has ${maxTextFileLines + 3} lines, more than the ${maxTextFileLines} that coursepack reads in one file`]])
    expect(String(file.value)).toBe('')
  })

  it('never opens a FIFO, even when asked to read one', async () => {
    const root = await makeCourse({ 'course.yml': 'title: T\n' })
    execFileSync('mkfifo', [path.join(root, 'pipe.md')])
    const file = await readSource(root, 'pipe.md')
    expect(file.messages.map((message) => [message.ruleId, message.reason])).toEqual([['unreadable-file', 'Cannot read this file (FIFO)']])
  })
})
