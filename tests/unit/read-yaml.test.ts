import { VFile } from 'vfile'
import { describe, expect, it } from 'vitest'
import * as z from 'zod'
import { maxYamlAliases, maxYamlNesting } from '../../src/limits.js'
import { readYaml } from '../../src/yaml/read-yaml.js'

/** `line:column rule reason` of each problem `readYaml` reports on `text`, read as a course.yml. */
function problems(text: string, startLine = 1): string[] {
  const file = new VFile({ path: 'course.yml', value: text })
  readYaml(file, text, z.looseObject({}), { label: 'course.yml', invalidRule: 'invalid-config', unknownKeyRule: 'unknown-config-key', startLine })
  return file.messages.map((message) => `${message.line}:${message.column} ${message.ruleId} ${message.reason}`)
}

describe('readYaml: mistakes told where they start, in plain words', () => {
  it('names the line and column where an unclosed quote opens, not where the parser gave up', () => {
    expect(problems('title: "Allies and rivals\nid: treaty\nversion: 2\n')).toEqual(['1:8 invalid-yaml This `"` opens a quoted value that is never closed'])
    expect(problems("id: x\ntitle: 'It''s open\n")).toEqual(["2:8 invalid-yaml This `'` opens a quoted value that is never closed"])
    // In frontmatter, lines count from the file's.
    expect(problems('title: "open\n', 2)).toEqual(['2:8 invalid-yaml This `"` opens a quoted value that is never closed'])
    // The quote swallows the rest: nothing more is reported after it.
    expect(problems('objectives: ["a, b]\n')).toEqual(['1:14 invalid-yaml This `"` opens a quoted value that is never closed'])
  })

  it('names the indented line of a key indented under a plain value', () => {
    expect(problems('title: My course\n  version: 2\n')).toEqual([
      '2:3 invalid-yaml `version:` is indented under `title:`; keys of the course.yml start at the left margin',
    ])
    expect(problems('outline:\n  - title: A\n    pages: x\n      more: y\n')).toEqual([
      '4:7 invalid-yaml `more:` is indented under `pages:`; keys of one map start in the same column (5)',
    ])
  })

  it('says what else went wrong in plain words', () => {
    expect(problems('title: T\nauthor: [Zhou, Vyshinsky\n')).toEqual(['2:9 invalid-yaml This `[` is never closed with `]`'])
    expect(problems('title: a: b\n')).toEqual(['1:8 invalid-yaml The value of `title` holds `: `, which YAML reads as a key inside it'])
    expect(problems('title T\nid: x\n')).toEqual(['1:1 invalid-yaml This line has no `:` after its key, so YAML reads it and the next line as one key'])
    expect(problems('title: T\n\tid: x\n')).toEqual(['2:1 invalid-yaml This line is indented with a tab; YAML is indented with spaces'])
    expect(problems('title: a\ntitle: b\n')).toEqual(['2:1 invalid-yaml The key `title` appears a second time'])
    expect(problems('title: a\n---\ntitle: b\n')).toEqual(['2:1 invalid-yaml A second YAML document starts here; the course.yml holds one'])
  })
})

describe('readYaml: hostile YAML', () => {
  it('refuses aliases that expand exponentially, at the first alias, without a crash', () => {
    const lines = ['a0: &a0 [x, x, x, x, x, x, x, x, x, x]']
    for (let level = 1; level < 12; level++) lines.push(`a${level}: &a${level} [${Array(10).fill(`*a${level - 1}`).join(', ')}]`)
    expect(problems(`${lines.join('\n')}\n`)).toEqual([
      `2:10 invalid-yaml The aliases of the course.yml (\`*name\`) repeat values more than the ${maxYamlAliases} times coursepack follows`,
    ])
    // A few aliases are fine.
    expect(problems('base: &base [a, b]\nmore: *base\n')).toEqual([])
  })

  it('reports an alias without its anchor at the alias', () => {
    expect(problems('title: T\nauthor: *nobody\n')).toEqual(['2:9 invalid-yaml There is no anchor `&nobody` before this alias `*nobody`'])
  })

  it(`refuses lists and maps nested deeper than ${maxYamlNesting}, in flow or block style`, () => {
    expect(problems(`title: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`)).toEqual([
      `1:${8 + maxYamlNesting - 1} nesting-too-deep Lists and maps nested ${maxYamlNesting + 1} deep in the course.yml; coursepack reads at most ${maxYamlNesting} levels`,
    ])
    const block = Array.from({ length: 2000 }, (_, level) => `${' '.repeat(level)}a:`).join('\n')
    expect(problems(`${block} 1\n`)[0]).toMatch(/^33:33 nesting-too-deep Lists and maps nested 33 deep/)
    expect(problems(`${'- '.repeat(50_000)}x\n`)[0]).toMatch(/^1:65 nesting-too-deep/)
    // As deep as allowed is fine.
    expect(problems(`title: T\nx: ${'['.repeat(maxYamlNesting - 1)}${']'.repeat(maxYamlNesting - 1)}\n`)).toEqual([])
  })
})
