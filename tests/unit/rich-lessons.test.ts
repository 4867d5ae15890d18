import { describe, expect, it, vi } from 'vitest'
import type { BuildResult } from '../../src/build.js'
import { buildCourse, packagePaths, packageText, problemsOf } from '../helpers/course-fixture.js'

const paths = (result: BuildResult) => packagePaths(result)

describe('rich lessons', () => {
  it('renders math with KaTeX at build time when the course says math: true, and packages its CSS and fonts', async () => {
    const result = await buildCourse({ 'course.yml': 'title: T\nmath: true\n', '01-a.md': '# A\n\nEnergy: $E = mc^2$.\n\n$$\n\\\\int_0^1 x\\\\,dx\n$$\n', '02-b.md': '# B\n\nNo math.\n' })
    expect(problemsOf(result)).toEqual([])
    const html = packageText(result, 'pages/a.html')
    expect(html).toContain('<span class="katex">')
    expect(html).toContain('<math xmlns="http://www.w3.org/1998/Math/MathML"')
    expect(html).toContain('<link rel="stylesheet" href="../katex/katex.min.css">')
    expect(packageText(result, 'pages/b.html')).not.toContain('katex.min.css')
    expect(paths(result)).toContain('katex/katex.min.css')
    expect(paths(result).filter((name) => name.startsWith('katex/fonts/')).every((name) => name.endsWith('.woff2'))).toBe(true)
  })

  it('reports math KaTeX cannot render and code in a language it does not know under catalog rules, and prints nothing to the console (issue 11)', async () => {
    const warn = vi.spyOn(console, 'warn')
    try {
      const result = await buildCourse({ 'course.yml': 'title: T\nmath: true\n', '01-a.md': '# A\n\n$\\frac{1}{2$ and $ü \u202e$\n\n```klingon\nx\n```\n' })
      expect(problemsOf(result)).toEqual(['a.md:3:1 invalid-math', 'a.md:5:1 unknown-code-language'].map((entry) => `01-${entry}`))
      expect(warn).not.toHaveBeenCalled()
    } finally {
      warn.mockRestore()
    }
  })

  it('leaves dollar signs as text when the course has no math, and packages no KaTeX', async () => {
    const result = await buildCourse({ 'course.yml': 'title: T\n', '01-a.md': '# A\n\nA credit of US$300 million and US$50 more.\n' })
    expect(packageText(result, 'pages/a.html')).toContain('<p>A credit of US$300 million and US$50 more.</p>')
    expect(paths(result).some((name) => name.startsWith('katex/'))).toBe(false)
  })

  it('highlights code at build time, with no script', async () => {
    const result = await buildCourse({ 'course.yml': 'title: T\n', '01-a.md': '# A\n\n```js\nconst year = 1950\n```\n' })
    const html = packageText(result, 'pages/a.html')
    expect(html).toContain('<code class="hljs language-js"><span class="hljs-keyword">const</span>')
  })

  it('turns GitHub-style alerts into callouts with a title in the course language', async () => {
    const result = await buildCourse({ 'course.yml': 'title: T\nlanguage: es\n', '01-a.md': '# A\n\n> [!NOTE]\n> The treaty ran for **30 years**.\n\n> [!WARNING]\n> Careful.\n\n> A plain quote.\n' })
    const html = packageText(result, 'pages/a.html')
    expect(html).toContain('<aside class="cp-callout cp-callout--note">\n<p class="cp-callout__title">Nota</p>\n<p>The treaty ran for <strong>30 years</strong>.</p>\n</aside>')
    expect(html).toContain('<aside class="cp-callout cp-callout--warning">')
    expect(html).toContain('<blockquote>\n<p>A plain quote.</p>\n</blockquote>')
  })

  it('plays video and audio with their WebVTT captions, and captions images with their title', async () => {
    const result = await buildCourse({
      'course.yml': 'title: T\n',
      '01-a.md': '# A\n\n![A speech](media/speech.mp4 "Zhou Enlai speaks")\n\n![An anthem](media/anthem.mp3)\n\n![A map](map.svg "Sketch, not to scale")\n',
      'media/speech.mp4': 'video',
      'media/speech.vtt': 'WEBVTT\n',
      'media/anthem.mp3': 'audio',
      'map.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
    })
    expect(problemsOf(result)).toEqual([])
    const html = packageText(result, 'pages/a.html')
    expect(html).toContain('<figure class="cp-figure"><video src="../assets/media/speech.mp4" controls preload="metadata" aria-label="A speech"><track kind="captions" src="../assets/media/speech.vtt" srclang="en" label="en" default></video><figcaption>Zhou Enlai speaks</figcaption></figure>')
    expect(html).toContain('<audio src="../assets/media/anthem.mp3" controls preload="metadata" aria-label="An anthem"></audio>')
    expect(html).toContain('<figure class="cp-figure"><img src="../assets/map.svg" alt="A map"><figcaption>Sketch, not to scale</figcaption></figure>')
    expect(paths(result)).toEqual(expect.arrayContaining(['assets/media/speech.mp4', 'assets/media/speech.vtt', 'assets/media/anthem.mp3']))
  })
})
