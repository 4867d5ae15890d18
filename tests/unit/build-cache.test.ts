import { rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { build, type BuildResult } from '../../src/build.js'
import { BuildCache } from '../../src/cache/build-cache.js'
import { formatReport } from '../../src/diagnostics/report.js'
import { makeCourse } from '../helpers/course-fixture.js'

const svg = '<svg xmlns="http://www.w3.org/2000/svg"/>'

/** What a build gives a learner and an author: every file of the package, byte for byte, and the report. */
function outcome(result: BuildResult, root: string): { files: Record<string, string>; report: string } {
  const files: Record<string, string> = {}
  for (const file of result.packages?.[0]?.files ?? []) files[file.path] = file.data ? Buffer.from(file.data).toString('base64') : `source:${file.source}`
  return { files, report: formatReport(result.files, { cwd: root }) }
}

describe('the build cache', () => {
  it('never serves stale output: after every kind of change, a cached build equals a fresh one', async () => {
    const root = await makeCourse({
      'course.yml': 'title: Cached\n',
      '01-a.md': '# A\n\n![x](images/x.svg) and [B](02-b.md)\n',
      '02-b.md': '# B\n\nText.\n',
      '03-quiz.quiz.md': '---\ntitle: Quiz\nquestions: _banks/bank.gift\n---\n## Own?\n- [x] yes\n- [ ] no\n',
      '_banks/bank.gift': 'Signed in Moscow?{T}\n',
      'images/x.svg': svg,
    })
    const cache = new BuildCache()
    const compare = async (change: string) => {
      const cached = outcome(await build({ dir: root, cache }), root)
      const fresh = outcome(await build({ dir: root }), root)
      expect(cached, change).toEqual(fresh)
    }
    const write = (name: string, text: string) => writeFile(path.join(root, name), text)

    await compare('first build')
    await write('01-a.md', '# A edited\n\n![x](images/x.svg) and [B](02-b.md)\n')
    await compare('a lesson edited')
    await write('02-b.md', '# B renamed\n\nText.\n')
    await compare('a linked page renamed')
    await rm(path.join(root, 'images/x.svg'))
    await compare('an image an unchanged page uses deleted')
    await write('images/x.svg', svg)
    await compare('the image back')
    await write('_banks/bank.gift', 'Signed in Beijing?{F}\n')
    await compare('a question bank edited')
    await write('course.yml', 'title: Cached\nlanguage: es\n')
    await compare('the language changed')
    await write('04-c.md', '# C\n')
    await compare('a lesson added')
    await rm(path.join(root, '02-b.md'))
    await compare('a linked lesson removed')
    await write('01-a.md', '# A\n\n<script>alert(1)</script>\n')
    await compare('a warning appears')
    await write('04-c.md', '# C again\n')
    await compare('a warning stays on an unchanged page')
  })

  it('reuses every page that did not change', async () => {
    const files: Record<string, string> = { 'course.yml': 'title: Many\n' }
    for (let index = 1; index <= 20; index++) files[`${String(index).padStart(2, '0')}-lesson-${index}.md`] = `# Lesson ${index}\n\nText ${index}.\n`
    const root = await makeCourse(files)
    const cache = new BuildCache()
    await build({ dir: root, cache })
    await writeFile(path.join(root, '05-lesson-5.md'), '# Lesson 5\n\nChanged.\n')
    cache.stats.hits = 0
    cache.stats.misses = 0
    await build({ dir: root, cache })
    // One lesson parsed and rendered again (one step for a lesson); the 19 others reused.
    expect(cache.stats).toEqual({ hits: 19, misses: 1 })
  })
})
