import { rules } from './rules.js'

export const rulesStart = '<!-- rules:start (generated from src/diagnostics/rules.ts by `npm run docs:rules`) -->'
export const rulesEnd = '<!-- rules:end -->'

/** The README's rule list, made from the catalog so that it cannot drift from the code. */
export function ruleTable(): string {
  const rows = Object.entries(rules)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([id, rule]) => `| \`${id}\` | ${rule.severity} | ${rule.title} |`)
  return [rulesStart, '', '| Rule | Severity | What it reports |', '| --- | --- | --- |', ...rows, '', rulesEnd].join('\n')
}

/** `readme` with its rule list replaced by the current one. */
export function withRuleTable(readme: string): string {
  const start = readme.indexOf(rulesStart)
  const end = readme.indexOf(rulesEnd)
  if (start === -1 || end === -1) throw new Error('README.md has no rule list markers')
  return readme.slice(0, start) + ruleTable() + readme.slice(end + rulesEnd.length)
}
