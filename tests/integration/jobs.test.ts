import { readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { build } from '../../src/build.js'
import { targetNames } from '../../src/config/target-names.js'
import { makeCourse, reportOf } from '../helpers/course-fixture.js'

/** Sixty lessons that link to each other and to images, and a quiz: enough for each thread to build some. */
function course(): Record<string, string> {
  const files: Record<string, string> = { 'course.yml': 'title: Many lessons\npassingScore: 50\n', 'images/a.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>' }
  for (let index = 1; index <= 60; index++) {
    const number = String(index).padStart(2, '0')
    const next = String((index % 60) + 1).padStart(2, '0')
    const id = index % 7 === 0 ? `---\nid: custom-${index}\ntitle: Lesson ${index}\n---\n` : `# Lesson ${index}\n`
    files[`${number}-lesson-${index}.md`] = `${id}\nSee [the next lesson](${next}-lesson-${(index % 60) + 1}.md), **bold** and \`code\`.\n\n![A figure](images/a.svg)\n\n\`\`\`js\nconst year = 1950\n\`\`\`\n`
  }
  files['61-quiz.quiz.md'] = '# Quiz\n## Right?\n- [x] yes\n- [ ] no\n'
  return files
}

describe('--jobs', () => {
  it('gives the same bytes with lessons built in this thread alone or with one or two workers beside it', async () => {
    const root = await makeCourse(course())
    const zips = async (jobs: number) => (await build({ dir: root, jobs, targets: ['scorm12', 'scorm2004'] })).packages?.map((built) => Buffer.from(built.zip!).toString('base64'))
    const one = await build({ dir: root, jobs: 1, targets: ['scorm12', 'scorm2004'] })
    expect(reportOf(one)).toBe('')
    const expected = one.packages?.map((built) => Buffer.from(built.zip!).toString('base64'))
    expect(await zips(2)).toEqual(expected)
    expect(await zips(3)).toEqual(expected)
  })

  it('writes the same bytes to disk with one thread or two, in every target, as the zip made in memory', async () => {
    const root = await makeCourse(course())
    const targets = targetNames
    const written = async (jobs: number, out: string) => {
      const result = await build({ dir: root, jobs, targets, out: path.join(root, '..', out) })
      expect(reportOf(result)).toBe('')
      return Promise.all(result.packages!.map(async (built) => (await readFile(built.path!)).toString('base64')))
    }
    const inMemory = (await build({ dir: root, jobs: 1, targets })).packages!.map((built) => Buffer.from(built.zip!).toString('base64'))
    expect(await written(1, 'dist-1')).toEqual(inMemory)
    expect(await written(2, 'dist-2')).toEqual(inMemory)
  })

  it('reports the same problems, at the same places, in the same order', async () => {
    const root = await makeCourse(course())
    await writeFile(path.join(root, '10-lesson-10.md'), '# Lesson 10\n\n![Gone](images/gone.svg) and [nowhere](99-lesson-99.md)\n')
    await writeFile(path.join(root, '20-lesson-20.md'), '---\ntitle: T\nunknown: key\n---\nText\n')
    await writeFile(path.join(root, '30-lesson-30.md'), '---\nid: custom-7\ntitle: Same id as lesson 7\n---\nText\n')
    const one = await build({ dir: root, jobs: 1 })
    const two = await build({ dir: root, jobs: 2 })
    expect(reportOf(one)).toMatch(/missing-file[\s\S]*unknown-frontmatter-key[\s\S]*duplicate-page-id/)
    expect(reportOf(two)).toBe(reportOf(one))
    expect(two.ok).toBe(false)
  })
})
