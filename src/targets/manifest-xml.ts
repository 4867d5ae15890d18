import { XMLBuilder } from 'fast-xml-parser'
import type { OutlineNode } from '../model.js'
import { encodePath } from '../render/course-links.js'

/** What every target's `imsmanifest.xml` is built with. */

export interface ManifestFiles {
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

/** An object in fast-xml-parser's shape (`@_` attributes) as an XML document. */
export function toXml(document: object): string {
  return builder.build({ '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' }, ...document }) as string
}

/**
 * The `<resource>`s of a single-SCO package: the SCO (`index.html`) with
 * every file it uses, and an asset resource for the files no SCO uses (the
 * schemas and their notice). `scormType` is the ADL attribute as each
 * version spells it (`adlcp:scormtype` in 1.2, `adlcp:scormType` in 2004).
 */
export function scoResources(ids: IdAllocator, courseId: string, scoId: string, scormType: string, files: { readonly scoFiles: readonly string[]; readonly otherFiles: readonly string[] }): object[] {
  return [
    { '@_identifier': scoId, '@_type': 'webcontent', [`@_${scormType}`]: 'sco', '@_href': 'index.html', file: fileElements(files.scoFiles) },
    ...(files.otherFiles.length === 0
      ? []
      : [{ '@_identifier': ids.take(`RES-${courseId}-schemas`), '@_type': 'webcontent', [`@_${scormType}`]: 'asset', file: fileElements(files.otherFiles) }]),
  ]
}

/** `<file href>` elements for `paths`, sorted, each path percent-encoded as a URI reference. */
export function fileElements(paths: readonly string[]): object[] {
  return [...paths].sort().map((path) => ({ '@_href': encodePath(path) }))
}

/**
 * The outline as `<item>`s with no `identifierref`, so an LMS never launches
 * them as separate SCOs (which would split the learner's record), and
 * `isvisible="false"` to keep them out of the LMS's own table of contents:
 * the course shows its own.
 */
export function outlineItems(nodes: readonly OutlineNode[], ids: IdAllocator): object[] {
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

export type IdAllocator = ReturnType<typeof createIdAllocator>

/**
 * Manifest identifiers are xsd:ID: unique across the manifest and valid
 * NCNames. Ids are built from ASCII slugs; a repeat gets `-2`, `-3`, ….
 */
export function createIdAllocator() {
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
