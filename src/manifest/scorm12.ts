/**
 * SCORM 1.2 content packaging constants (IMS CP 1.1.2 + ADL CP 1.2).
 * Watch the domains: CP is imsproject.org, metadata imsglobal.org, ADL adlnet.org.
 */
export const namespaces = {
  imscp: 'http://www.imsproject.org/xsd/imscp_rootv1p1p2',
  imsmd: 'http://www.imsglobal.org/xsd/imsmd_rootv1p2p1',
  adlcp: 'http://www.adlnet.org/xsd/adlcp_rootv1p2',
  xsi: 'http://www.w3.org/2001/XMLSchema-instance',
} as const

/** The schema files that `xsi:schemaLocation` names; they sit at the zip root next to the manifest. */
export const schemaFiles = ['imscp_rootv1p1p2.xsd', 'imsmd_rootv1p2p1.xsd', 'adlcp_rootv1p2.xsd', 'ims_xml.xsd'] as const

export const schemaLocation = [
  `${namespaces.imscp} imscp_rootv1p1p2.xsd`,
  `${namespaces.imsmd} imsmd_rootv1p2p1.xsd`,
  `${namespaces.adlcp} adlcp_rootv1p2.xsd`,
].join(' ')

/** `metadata/schema` and `schemaversion`: Moodle picks its SCORM 1.2 API from `1.2`. */
export const metadata = { schema: 'ADL SCORM', schemaversion: '1.2' } as const
