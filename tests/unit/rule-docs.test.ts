import { readFile } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import { withRuleTable } from '../../src/diagnostics/rule-docs.js'

describe('the rule list in docs/diagnostics.md', () => {
  it('is the one the catalog generates (run `npm run docs:rules` after changing rules)', async () => {
    const page = await readFile(new URL('../../docs/diagnostics.md', import.meta.url), 'utf8')
    expect(withRuleTable(page)).toBe(page)
  })
})
