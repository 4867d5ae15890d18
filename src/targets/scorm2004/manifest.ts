import type { Course } from '../../model.js'
import { createIdAllocator, type ManifestFiles, scoResources, toXml, xmlText } from '../manifest-xml.js'

/** SCORM 2004 4th Edition content packaging (IMS CP 1.1.4 + ADL CP, sequencing and navigation 1.3, IMS SS 1.0). */
const namespaces = {
  imscp: 'http://www.imsglobal.org/xsd/imscp_v1p1',
  adlcp: 'http://www.adlnet.org/xsd/adlcp_v1p3',
  adlseq: 'http://www.adlnet.org/xsd/adlseq_v1p3',
  adlnav: 'http://www.adlnet.org/xsd/adlnav_v1p3',
  imsss: 'http://www.imsglobal.org/xsd/imsss',
  xsi: 'http://www.w3.org/2001/XMLSchema-instance',
} as const

/** The schema files the package carries (from schemas/scorm2004/, at the zip root). */
export const schemaFiles = [
  'imscp_v1p1.xsd',
  'adlcp_v1p3.xsd',
  'adlseq_v1p3.xsd',
  'adlnav_v1p3.xsd',
  'imsss_v1p0.xsd',
  'imsss_v1p0auxresource.xsd',
  'imsss_v1p0control.xsd',
  'imsss_v1p0delivery.xsd',
  'imsss_v1p0limit.xsd',
  'imsss_v1p0objective.xsd',
  'imsss_v1p0random.xsd',
  'imsss_v1p0rollup.xsd',
  'imsss_v1p0seqrule.xsd',
  'imsss_v1p0util.xsd',
  'xml.xsd',
] as const

const schemaLocation = [
  `${namespaces.imscp} imscp_v1p1.xsd`,
  `${namespaces.adlcp} adlcp_v1p3.xsd`,
  `${namespaces.adlseq} adlseq_v1p3.xsd`,
  `${namespaces.adlnav} adlnav_v1p3.xsd`,
  `${namespaces.imsss} imsss_v1p0.xsd`,
].join(' ')

/**
 * Exactly this text, with no space around it: Moodle reads it untrimmed and
 * takes anything else for SCORM 1.2 (docs/reference/scorm2004-lms-notes.md §4.2).
 */
export const schemaVersion = '2004 4th Edition'

/**
 * The `imsmanifest.xml` of a single-SCO SCORM 2004 package. Prefixes are the
 * literal `adlcp:`, `adlseq:`, `imsss:` that Moodle's parser (not
 * namespace-aware) matches. One item, the course, with no children: in
 * SCORM 2004 an item with children is a cluster and cannot be launched, and
 * the course shows its own outline. Its sequencing lets the content set
 * completion and success, and, when the course has a pass mark, makes it the
 * primary objective's `minNormalizedMeasure` with `satisfiedByMeasure`, which
 * the LMS hands to the SCO as `cmi.scaled_passing_score`. Without a pass mark
 * there is no objective at all: one without a measure would mean a pass mark
 * of 100%. Element order follows the XSDs (title, sequencing; objectives
 * before deliveryControls).
 */
export function scorm2004Manifest(course: Course, files: ManifestFiles): string {
  const ids = createIdAllocator()
  const organizationId = ids.take(`ORG-${course.id}`)
  const scoId = ids.take(`RES-${course.id}`)
  const passingScore = course.config.passingScore

  const sequencing = {
    ...(passingScore === undefined
      ? {}
      : {
          'imsss:objectives': {
            'imsss:primaryObjective': {
              '@_objectiveID': 'PRIMARYOBJ',
              '@_satisfiedByMeasure': 'true',
              'imsss:minNormalizedMeasure': normalized(passingScore),
            },
          },
        }),
    'imsss:deliveryControls': { '@_completionSetByContent': 'true', '@_objectiveSetByContent': 'true' },
  }

  return toXml({
    manifest: {
      '@_identifier': ids.take(`MANIFEST-${course.id}`),
      '@_version': course.config.version,
      '@_xmlns': namespaces.imscp,
      '@_xmlns:adlcp': namespaces.adlcp,
      '@_xmlns:adlseq': namespaces.adlseq,
      '@_xmlns:adlnav': namespaces.adlnav,
      '@_xmlns:imsss': namespaces.imsss,
      '@_xmlns:xsi': namespaces.xsi,
      '@_xsi:schemaLocation': schemaLocation,
      metadata: { schema: 'ADL SCORM', schemaversion: schemaVersion },
      organizations: {
        '@_default': organizationId,
        organization: {
          '@_identifier': organizationId,
          '@_adlseq:objectivesGlobalToSystem': 'false',
          title: xmlText(course.config.title),
          item: {
            '@_identifier': ids.take(`ITEM-${course.id}`),
            '@_identifierref': scoId,
            title: xmlText(course.config.title),
            'imsss:sequencing': sequencing,
          },
          'imsss:sequencing': { 'imsss:controlMode': { '@_choice': 'true', '@_flow': 'true' } },
        },
      },
      resources: { resource: scoResources(ids, course.id, scoId, 'adlcp:scormType', files) },
    },
  })
}

/** A pass mark in percent as a normalized measure (0–1), in plain digits: 70 → `0.7`. */
export function normalized(percent: number): string {
  return String(Math.round(percent * 100) / 10000)
}
