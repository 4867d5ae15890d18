import type { OutlineNode, Page } from '../../model.js'
import { toXml, xmlText } from '../manifest-xml.js'
import type { Cartridge } from './plan.js'

/** CC 1.1's namespaces, the targetNamespaces of the CC 1.1 XSDs (Moodle's backup/cc/schemas11). */
const namespaces = {
  imscp: 'http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1',
  lomimscc: 'http://ltsc.ieee.org/xsd/imsccv1p1/LOM/manifest',
  xsi: 'http://www.w3.org/2001/XMLSchema-instance',
} as const

/** As Moodle's own CC 1.1 export writes them (`cc_version11.php`); neither LMS fetches them. */
const schemaLocation = [
  `${namespaces.imscp} http://www.imsglobal.org/profile/cc/ccv1p1/ccv1p1_imscp_v1p2_v1p0.xsd`,
  `${namespaces.lomimscc} http://www.imsglobal.org/profile/cc/ccv1p1/LOM/ccv1p1_lommanifest_v1p0.xsd`,
].join(' ')

export const resourceTypes = {
  webcontent: 'webcontent',
  assessment: 'imsqti_xmlv1p2/imscc_xmlv1p1/assessment',
  bank: 'imsqti_xmlv1p2/imscc_xmlv1p1/question-bank',
} as const

/**
 * The cartridge's `imsmanifest.xml` (notes §1): the default namespace on
 * `<manifest>`, in its first bytes, since Moodle finds CC 1.1 by that
 * string in the file's first 1024 bytes; no `version` attribute (the CC
 * profile removed it); the course's title and description as LOM, where
 * Moodle takes the course name from.
 *
 * The organization is the outline: a root item without a title, then one
 * item per module (Moodle: a course section; Canvas: a module), the pages
 * below it (a nested module: Moodle's label, Canvas's text header). Pages
 * outside any module are grouped, each run of them under an item titled
 * after the course, since neither LMS wants a page right under the root.
 *
 * `sharedFiles` are the stylesheet and the files the pages use: one
 * webcontent resource, which no item points to (both LMSs copy its files
 * into the course's files), and which every lesson and quiz depends on.
 * File paths are written as they are, not percent-encoded: Moodle copies
 * and Canvas unpacks a file by its `href` as written.
 */
export function cartridgeManifest(cartridge: Cartridge, sharedFiles: readonly string[]): string {
  const { course, ids } = cartridge
  const sharedId = sharedFiles.length > 0 ? ids.take(`RES-${course.id}-files`) : undefined
  const dependency = sharedId ? { dependency: { '@_identifierref': sharedId } } : {}
  const resourceOf = new Map<Page, string>([
    ...cartridge.lessons.map(({ lesson, resource }) => [lesson, resource] as const),
    ...cartridge.quizzes.map(({ quiz, resource }) => [quiz, resource] as const),
  ])

  const pageItem = (page: Page): object[] => {
    const resource = resourceOf.get(page)
    return resource ? [{ '@_identifier': ids.take(`ITEM-${page.id}`), '@_identifierref': resource, title: xmlText(page.title) }] : []
  }
  const nested = (nodes: readonly OutlineNode[]): object[] =>
    nodes.flatMap((node): object[] => {
      if (node.type === 'page') return pageItem(node.page)
      const children = nested(node.children)
      return children.length === 0 ? [] : [{ '@_identifier': ids.take(`ITEM-module-${node.id}`), title: xmlText(node.title), item: children }]
    })
  const top: object[] = []
  let run: object[] = []
  const closeRun = () => {
    if (run.length > 0) top.push({ '@_identifier': ids.take(`ITEM-${course.id}-pages`), title: xmlText(course.config.title), item: run })
    run = []
  }
  for (const node of course.outline) {
    if (node.type === 'page') run.push(...pageItem(node.page))
    else {
      closeRun()
      top.push(...nested([node]))
    }
  }
  closeRun()

  const organizationId = ids.take(`ORG-${course.id}`)
  const rootId = ids.take(`ITEM-${course.id}`)
  const language = course.config.language
  const string = (text: string) => ({ 'lomimscc:string': { '@_language': language, '#text': xmlText(text) } })
  return toXml({
    manifest: {
      // First, so that it is in the first 1024 bytes however long the course id.
      '@_xmlns': namespaces.imscp,
      '@_identifier': ids.take(`MANIFEST-${course.id}`),
      '@_xmlns:lomimscc': namespaces.lomimscc,
      '@_xmlns:xsi': namespaces.xsi,
      '@_xsi:schemaLocation': schemaLocation,
      metadata: {
        schema: 'IMS Common Cartridge',
        schemaversion: '1.1.0',
        'lomimscc:lom': {
          'lomimscc:general': {
            'lomimscc:title': string(course.config.title),
            'lomimscc:language': language,
            ...(course.config.description ? { 'lomimscc:description': string(course.config.description) } : {}),
          },
        },
      },
      organizations: {
        organization: { '@_identifier': organizationId, '@_structure': 'rooted-hierarchy', item: { '@_identifier': rootId, item: top } },
      },
      resources: {
        resource: [
          ...cartridge.lessons.map(({ resource, href }) => ({ '@_identifier': resource, '@_type': resourceTypes.webcontent, '@_href': href, file: { '@_href': href }, ...dependency })),
          ...cartridge.quizzes.map(({ resource, href }) => ({ '@_identifier': resource, '@_type': resourceTypes.assessment, file: { '@_href': href }, ...dependency })),
          ...(cartridge.bank ? [{ '@_identifier': cartridge.bank.resource, '@_type': resourceTypes.bank, file: { '@_href': cartridge.bank.href }, ...dependency }] : []),
          ...(sharedId ? [{ '@_identifier': sharedId, '@_type': resourceTypes.webcontent, file: [...sharedFiles].sort().map((file) => ({ '@_href': file })) }] : []),
        ],
      },
    },
  })
}
