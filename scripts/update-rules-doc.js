// Rewrite the rule list in README.md from the catalog (run after `npm run compile`).
import { readFile, writeFile } from 'node:fs/promises'
import { withRuleTable } from '../lib/diagnostics/rule-docs.js'

const readme = new URL('../README.md', import.meta.url)
await writeFile(readme, withRuleTable(await readFile(readme, 'utf8')))
