import { execFileSync } from 'node:child_process'
import { mkdir, symlink, writeFile } from 'node:fs/promises'
import { createServer } from 'node:net'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { build } from '../../src/build.js'
import { maxModuleNesting } from '../../src/limits.js'
import type { OutlineNode } from '../../src/model.js'
import { makeCourse, reportOf } from '../helpers/course-fixture.js'

function shape(nodes: readonly OutlineNode[] = []): unknown[] {
  return nodes.map((node) => (node.type === 'page' ? node.page.id : { [node.title]: shape(node.children) }))
}

/**
 * Symbolic links and special files cannot be committed as fixtures on every
 * system, so these courses are made at run time (issue #11).
 */
describe('walking the course folder', () => {
  it('follows a symbolic link to a folder inside the course once', async () => {
    const root = await makeCourse({ 'course.yml': 'title: T\n', '01-a.md': '# A', '_shared/01-common.md': '# Common' })
    await symlink('_shared', path.join(root, '02-shared'))
    const result = await build({ dir: root })
    expect(reportOf(result)).toBe('')
    expect(shape(result.course?.outline)).toEqual(['a', { Shared: ['shared-common'] }])
  })

  it('warns about a link loop, naming it, instead of walking it level after level', async () => {
    const root = await makeCourse({ 'course.yml': 'title: T\n', '01-a.md': '# A', '02-part/01-b.md': '# B' })
    await symlink('..', path.join(root, '02-part', 'again'))
    await symlink('.', path.join(root, '02-part', 'self'))
    const result = await build({ dir: root })
    expect(reportOf(result).split('\n')).toEqual([
      'course.yml:1:1  warning  `02-part/again` is a link to the course folder, which holds it: a loop, not followed  [link-loop]',
      '  Remove the link, or make it point to a folder that is not already part of the course.',
      'course.yml:1:1  warning  `02-part/self` is a link to `02-part`, which holds it: a loop, not followed  [link-loop]',
      '  Remove the link, or make it point to a folder that is not already part of the course.',
      '',
      '2 warnings',
    ])
    expect(result.ok).toBe(true)
    expect(shape(result.course?.outline)).toEqual(['a', { Part: ['part-b'] }])
  })

  it('reads a folder that two links lead to once, and says so', async () => {
    const root = await makeCourse({ 'course.yml': 'title: T\n', '01-common/01-a.md': '# A' })
    await symlink('01-common', path.join(root, '02-again'))
    const result = await build({ dir: root })
    expect(reportOf(result)).toContain('`02-again` leads to the same folder as `01-common`, which is already in the course: it is not read again  [link-loop]')
    expect(shape(result.course?.outline)).toEqual([{ Common: ['common-a'] }])
  })

  it('skips FIFOs and sockets with a warning and never opens them', async () => {
    const root = await makeCourse({ 'course.yml': 'title: T\nassets: [media/]\n', '01-a.md': '# A\n\n[the pipe](media/pipe)\n', 'media/clip.mp4': 'x' })
    // Opening a FIFO for reading waits for a writer: had the build opened it, this test would hang.
    execFileSync('mkfifo', [path.join(root, '02-pipe.md')])
    execFileSync('mkfifo', [path.join(root, 'media', 'pipe')])
    const server = createServer()
    await new Promise<void>((resolve) => server.listen(path.join(root, '03-socket.md'), resolve))
    try {
      const result = await build({ dir: root })
      expect(reportOf(result).split('\n')).toEqual([
        '01-a.md:3:1  error  `media/pipe` is a FIFO, socket or device, not a file  [missing-file]',
        '  Paths are relative to this file, and the case of each letter counts.',
        'course.yml:1:1  warning  `02-pipe.md` is a FIFO, not a file: it is skipped  [special-file]',
        '  Remove it from the course folder: only regular files can go into a package.',
        'course.yml:1:1  warning  `03-socket.md` is a socket, not a file: it is skipped  [special-file]',
        '  Remove it from the course folder: only regular files can go into a package.',
        'course.yml:1:1  warning  `media/pipe` is a FIFO, not a file: it is skipped  [special-file]',
        '  Remove it from the course folder: only regular files can go into a package.',
        '',
        '1 error, 3 warnings',
      ])
    } finally {
      server.close()
    }
  })

  it('refuses an outline entry that is a FIFO, and a GIFT bank that is one', async () => {
    const root = await makeCourse({ 'course.yml': 'title: T\noutline: [01-a.quiz.md, 02-pipe.md]\n', '01-a.quiz.md': '---\ntitle: Q\nquestions: _banks/pipe.gift\n---\n' })
    await mkdir(path.join(root, '_banks'))
    execFileSync('mkfifo', [path.join(root, '02-pipe.md')])
    execFileSync('mkfifo', [path.join(root, '_banks', 'pipe.gift')])
    const report = reportOf(await build({ dir: root }))
    expect(report).toContain('course.yml:2:25  warning  `02-pipe.md` is a FIFO, socket or device, not a page: it is skipped  [special-file]')
    expect(report).toContain('01-a.quiz.md:3:12  error  The question bank `_banks/pipe.gift` is a FIFO, socket or device, not a file  [missing-file]')
  })

  it(`refuses modules nested deeper than ${maxModuleNesting}, in folders or in the outline`, async () => {
    const deep = Array.from({ length: maxModuleNesting + 1 }, (_, level) => `m${level}`).join('/')
    const folders = await build({ dir: await makeCourse({ 'course.yml': 'title: T\n', '01-a.md': '# A', [`${deep}/01-b.md`]: '# B' }) })
    expect(reportOf(folders)).toContain(`course.yml:1:1  error  \`${deep}\` is a module ${maxModuleNesting + 1} levels deep; coursepack reads at most ${maxModuleNesting} levels of modules  [nesting-too-deep]`)
    // Each module of the outline is two levels of YAML, so YAML's own limit comes first; a listed folder adds its own levels.
    let outline = '[deep]'
    for (let level = 0; level < maxModuleNesting - 1; level++) outline = `[{title: M${level}, pages: ${outline}}]`
    const listed = await build({ dir: await makeCourse({ 'course.yml': `title: T\noutline: ${outline}\n`, 'deep/a/01-b.md': '# B' }) })
    expect(reportOf(listed)).toMatch(/^course\.yml:2:\d+ {2}error {2}`deep\/a` is a module 17 levels deep; coursepack reads at most 16 levels of modules {2}\[nesting-too-deep\]/)
  })

  it('reports a folder it cannot list instead of crashing', async () => {
    const root = await makeCourse({ 'course.yml': 'title: T\n', '01-a.md': '# A' })
    // A dangling link to a folder-like name is skipped; a file where a folder is expected cannot be listed.
    await writeFile(path.join(root, '02-folder'), 'not a folder')
    const { listFolder } = await import('../../src/fs/course-folder.js')
    expect((await listFolder(root, '02-folder')).unreadable).toBe('ENOTDIR')
  })
})
