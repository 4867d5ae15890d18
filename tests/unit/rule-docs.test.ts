import { readFile } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import { withRuleTable } from '../../src/diagnostics/rule-docs.js'

describe('the README rule list', () => {
  it('is the one the catalog generates (run `npm run docs:rules` after changing rules)', async () => {
    const readme = await readFile(new URL('../../README.md', import.meta.url), 'utf8')
    expect(withRuleTable(readme)).toBe(readme)
  })
})
