import { symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { build } from '../../src/build.js'
import type { OutlineNode } from '../../src/model.js'
import { idFromPath } from '../../src/stages/load-outline.js'
import { buildCourse, makeCourse, packagePaths, problemsOf } from '../helpers/course-fixture.js'

function shape(nodes: readonly OutlineNode[] = []): unknown[] {
  return nodes.map((node) => (node.type === 'page' ? node.page.id : { [node.title]: shape(node.children) }))
}

describe('the outline', () => {
  it('follows the folder tree, ordered by number, folders as modules', async () => {
    const result = await buildCourse({
      'course.yml': 'title: T\n',
      '10-last.md': '# Last',
      '2-second.md': '# Second',
      '1-first.md': '# First',
      '3-module/02-b.md': '# B',
      '3-module/01-a.quiz.md': '# Quiz A\n\n## Q?\n\n- [x] yes\n- [ ] no\n',
      'images/pic.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
    })
    expect(problemsOf(result)).toEqual([])
    expect(shape(result.course?.outline)).toEqual(['first', 'second', { Module: ['module-a', 'module-b'] }, 'last'])
  })

  it('never takes hidden or private files, drafts or a README', async () => {
    const result = await buildCourse({
      'course.yml': 'title: T\n',
      '01-a.md': '# A',
      'README.md': '# About this repository',
      '.env': 'SECRET=1',
      '.git/HEAD': 'ref: refs/heads/main',
      '_drafts/02-b.md': '# Draft',
      '.hidden.md': '# Hidden',
    })
    expect(shape(result.course?.outline)).toEqual(['a'])
    expect(packagePaths(result).filter((name) => /env|git|draft|hidden|README/i.test(name))).toEqual([])
  })

  it('takes the outline from course.yml when it lists one', async () => {
    const result = await buildCourse({
      'course.yml': 'title: T\noutline:\n  - b.md\n  - title: Part one\n    pages: [a.md, folder]\n',
      'a.md': '# A',
      'b.md': '# B',
      'folder/c.md': '# C',
      'unlisted.md': '# Not in the outline',
    })
    expect(problemsOf(result)).toEqual([])
    expect(shape(result.course?.outline)).toEqual(['b', { 'Part one': ['a', { Folder: ['folder-c'] }] }])
  })

  it('reports outline entries that do not exist or leave the course, at their line', async () => {
    const result = await buildCourse({
      'course.yml': 'title: T\noutline:\n  - a.md\n  - missing.md\n  - ../outside.md\n  - notes.txt\n',
      'a.md': '# A',
      'notes.txt': 'x',
    })
    expect(problemsOf(result)).toEqual([
      'course.yml:4:5 missing-outline-entry',
      'course.yml:5:5 missing-outline-entry',
      'course.yml:6:5 unsupported-page-file',
    ])
  })

  it('reports a course without pages', async () => {
    const result = await buildCourse({ 'course.yml': 'title: T\n', 'images/a.png': 'x' })
    expect(problemsOf(result)).toEqual(['course.yml:1:1 empty-course'])
  })

  it('reports two pages with the same id', async () => {
    const result = await buildCourse({ 'course.yml': 'title: T\n', '01-intro.md': '# A', '02-intro.md': '# B' })
    expect(problemsOf(result)).toEqual(['02-intro.md:1:1 duplicate-page-id'])
  })

  it('reports a link in the course folder that points outside it', async () => {
    const root = await makeCourse({ 'course.yml': 'title: T\n', '01-a.md': '# A' })
    const outside = path.join(tmpdir(), `coursepack-outside-${process.pid}.md`)
    await writeFile(outside, '# Secret')
    await symlink(outside, path.join(root, '02-linked.md'))
    const result = await build({ dir: root })
    expect(problemsOf(result)).toEqual(['course.yml:1:1 reference-outside-course'])
  })

  it('takes GIFT files as quizzes', async () => {
    const result = await buildCourse({ 'course.yml': 'title: T\n', '01-a.md': '# A', '02-bank.gift': '::Q:: 1+1 {=2}' })
    expect(problemsOf(result)).toEqual([])
    expect(result.course?.pages.map((page) => page.kind)).toEqual(['lesson', 'quiz'])
  })
})

describe('idFromPath', () => {
  it('drops order prefixes and extensions and joins folders', () => {
    expect(idFromPath('04-from-alliance-to-split/01-cracks.md')).toBe('from-alliance-to-split-cracks')
    expect(idFromPath('03-check.quiz.md')).toBe('check')
    expect(idFromPath('1950.md')).toBe('1950')
    expect(idFromPath('中文.md')).toBe('page')
  })
})
