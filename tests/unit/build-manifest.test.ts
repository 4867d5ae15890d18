import { XMLParser } from 'fast-xml-parser'
import { describe, expect, it } from 'vitest'
import { buildCourse, packageText } from '../helpers/course-fixture.js'
import { validateManifest } from '../helpers/validate-manifest.js'

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', parseTagValue: false, isArray: (name) => ['item', 'file', 'resource'].includes(name) })

describe('imsmanifest.xml', () => {
  it('escapes titles with & < > quotes, drops control characters and keeps Chinese text, and stays valid', async () => {
    const result = await buildCourse({
      'course.yml': 'title: "Tom & Jerry <3 \\"quotes\\" \\u0007 中苏条约"\nid: tom-and-jerry\npassingScore: 80\n',
      '01-a.md': '---\ntitle: "A & B <c> \'d\' 第一课"\n---\nText.\n',
      '02-q.quiz.md': '# Quiz\n## Q\n- [x] a\n',
    })
    const xml = packageText(result, 'imsmanifest.xml')
    expect(xml).toContain('<title>Tom &amp; Jerry &lt;3 &quot;quotes&quot; 中苏条约</title>')
    expect(xml).toContain('<title>A &amp; B &lt;c&gt; &apos;d&apos; 第一课</title>')
    const check = await validateManifest(xml)
    expect(check.errors).toEqual([])
    expect(check.valid).toBe(true)
    const parsed = parser.parse(xml)
    expect(parsed.manifest.organizations.organization.title).toBe('Tom & Jerry <3 "quotes" 中苏条约')
  })

  it('has one launchable SCO, the pass mark as masteryscore, and the outline as hidden items', async () => {
    const result = await buildCourse({
      'course.yml': 'title: T\npassingScore: 75\n',
      '01-a.md': '# A',
      '02-part/01-b.md': '# B',
      '03-q.quiz.md': '# Q\n## Q?\n- [x] yes\n',
    })
    const manifest = parser.parse(packageText(result, 'imsmanifest.xml')).manifest
    expect(manifest.metadata).toEqual({ schema: 'ADL SCORM', schemaversion: '1.2' })
    const courseItem = manifest.organizations.organization.item[0]
    expect(courseItem['@identifierref']).toBe(manifest.resources.resource[0]['@identifier'])
    expect(courseItem['adlcp:masteryscore']).toBe('75')
    expect(courseItem.item.map((item: { title: string }) => item.title)).toEqual(['A', 'Part', 'Q'])
    expect(courseItem.item.every((item: Record<string, string>) => item['@isvisible'] === 'false' && !item['@identifierref'])).toBe(true)
    const scos = manifest.resources.resource.filter((resource: Record<string, string>) => resource['@adlcp:scormtype'] === 'sco')
    expect(scos.map((resource: Record<string, string>) => resource['@href'])).toEqual(['index.html'])
  })

  it('has no masteryscore when the course has no pass mark', async () => {
    const result = await buildCourse({ 'course.yml': 'title: T\n', '01-a.md': '# A' })
    expect(packageText(result, 'imsmanifest.xml')).not.toContain('masteryscore')
    expect((await validateManifest(packageText(result, 'imsmanifest.xml'))).valid).toBe(true)
  })

  it('gives unique NCName identifiers even when module names repeat', async () => {
    const result = await buildCourse({
      'course.yml': 'title: T\noutline:\n  - title: Part\n    pages: [a.md]\n  - title: Part\n    pages: [b.md]\n',
      'a.md': '# A',
      'b.md': '# B',
    })
    const xml = packageText(result, 'imsmanifest.xml')
    const ids = [...xml.matchAll(/ identifier="([^"]+)"/g)].map((match) => match[1])
    expect(new Set(ids).size).toBe(ids.length)
    expect(ids.every((id) => /^[A-Za-z_][A-Za-z0-9_.-]*$/.test(id ?? ''))).toBe(true)
    expect((await validateManifest(xml)).valid).toBe(true)
  })

  it('the validator rejects adlcp elements out of the XSD order', async () => {
    const result = await buildCourse({ 'course.yml': 'title: T\npassingScore: 50\n', '01-a.md': '# A' })
    const broken = packageText(result, 'imsmanifest.xml').replace(/(<item identifier="ITEM-t" [^>]*>)/, '$1\n<adlcp:masteryscore>50</adlcp:masteryscore>')
    const check = await validateManifest(broken)
    expect(check.valid).toBe(false)
    expect(check.errors.join('\n')).toMatch(/title.: This element is not expected/)
  })
})
