// Rewrite the rule list in docs/diagnostics.md from the catalog (run after `npm run compile`).
import { readFile, writeFile } from 'node:fs/promises'
import { withRuleTable } from '../lib/dev/diagnostics/rule-docs.js'

const page = new URL('../docs/diagnostics.md', import.meta.url)
await writeFile(page, withRuleTable(await readFile(page, 'utf8')))
