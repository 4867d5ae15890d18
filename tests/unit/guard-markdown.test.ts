import { VFile } from 'vfile'
import { describe, expect, it } from 'vitest'
import { maxBlockNesting, maxContainerWork, maxMarkupWork } from '../../src/limits.js'
import { guardMarkdown, scanMarkdown } from '../../src/markdown/guard-markdown.js'
import { parseMarkdown } from '../../src/markdown/parse-markdown.js'

const depthOf = (text: string) => scanMarkdown(text).deepest
const problems = (file: VFile) => file.messages.map((message) => `${message.line}:${message.column} ${message.ruleId} ${message.reason}`)

describe('guardMarkdown: nesting', () => {
  it('measures blockquotes and list items, on one line or by indentation', () => {
    expect(depthOf('> > > a')).toBe(3)
    expect(depthOf('- - - a')).toBe(3)
    expect(depthOf('- a\n  - b\n    - c\n      1. d')).toBe(4)
    expect(depthOf('> - a\n>   - b\n>     - c')).toBe(4)
    expect(depthOf('- a\n\n      code in the item')).toBe(1)
    expect(depthOf('---\n- - - -\n---\n- - -')).toBe(0)
  })

  it('keeps containers open across lazy lines, as CommonMark does', () => {
    // The unindented line continues the paragraph of the deepest item; the next line is still inside all three.
    expect(depthOf('- a\n  - b\n    - c\nlazy\n      - d')).toBe(4)
    // After a blank line, an unindented line closes them.
    expect(depthOf('- a\n  - b\n\nplain\n  - c\n    - d')).toBe(2)
  })

  it(`reports \`nesting-too-deep\` past ${maxBlockNesting} levels at the line, without parsing`, () => {
    const text = `# Deep\n\n${'> '.repeat(40)}x\n`
    const file = new VFile({ value: text })
    expect(guardMarkdown(file, text)).toBe(false)
    expect(problems(file)).toEqual([`3:${2 * maxBlockNesting + 1} nesting-too-deep Blockquotes and lists nested 40 deep; coursepack reads at most ${maxBlockNesting} levels`])
    const list = Array.from({ length: 40 }, (_, level) => `${'  '.repeat(level)}- item`).join('\n')
    expect(scanMarkdown(list).problem).toMatchObject({ kind: 'nesting', line: maxBlockNesting + 1, depth: maxBlockNesting + 1 })
  })

  it('lets 32 levels through, and parses them', () => {
    const text = `${'> '.repeat(maxBlockNesting)}x\n`
    const file = new VFile({ value: text })
    expect(parseMarkdown(file)).toBeDefined()
    expect(file.messages).toEqual([])
  })

  it('skips YAML frontmatter, which is read as YAML', () => {
    expect(scanMarkdown(`---\nobjectives:\n${'  - '.repeat(50)}x\n---\n# A\n`).problem).toBeUndefined()
    // Without its closing `---` it is Markdown, and measured; so is GIFT text, which has no frontmatter.
    expect(scanMarkdown(`---\n${'- '.repeat(50)}x\n`).problem?.kind).toBe('nesting')
    expect(scanMarkdown(`---\n${'- '.repeat(50)}x\n---\n`, { frontmatter: false }).problem?.kind).toBe('nesting')
  })
})

describe('guardMarkdown: markup', () => {
  it('reports a paragraph whose markers would take micromark minutes, at its first line', () => {
    const text = `# A\n\nIntro.\n\n${'a* '.repeat(9000)}\n`
    const file = new VFile({ value: text })
    expect(guardMarkdown(file, text)).toBe(false)
    expect(problems(file)).toEqual(['5:1 too-much-markup This paragraph has 9000 emphasis, code and link markers in 27001 characters, more than coursepack reads in reasonable time'])
  })

  it('counts a paragraph that goes on lazily after a list item', () => {
    const text = `- item\n${'more text on this line\n'.repeat(20_000)}`
    expect(scanMarkdown(text).problem).toMatchObject({ kind: 'markup', line: 1, markers: 0 })
    // Indented, the same lines are no lazy continuation, and cheap.
    expect(scanMarkdown(`- item\n${'  more\n'.repeat(20_000)}`).problem).toBeUndefined()
  })

  it('counts code spans that open and close on one line as cheap', () => {
    const row = '| `aLink` | `alink` | `html` |\n'
    const table = `| a | b | c |\n| - | - | - |\n${row.repeat(1000)}`
    expect(scanMarkdown(table).problem).toBeUndefined()
    expect(scanMarkdown(Array.from({ length: 900 }, (_, length) => '`'.repeat(length + 1)).join(' x ')).problem?.kind).toBe('markup')
  })

  it('resets at blank lines, headings and list items, never in the middle of a paragraph', () => {
    const paragraph = `${'*a* '.repeat(400)}\n`
    const one = scanMarkdown(`- ${paragraph}`).work
    expect(scanMarkdown(paragraph.repeat(40)).problem?.kind).toBe('markup')
    expect(scanMarkdown(`- ${paragraph}`.repeat(40)).work).toBe(40 * one)
    expect(scanMarkdown(`# ${paragraph}`.repeat(40)).work).toBe(40 * one)
    expect(scanMarkdown(`- ${paragraph}\n`.repeat(40)).work).toBe(40 * one)
    // `1.` starts a new paragraph; `2.` cannot interrupt one, so it goes on.
    expect(scanMarkdown(`- ${paragraph}1. ${paragraph}`).work).toBeLessThan(3 * one)
    expect(scanMarkdown(`- ${paragraph}2. ${paragraph}`).work).toBeGreaterThan(3 * one)
  })

  it('reports blockquotes and lists begun and ended so often that micromark would take minutes', () => {
    // 4,000 blockquotes between paragraphs took micromark 10 s; 8,000 nested list items, 40 s.
    expect(scanMarkdown('> a quote\n\nA paragraph.\n\n'.repeat(4000)).problem).toMatchObject({ kind: 'containers' })
    expect(scanMarkdown('- a\n  - b\n'.repeat(8000)).problem).toMatchObject({ kind: 'containers' })
    const file = new VFile({ value: '' })
    expect(guardMarkdown(file, '> a\n\nb\n\n'.repeat(4000))).toBe(false)
    expect(problems(file)[0]).toMatch(/^\d+:1 too-much-markup Blockquotes and lists begin and end on \d+ lines up to here, more than coursepack reads in reasonable time$/)
    // A quiz of 200 questions with 10 choices each is a long list of lists, and fine.
    const quiz = Array.from({ length: 200 }, (_, question) => `## Question ${question}\n${Array.from({ length: 10 }, (_, choice) => `- [ ] choice ${choice}`).join('\n')}\n`).join('\n')
    expect(scanMarkdown(quiz).containerWork).toBeLessThan(maxContainerWork / 4)
  })

  it('lets the example course and long real documents through with room to spare', async () => {
    const { readdir, readFile } = await import('node:fs/promises')
    const root = new URL('../../', import.meta.url)
    const docs = (await readdir(new URL('docs/', root))).filter((name) => name.endsWith('.md')).map((name) => `docs/${name}`)
    // This repository's own README and guide (what was one 62 KB README): long pages of tables, lists and code.
    for (const name of ['README.md', ...docs]) {
      const { problem, work, deepest, containerWork } = scanMarkdown(await readFile(new URL(name, root), 'utf8'))
      expect(problem, name).toBeUndefined()
      expect(work, name).toBeLessThan(maxMarkupWork / 100)
      expect(containerWork, name).toBeLessThan(maxContainerWork / 10)
      expect(deepest, name).toBeLessThan(4)
    }
  })
})
