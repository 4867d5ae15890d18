import { readdir, readFile } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import { buildCourse, packageText } from '../helpers/course-fixture.js'

const localesDir = new URL('../../templates/locales/', import.meta.url)

describe('UI strings', () => {
  it('every locale file has exactly the strings of English, with the same placeholders', async () => {
    const english = JSON.parse(await readFile(new URL('en.json', localesDir), 'utf8')) as Record<string, string>
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort()
    for (const name of (await readdir(localesDir)).filter((file) => file.endsWith('.json'))) {
      const strings = JSON.parse(await readFile(new URL(name, localesDir), 'utf8')) as Record<string, string>
      expect(Object.keys(strings).sort(), name).toEqual(Object.keys(english).sort())
      for (const key of Object.keys(english)) expect(placeholders(strings[key]!), `${name} ${key}`).toEqual(placeholders(english[key]!))
    }
  })

  it('follow the course language, with lang and dir on every page', async () => {
    const result = await buildCourse({ 'course.yml': 'title: 条约\nid: treaty\nlanguage: zh-Hans\n', '01-a.md': '# 第一课\n', '02-q.quiz.md': '# 测验\n## 问题\n- [x] 对\n- [ ] 错\n' })
    const html = (name: string) => packageText(result, name)
    expect(html('index.html')).toContain('<html lang="zh-Hans" dir="ltr">')
    expect(html('pages/q.html')).toContain('<button type="submit" class="cp-button">提交答案</button>')
    expect(html('pages/a.html')).toContain('第 1 页，共 2 页')
    const spanish = await buildCourse({ 'course.yml': 'title: T\nlanguage: es\n', '01-bank.gift': 'Se firmó en Moscú.{T}\n' })
    const gift = packageText(spanish, 'pages/bank.html')
    expect(gift).toContain('>Verdadero</label>')
    expect(gift).toContain('>Falso</label>')
    const arabic = await buildCourse({ 'course.yml': 'title: T\nlanguage: ar\n', '01-a.md': '# A\n' })
    expect(packageText(arabic, 'pages/a.html')).toContain('<html lang="ar" dir="rtl">')
  })
})
