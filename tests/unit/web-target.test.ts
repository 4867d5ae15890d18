import { readdir, readFile } from 'node:fs/promises'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { build } from '../../src/build.js'
import { setupCard } from '../../src/stages/setup-card.js'
import { targets } from '../../src/targets/index.js'
import { browserStorage, sitePath } from '../../src/targets/web/runtime/standard.js'
import { buildCourse, makeCourse } from '../helpers/course-fixture.js'

const course = {
  'course.yml': 'title: Treaty\nversion: "2.1"\npassingScore: 60\n',
  '01-a.md': '# Before\n\n![A map](images/map.svg)\n',
  '02-b.quiz.md': '---\ntitle: Quiz\n---\n## Q\n- [x] a\n- [ ] b\n',
  'images/map.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
}

async function website() {
  const result = await build({ dir: await makeCourse(course), targets: ['web'] })
  const built = result.packages?.find((entry) => entry.target === 'web')
  if (!built) throw new Error('no website was built')
  return { result, built, file: (name: string) => built.files.find((entry) => entry.path === name) }
}

describe('the web target', () => {
  it('names its zip <id>-<version>-web.zip and its folder <id>-web, without the version, so that where it is published stays put', async () => {
    const { result } = await website()
    expect(targets.web.fileName(result.course!)).toBe('treaty-2.1-web.zip')
    expect(targets.web.folderName?.(result.course!)).toBe('treaty-web')
  })

  it('holds the shell, the pages, the stylesheet, the images, its own runtime and .nojekyll, and no manifest or schema', async () => {
    const { built, file } = await website()
    const paths = built.files.map((entry) => entry.path).sort()
    expect(paths).toEqual(['.nojekyll', 'assets/images/map.svg', 'coursepack.css', 'coursepack.js', 'index.html', 'pages/a.html', 'pages/b.html'])
    expect(Buffer.from(file('coursepack.js')!.data!).equals(await readFile(new URL('../../lib/runtime/web.js', import.meta.url)))).toBe(true)
  })

  it('ships a runtime that has no SCORM API in it to look for or call', async () => {
    const runtime = await readFile(new URL('../../lib/runtime/web.js', import.meta.url), 'utf8')
    for (const name of ['LMSInitialize', 'API_1484_11', 'Initialize', 'GetValue', 'SetValue', 'opener']) expect(runtime, name).not.toContain(name)
    expect(runtime).toContain('localStorage')
  })

  it('links every page to its stylesheet, script and images by relative address, never from the server\'s root', async () => {
    const { built } = await website()
    const pages = built.files.filter((entry) => entry.path.endsWith('.html'))
    for (const page of pages) {
      const html = new TextDecoder().decode(page.data ?? page.make?.())
      const urls = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((match) => match[1]!)
      expect(urls.length, page.path).toBeGreaterThan(0)
      expect(urls.filter((url) => url.startsWith('/') || /^[a-z]+:/i.test(url)), page.path).toEqual([])
    }
  })

  it('has a setup card section that says nothing is reported and how to publish, on any host and on GitHub Pages', async () => {
    const { result } = await website()
    const section = targets.web.setupCard(result.course!, 'treaty-2.1-web.zip')
    expect(section).toMatch(/^## Website: `treaty-web\/` and `treaty-2\.1-web\.zip`/)
    expect(section).toContain('No score, status or answer is sent anywhere')
    expect(section).toContain('`coursepack init --pages`')
    expect(section).toContain('**Source** to **GitHub Actions**')
    expect(section).toContain('under a sub-path')
  })

  it('is not told to be uploaded to an LMS on the setup card', async () => {
    const { result } = await website()
    const entry = (name: 'web' | 'scorm12') => {
      const target = targets[name]
      const fileName = target.fileName(result.course!)
      const folder = target.folderName?.(result.course!)
      return { label: target.label, fileName, section: target.setupCard(result.course!, fileName), ...(folder ? { folder } : {}) }
    }
    const alone = setupCard(result.course!, [entry('web')])
    expect(alone).toContain('Website: the folder `treaty-web/`, and the same files in `treaty-2.1-web.zip`. It is not for an LMS')
    expect(alone).not.toContain('Upload it')
    const both = setupCard(result.course!, [entry('scorm12'), entry('web')])
    expect(both).toContain('- `treaty-2.1-scorm12.zip`: SCORM 1.2\n- `treaty-web/` and `treaty-2.1-web.zip`: Website, not for an LMS')
  })

  it('keeps the learner\'s answers where SCORM 1.2\'s 4096 characters would drop them', async () => {
    const choices = Array.from({ length: 36 }, (_, index) => `- [${index < 2 ? 'x' : ' '}] choice ${index}`).join('\n')
    const quiz = `# Big quiz\n\n${Array.from({ length: 120 }, (_, index) => `## Question ${index}\n${choices}\n`).join('\n')}`
    const dir = await makeCourse({ 'course.yml': 'title: T\n', '01-quiz.quiz.md': quiz })
    const rules = async (target: 'web' | 'scorm12') => (await build({ dir, targets: [target] })).files.flatMap((file) => file.messages.map((message) => message.ruleId))
    expect(await rules('scorm12')).toEqual(['compact-state'])
    expect(await rules('web')).toEqual([])
  })
})

describe('the website\'s runtime standard (browser storage)', () => {
  afterEach(() => {
    vi.unstubAllGlobals()
  })

  function fakeStorage(): Storage {
    const items = new Map<string, string>()
    return {
      get length() {
        return items.size
      },
      key: (index) => [...items.keys()][index] ?? null,
      getItem: (key) => items.get(key) ?? null,
      setItem: (key, value) => void items.set(key, value),
      removeItem: (key) => void items.delete(key),
      clear: () => items.clear(),
    }
  }

  const at = (pathname: string) => ({ location: { pathname } }) as unknown as Window

  it('keeps progress in this browser, under the course id and the folder the site is served from', () => {
    const storage = fakeStorage()
    vi.stubGlobal('window', { localStorage: storage })
    const connection = browserStorage.connect(at('/repo/index.html'), 'treaty')!
    expect(connection.kind).toBe('local')
    connection.initialize()
    connection.set('location', 'quiz')
    connection.commit()
    expect(storage.key(0)).toBe('coursepack:treaty:/repo/')
    expect(browserStorage.connect(at('/repo/'), 'treaty')!.get('location')).toBe('quiz')
    expect(browserStorage.connect(at('/other-repo/'), 'treaty')!.get('location')).toBe('')
    expect(browserStorage.connect(at('/repo/'), 'another-course')!.get('location')).toBe('')
  })

  it('reads a first visit as one with no status, and a later one as resumed, with no LMS pass mark or learner name', () => {
    const values: Record<string, string> = { status: 'incomplete', state: 'x', location: 'a', learner: 'local-1' }
    const launch = browserStorage.readLaunch((element) => values[element] ?? '')
    expect(launch).toEqual({ status: [['status', 'incomplete']], savedState: 'x', location: 'a', statusRecorded: true, passingScore: null, learnerName: '', learnerId: 'local-1', interactionCount: 0 })
    expect(browserStorage.readLaunch(() => '').statusRecorded).toBe(false)
  })

  it('shows the website\'s notice, which every language has', async () => {
    expect(browserStorage.standaloneNotice).toBe('statusWebsite')
    const locales = new URL('../../templates/locales/', import.meta.url)
    for (const name of await readdir(locales)) {
      const strings = JSON.parse(await readFile(new URL(name, locales), 'utf8')) as Record<string, string>
      expect(strings.statusWebsite, name).toBeTruthy()
    }
  })

  it('takes the folder of a page\'s address as the site\'s path', () => {
    expect(sitePath('/course/index.html')).toBe('/course/')
    expect(sitePath('/course/')).toBe('/course/')
    expect(sitePath('/')).toBe('/')
  })
})

describe('a course without an LMS in a SCORM package', () => {
  it('keeps the notice that names the missing LMS', async () => {
    const { scorm12 } = await import('../../src/targets/scorm12/runtime/standard.js')
    expect(scorm12.standaloneNotice).toBe('statusStandalone')
    expect((await buildCourse(course)).ok).toBe(true)
  })
})
