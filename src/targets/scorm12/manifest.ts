import type { Course } from '../../model.js'
import { createIdAllocator, type ManifestFiles, outlineItems, scoResources, toXml, xmlText } from '../manifest-xml.js'

/**
 * SCORM 1.2 content packaging (IMS CP 1.1.2 + ADL CP 1.2).
 * Watch the domains: CP is imsproject.org, metadata imsglobal.org, ADL adlnet.org.
 */
const namespaces = {
  imscp: 'http://www.imsproject.org/xsd/imscp_rootv1p1p2',
  imsmd: 'http://www.imsglobal.org/xsd/imsmd_rootv1p2p1',
  adlcp: 'http://www.adlnet.org/xsd/adlcp_rootv1p2',
  xsi: 'http://www.w3.org/2001/XMLSchema-instance',
} as const

/** The schema files that `xsi:schemaLocation` names (shipped from schemas/scorm12/, at the zip root). */
export const schemaFiles = ['imscp_rootv1p1p2.xsd', 'imsmd_rootv1p2p1.xsd', 'adlcp_rootv1p2.xsd', 'ims_xml.xsd'] as const

const schemaLocation = [
  `${namespaces.imscp} imscp_rootv1p1p2.xsd`,
  `${namespaces.imsmd} imsmd_rootv1p2p1.xsd`,
  `${namespaces.adlcp} adlcp_rootv1p2.xsd`,
].join(' ')

/**
 * The `imsmanifest.xml` of a single-SCO package: CP elements unprefixed and
 * ADL ones with the literal `adlcp:` prefix, because Moodle's parser is not
 * namespace-aware and matches `ADLCP:MASTERYSCORE` as written. Element order
 * follows imscp_rootv1p1p2.xsd (title, item*, metadata?, then adlcp:*).
 * `schema`/`schemaversion` `ADL SCORM`/`1.2` is how Moodle picks its 1.2 API.
 *
 * The organization mirrors the outline: one launchable item for the course
 * and, under it, hidden items for the modules and pages.
 */
export function scorm12Manifest(course: Course, files: ManifestFiles): string {
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

  return toXml({
    manifest: {
      '@_identifier': ids.take(`MANIFEST-${course.id}`),
      '@_version': course.config.version,
      '@_xmlns': namespaces.imscp,
      '@_xmlns:adlcp': namespaces.adlcp,
      '@_xmlns:xsi': namespaces.xsi,
      '@_xsi:schemaLocation': schemaLocation,
      metadata: { schema: 'ADL SCORM', schemaversion: '1.2' },
      organizations: {
        '@_default': organizationId,
        organization: {
          '@_identifier': organizationId,
          '@_structure': 'hierarchical',
          title: xmlText(course.config.title),
          item: courseItem,
        },
      },
      resources: { resource: scoResources(ids, course.id, scoId, 'adlcp:scormtype', files) },
    },
  })
}
