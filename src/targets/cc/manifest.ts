import type { OutlineNode, Page } from '../../model.js'
import { toXml, xmlText } from '../manifest-xml.js'
import type { CanvasPart } from './canvas/index.js'
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

/** The cartridge's own files, by path in the zip. */
export interface CartridgeFiles {
  /** The lessons' stylesheet, and KaTeX's when a lesson has math. */
  readonly styles: readonly string[]
  /** The course files the pages use. */
  readonly assets: readonly string[]
  /** A lesson's, quiz's or bank's resource → the files of `assets` it uses. */
  readonly usedBy: ReadonlyMap<string, readonly string[]>
}

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
 * Files: each course file the pages use (`web_resources/assets/…`) is a
 * webcontent resource of its own, with its `href`, as in Canvas's exports:
 * Canvas imports as course files exactly the files of such resources
 * (`create_file_map`, then `process_migration_files` unzips only those).
 * The lessons' own stylesheet (and KaTeX's) is one webcontent resource
 * without `href`, which Canvas leaves out. No item points to these; Moodle
 * copies the files of every webcontent resource but HTML into the course's
 * files. Each lesson and quiz depends on the stylesheet's resource and on
 * those of the files it uses. File paths are written as they are, not
 * percent-encoded: Moodle copies and Canvas unpacks a file by its `href` as
 * written.
 *
 * `canvas`: the resources of Canvas's own files, after the Common
 * Cartridge's; no organization item points to them (Canvas reads its
 * modules from `module_meta.xml`), and each CC assessment depends on its
 * quiz's, as in Canvas's exports.
 */
export function cartridgeManifest(cartridge: Cartridge, files: CartridgeFiles, canvas: Pick<CanvasPart, 'resources' | 'dependencies'>): string {
  const { course, ids } = cartridge
  const sharedId = files.styles.length > 0 ? ids.take(`RES-${course.id}-files`) : undefined
  const assetId = new Map([...files.assets].sort().map((file) => [file, ids.take(`RES-${course.id}-file-${file.replace(/^web_resources\/assets\//, '')}`)] as const))
  /** The `<dependency>`s of a resource that uses `used` (files of `files.assets`), and of `more` resources. */
  const dependencies = (used: readonly string[], more: readonly string[] = []) => {
    const refs = [...(sharedId ? [sharedId] : []), ...[...new Set(used)].sort().flatMap((file) => assetId.get(file) ?? []), ...more]
    return refs.length === 0 ? {} : { dependency: refs.map((id) => ({ '@_identifierref': id })) }
  }
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
          ...cartridge.lessons.map(({ resource, href }) => ({ '@_identifier': resource, '@_type': resourceTypes.webcontent, '@_href': href, file: { '@_href': href }, ...dependencies(files.usedBy.get(resource) ?? []) })),
          ...cartridge.quizzes.map(({ resource, href }) => {
            const meta = canvas.dependencies.get(resource)
            return { '@_identifier': resource, '@_type': resourceTypes.assessment, file: { '@_href': href }, ...dependencies(files.usedBy.get(resource) ?? [], meta ? [meta] : []) }
          }),
          ...(cartridge.bank ? [{ '@_identifier': cartridge.bank.resource, '@_type': resourceTypes.bank, file: { '@_href': cartridge.bank.href }, ...dependencies(files.usedBy.get(cartridge.bank.resource) ?? []) }] : []),
          ...(sharedId ? [{ '@_identifier': sharedId, '@_type': resourceTypes.webcontent, file: [...files.styles].sort().map((file) => ({ '@_href': file })) }] : []),
          ...[...assetId].map(([file, id]) => ({ '@_identifier': id, '@_type': resourceTypes.webcontent, '@_href': file, file: { '@_href': file } })),
          ...canvas.resources,
        ],
      },
    },
  })
}
