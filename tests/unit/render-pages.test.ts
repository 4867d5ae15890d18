import { describe, expect, it } from 'vitest'
import { buildCourse, packagePaths, packageText, problemsOf, reportOf } from '../helpers/course-fixture.js'

const svg = '<svg xmlns="http://www.w3.org/2000/svg"/>'

describe('rendering pages', () => {
  it('renders GFM: tables, task lists, strikethrough, footnotes', async () => {
    const result = await buildCourse({
      'course.yml': 'title: T\n',
      '01-a.md': '# A\n\n| a | b |\n| - | - |\n| 1 | 2 |\n\n- [x] done\n\n~~old~~ text[^1]\n\n[^1]: A source.\n',
    })
    const html = packageText(result, 'pages/a.html')
    expect(html).toContain('<table>')
    expect(html).toContain('<input type="checkbox" checked disabled>')
    expect(html).toContain('<del>old</del>')
    expect(html).toContain('<a href="#user-content-fn-1" id="user-content-fnref-1"')
    expect(html).toContain('<a href="#user-content-fnref-1" data-footnote-backref')
    expect(html).toContain('<li id="user-content-fn-1">')
    expect(html).toContain('aria-label="Back to reference 1"')
  })

  it('removes scripts, event handlers and javascript: URLs from raw HTML by default', async () => {
    const result = await buildCourse({
      'course.yml': 'title: T\n',
      '01-a.md': '# A\n\n<script>alert(1)</script>\n\n<img src="x.svg" onerror="alert(2)" alt="x">\n\n[click](javascript:alert(3))\n\n<kbd>Ctrl</kbd>\n',
      'x.svg': svg,
    })
    const html = packageText(result, 'pages/a.html')
    expect(html).not.toMatch(/<script>alert|onerror|javascript:/)
    expect(html).toContain('<kbd>Ctrl</kbd>')
  })

  it('warns about every piece of raw HTML it removes, at its line', async () => {
    const result = await buildCourse({
      'course.yml': 'title: T\n',
      '01-a.md': '# A\n\n<script>alert(1)</script>\n\n<img src="x.svg" onerror="alert(2)" alt="x">\n\n[click](javascript:alert(3))\n\n<iframe src="https://www.youtube.com/embed/x"></iframe>\n',
      'x.svg': svg,
    })
    expect(problemsOf(result)).toEqual([
      '01-a.md:3:1 unsafe-html-removed',
      '01-a.md:5:1 unsafe-html-removed',
      '01-a.md:7:1 unsafe-html-removed',
      '01-a.md:9:1 unsafe-html-removed',
    ])
    expect(reportOf(result)).toContain('Removed the `onerror` attribute of `<img>`')
    expect(result.ok).toBe(true)
  })

  it('keeps video embeds from the hosts the course allows, and only those', async () => {
    const result = await buildCourse({
      'course.yml': 'title: T\nembeds: [youtube]\n',
      '01-a.md': '# A\n\n<iframe src="https://www.youtube-nocookie.com/embed/abc" title="A talk" allowfullscreen></iframe>\n\n<iframe src="https://evil.example/x"></iframe>\n',
    })
    expect(packageText(result, 'pages/a.html')).toContain('<iframe src="https://www.youtube-nocookie.com/embed/abc" title="A talk" allowfullscreen></iframe>')
    expect(packageText(result, 'pages/a.html')).not.toContain('evil.example')
    expect(reportOf(result)).toContain('Removed an embed from `evil.example`, which is not an allowed video host')
  })

  it('keeps raw HTML when the course trusts it', async () => {
    const result = await buildCourse({ 'course.yml': 'title: T\nhtml: trusted\n', '01-a.md': '# A\n\n<div style="color: red">Red</div>\n' })
    expect(packageText(result, 'pages/a.html')).toContain('<div style="color: red">Red</div>')
  })

  it('escapes titles in every template', async () => {
    const result = await buildCourse({ 'course.yml': 'title: "Rock & <Roll> \\"live\\""\nid: rock\n', '01-a.md': '---\ntitle: "<b>Bold</b> & co"\n---\nText.\n' })
    const shell = packageText(result, 'index.html')
    expect(shell).toContain('<title>Rock &amp; &lt;Roll&gt; &quot;live&quot;</title>')
    expect(shell).toContain('>&lt;b&gt;Bold&lt;/b&gt; &amp; co</a>')
    expect(packageText(result, 'pages/a.html')).toContain('<h1>&lt;b&gt;Bold&lt;/b&gt; &amp; co</h1>')
  })

  it('copies referenced files under assets/ and rewrites their URLs; links between pages follow the pages', async () => {
    const result = await buildCourse({
      'course.yml': 'title: T\n',
      '01-a.md': '# A\n\n![Map](images/my%20map.svg) [handout](files/handout.pdf#page=2) [next](02-b/01-c.md#top) [site](https://example.org)\n',
      '02-b/01-c.md': '# C\n\n![Map again](../images/my%20map.svg)\n',
      'images/my map.svg': svg,
      'images/unused.svg': svg,
      'files/handout.pdf': '%PDF-1.4',
    })
    expect(problemsOf(result)).toEqual([])
    const html = packageText(result, 'pages/a.html')
    expect(html).toContain('<img src="../assets/images/my%20map.svg" alt="Map">')
    expect(html).toContain('<a href="../assets/files/handout.pdf#page=2">handout</a>')
    expect(html).toContain('<a href="b-c.html#top">next</a>')
    expect(html).toContain('<a href="https://example.org" target="_blank" rel="noopener noreferrer">site</a>')
    expect(packageText(result, 'pages/b-c.html')).toContain('<img src="../assets/images/my%20map.svg" alt="Map again">')
    expect(packagePaths(result).filter((name) => name.startsWith('assets/'))).toEqual([
      'assets/files/handout.pdf',
      'assets/images/my map.svg',
    ])
  })

  it('reports missing files and references that leave the course, at their position', async () => {
    const result = await buildCourse({
      'course.yml': 'title: T\n',
      '01-a.md': '# A\n\n![gone](images/missing.png)\n\n![up](../secret.png)\n\n![abs](/etc/passwd)\n\n[f](file:///etc/passwd)\n\n[draft](_draft.md)\n',
      '_draft.md': '# Draft',
    })
    expect(problemsOf(result)).toEqual([
      '01-a.md:3:1 missing-file',
      '01-a.md:5:1 reference-outside-course',
      '01-a.md:7:1 reference-outside-course',
      '01-a.md:9:1 reference-outside-course',
      '01-a.md:11:1 link-to-unlisted-page',
    ])
    expect(reportOf(result)).toContain('01-a.md:3:1  error  There is no file `images/missing.png`  [missing-file]')
    expect(result.packages).toBeUndefined()
  })

  it('packages what course.yml lists under assets, and reports what is missing', async () => {
    const ok = await buildCourse({ 'course.yml': 'title: T\nassets: [extra.txt, media]\n', '01-a.md': '# A', 'extra.txt': 'x', 'media/a.mp3': 'x', 'media/.DS_Store': 'x' })
    expect(packagePaths(ok).filter((name) => name.startsWith('assets/'))).toEqual(['assets/extra.txt', 'assets/media/a.mp3'])
    const bad = await buildCourse({ 'course.yml': 'title: T\nassets:\n  - nope.txt\n', '01-a.md': '# A' })
    expect(problemsOf(bad)).toEqual(['course.yml:3:5 missing-file'])
  })

  it('gives every page previous/next links and its position', async () => {
    const result = await buildCourse({ 'course.yml': 'title: T\n', '01-a.md': '# A', '02-b.md': '# B', '03-c.md': '# C' })
    const html = packageText(result, 'pages/b.html')
    expect(html).toContain('<a class="cp-pager__link cp-pager__link--previous" href="a.html" rel="prev">')
    expect(html).toContain('<a class="cp-pager__link cp-pager__link--next" href="c.html" rel="next">')
    expect(html).toContain('Page 2 of 3')
  })
})
