import { XMLBuilder } from 'fast-xml-parser'
import { metadata, namespaces, schemaLocation } from '../manifest/scorm12.js'
import type { Course, OutlineNode } from '../model.js'
import { encodePath } from '../render/course-links.js'

export interface Options {
  /** Every file of the package the SCO uses, by path (the manifest itself excluded). */
  readonly scoFiles: readonly string[]
  /** Files that belong to no SCO (the XSDs and their notice). */
  readonly otherFiles: readonly string[]
}

const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  format: true,
  indentBy: '  ',
  suppressEmptyNode: true,
  processEntities: true,
  // `isvisible="true"` must keep its value: a bare attribute is not XML.
  suppressBooleanAttributes: false,
})

/**
 * The `imsmanifest.xml` of a single-SCO package: CP elements unprefixed and
 * ADL ones with the literal `adlcp:` prefix, because Moodle's parser is not
 * namespace-aware and matches `ADLCP:MASTERYSCORE` as written. Element order
 * follows imscp_rootv1p1p2.xsd (title, item*, metadata?, then adlcp:*).
 *
 * The organization mirrors the outline: one launchable item for the course
 * and, under it, an item per module and page. Those have no `identifierref`,
 * so an LMS never launches them as separate SCOs (which would split the
 * learner's record), and `isvisible="false"` keeps them out of the LMS's own
 * table of contents; the course shows its own.
 */
export function buildManifest(course: Course, options: Options): string {
  const ids = createIdAllocator()
  const organizationId = ids.take(`ORG-${course.id}`)
  const scoId = ids.take(`RES-${course.id}`)
  const passingScore = course.config.passingScore

  const courseItem = {
    '@_identifier': ids.take(`ITEM-${course.id}`),
    '@_identifierref': scoId,
    '@_isvisible': 'true',
    title: xmlText(course.config.title),
    item: outlineItems(course.outline, ids),
    ...(passingScore === undefined ? {} : { 'adlcp:masteryscore': String(passingScore) }),
  }

  const manifest = {
    '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' },
    manifest: {
      '@_identifier': ids.take(`MANIFEST-${course.id}`),
      '@_version': course.config.version,
      '@_xmlns': namespaces.imscp,
      '@_xmlns:adlcp': namespaces.adlcp,
      '@_xmlns:xsi': namespaces.xsi,
      '@_xsi:schemaLocation': schemaLocation,
      metadata: { ...metadata },
      organizations: {
        '@_default': organizationId,
        organization: {
          '@_identifier': organizationId,
          '@_structure': 'hierarchical',
          title: xmlText(course.config.title),
          item: courseItem,
        },
      },
      resources: {
        resource: [
          {
            '@_identifier': scoId,
            '@_type': 'webcontent',
            '@_adlcp:scormtype': 'sco',
            '@_href': 'index.html',
            file: fileElements(options.scoFiles),
          },
          ...(options.otherFiles.length === 0
            ? []
            : [
                {
                  '@_identifier': ids.take(`RES-${course.id}-schemas`),
                  '@_type': 'webcontent',
                  '@_adlcp:scormtype': 'asset',
                  file: fileElements(options.otherFiles),
                },
              ]),
        ],
      },
    },
  }
  return builder.build(manifest) as string
}

function outlineItems(nodes: readonly OutlineNode[], ids: IdAllocator): object[] {
  return nodes.map((node) =>
    node.type === 'page'
      ? { '@_identifier': ids.take(`ITEM-page-${node.page.id}`), '@_isvisible': 'false', title: xmlText(node.page.title) }
      : {
          '@_identifier': ids.take(`ITEM-module-${node.id}`),
          '@_isvisible': 'false',
          title: xmlText(node.title),
          item: outlineItems(node.children, ids),
        },
  )
}

function fileElements(paths: readonly string[]): object[] {
  return [...paths].sort().map((path) => ({ '@_href': encodePath(path) }))
}

type IdAllocator = ReturnType<typeof createIdAllocator>

/**
 * Manifest identifiers are xsd:ID: unique across the manifest and valid
 * NCNames. Ids are built from ASCII slugs; a repeat gets `-2`, `-3`, ….
 */
function createIdAllocator() {
  const used = new Set<string>()
  return {
    take(base: string): string {
      const name = base.replace(/[^A-Za-z0-9_.-]/g, '-')
      let id = name
      for (let n = 2; used.has(id); n++) id = `${name}-${n}`
      used.add(id)
      return id
    },
  }
}

/** Text that XML 1.0 can hold: control characters and lone surrogates removed. */
export function xmlText(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '')
}
