import { readdir } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { brokenLinks } from '../helpers/doc-links.js'

const repository = path.resolve(import.meta.dirname, '../..')

describe('links in the README and docs/', () => {
  it('lead to files that exist, and their #anchors to headings of the page they name', async () => {
    const docs = (await readdir(path.join(repository, 'docs'), { recursive: true })).filter((name) => name.endsWith('.md')).map((name) => path.join('docs', name))
    expect(docs.length).toBeGreaterThanOrEqual(10)
    expect(await brokenLinks(repository, ['README.md', ...docs])).toEqual([])
  })

  it('are reported when broken: a missing page, image or picture source, an unknown heading, a way out of the repository', async () => {
    const fixture = path.resolve(import.meta.dirname, '../fixtures/doc-links')
    expect(await brokenLinks(fixture, ['README.md', 'docs/guide.md'])).toEqual([
      'README.md:6:5  docs/gone.md  no such file',
      'README.md:7:41  docs/images/missing.png  no such file',
      'README.md:8:1  #getting-finished  no heading #getting-finished in README.md',
      'README.md:9:1  docs/guide.md#the-third-part  no heading #the-third-part in guide.md',
      'README.md:10:1  ../../../../outside.md  leaves the repository',
      'README.md:12:3  docs/nowhere.md  no such file',
      'README.md:15:3  docs/images/missing-dark.png  no such file',
    ])
  })
})
