import { rules } from './rules.js'

export const rulesStart = '<!-- rules:start (generated from src/diagnostics/rules.ts by `npm run docs:rules`) -->'
export const rulesEnd = '<!-- rules:end -->'

/** The rule list of docs/diagnostics.md, made from the catalog so that it cannot drift from the code. */
export function ruleTable(): string {
  const rows = Object.entries(rules)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([id, rule]) => `| \`${id}\` | ${rule.severity} | ${rule.title} |`)
  return [rulesStart, '', '| Rule | Severity | What it reports |', '| --- | --- | --- |', ...rows, '', rulesEnd].join('\n')
}

/** `page` (Markdown) with its rule list replaced by the current one. */
export function withRuleTable(page: string): string {
  const start = page.indexOf(rulesStart)
  const end = page.indexOf(rulesEnd)
  if (start === -1 || end === -1) throw new Error('The page has no rule list markers (rules:start, rules:end)')
  return page.slice(0, start) + ruleTable() + page.slice(end + rulesEnd.length)
}
