import { mkdir } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { readSource } from '../../src/fs/read-source.js'
import { makeCourse } from '../helpers/course-fixture.js'

describe('readSource', () => {
  it('reports a file it cannot read instead of throwing', async () => {
    const root = await makeCourse({ 'course.yml': 'title: T\n' })
    await mkdir(path.join(root, 'folder.md'))
    const file = await readSource(root, 'folder.md')
    expect(file.messages.map((message) => [message.ruleId, message.reason])).toEqual([['unreadable-file', 'Cannot read this file (EISDIR)']])
    expect(String(file.value)).toBe('')
  })
})
