import { mkdir, open, readdir } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { build } from '../../src/build.js'
import { makeCourse, reportOf } from '../helpers/course-fixture.js'

describe('a package past what a zip holds', () => {
  it('is an error on course.yml, found before writing, and no package is written', async () => {
    const root = await makeCourse({
      'course.yml': 'title: Long videos\nassets:\n  - media/\n',
      '01-intro.md': '# Intro\n\nThe lectures are in the package.\n',
    })
    // Sparse files: 5 GiB as stat sees them, nothing on the disk.
    await mkdir(path.join(root, 'media'))
    for (const name of ['lecture-1.mp4', 'lecture-2.mp4']) {
      const handle = await open(path.join(root, 'media', name), 'w')
      await handle.truncate(2.5 * 2 ** 30)
      await handle.close()
    }
    const out = path.join(root, 'dist')
    const result = await build({ dir: root, out })
    expect(result.ok).toBe(false)
    expect(reportOf(result)).toMatch(/^course\.yml:1:1 +error +The SCORM 1\.2 package would hold \d+ files and 5\.0 GiB, more than a zip holds \(65,535 files, 4 GiB\) +\[package-too-large\]/)
    expect(await readdir(out).catch(() => [])).toEqual([])
  })
})
