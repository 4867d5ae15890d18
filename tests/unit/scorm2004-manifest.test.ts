import { XMLParser } from 'fast-xml-parser'
import { describe, expect, it } from 'vitest'
import { build } from '../../src/build.js'
import { makeCourse, packagePaths, packageText } from '../helpers/course-fixture.js'
import { validateManifest2004 } from '../helpers/validate-manifest.js'

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', parseTagValue: false, isArray: (name) => ['item', 'file', 'resource'].includes(name) })

async function build2004(files: Record<string, string>) {
  return build({ dir: await makeCourse(files), targets: ['scorm2004'] })
}

describe('the SCORM 2004 4th Edition manifest', () => {
  it('is valid against the 2004 XSDs, escapes titles, and says exactly "2004 4th Edition" (Moodle reads it untrimmed)', async () => {
    const result = await build2004({
      'course.yml': 'title: "Tom & Jerry <3 中苏条约"\nid: tom\npassingScore: 66.5\n',
      '01-a.md': '# A & B',
      '02-part/01-b.md': '# B',
      '03-q.quiz.md': '# Q\n## Q?\n- [x] yes\n- [ ] no\n',
    })
    const xml = packageText(result, 'imsmanifest.xml')
    const check = await validateManifest2004(xml)
    expect(check.errors).toEqual([])
    expect(xml).toContain('<schemaversion>2004 4th Edition</schemaversion>')
    expect(xml).toContain('<title>Tom &amp; Jerry &lt;3 中苏条约</title>')
    const manifest = parser.parse(xml).manifest
    expect(manifest.metadata).toEqual({ schema: 'ADL SCORM', schemaversion: '2004 4th Edition' })
    // One launchable item, no children (an item with children is a cluster, never launched).
    const [item] = manifest.organizations.organization.item
    expect(item['@identifierref']).toBe(manifest.resources.resource[0]['@identifier'])
    expect(item.item).toBeUndefined()
    // The pass mark is the primary objective's measure: the LMS's cmi.scaled_passing_score.
    const sequencing = item['imsss:sequencing']
    expect(sequencing['imsss:objectives']['imsss:primaryObjective']).toMatchObject({ '@satisfiedByMeasure': 'true', 'imsss:minNormalizedMeasure': '0.665' })
    expect(sequencing['imsss:deliveryControls']).toEqual({ '@completionSetByContent': 'true', '@objectiveSetByContent': 'true' })
    expect(manifest.resources.resource[0]).toMatchObject({ '@adlcp:scormType': 'sco', '@href': 'index.html' })
  })

  it('has no objective without a pass mark (one without a measure would mean 100%)', async () => {
    const result = await build2004({ 'course.yml': 'title: T\n', '01-a.md': '# A' })
    const xml = packageText(result, 'imsmanifest.xml')
    expect(xml).not.toContain('imsss:objectives')
    expect((await validateManifest2004(xml)).errors).toEqual([])
  })

  it('lists every file of the package, ships the 2004 schemas and the 2004 runtime', async () => {
    const result = await build2004({ 'course.yml': 'title: T\n', '01-a.md': '# A\n\n![x](a.svg)\n', 'a.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>' })
    const paths = packagePaths(result)
    const manifest = parser.parse(packageText(result, 'imsmanifest.xml')).manifest
    const listed = manifest.resources.resource.flatMap((resource: { file: { '@href': string }[] }) => resource.file.map((file) => decodeURI(file['@href'])))
    expect([...listed, 'imsmanifest.xml'].sort()).toEqual([...paths].sort())
    expect(paths).toEqual(expect.arrayContaining(['imscp_v1p1.xsd', 'imsss_v1p0.xsd', 'xml.xsd', 'NOTICE.txt', 'coursepack.js', 'assets/a.svg']))
    const runtime = packageText(result, 'coursepack.js')
    expect(runtime).toContain('API_1484_11')
    expect(runtime).not.toContain('LMSInitialize')
  })

  it('the validator rejects what Moodle and the XSD reject', async () => {
    const result = await build2004({ 'course.yml': 'title: T\npassingScore: 50\n', '01-a.md': '# A' })
    const xml = packageText(result, 'imsmanifest.xml')
    expect((await validateManifest2004(xml.replace('adlcp:scormType="sco"', 'adlcp:scormType="SCO"'))).valid).toBe(false)
    expect((await validateManifest2004(xml.replace('<imsss:minNormalizedMeasure>0.5<', '<imsss:minNormalizedMeasure>50<'))).valid).toBe(false)
  })
})
