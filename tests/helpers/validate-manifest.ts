import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { XMLParser } from 'fast-xml-parser'
import { validateXML } from 'xmllint-wasm'

const schemasDir = fileURLToPath(new URL('../../schemas/scorm12/', import.meta.url))
const schemas2004Dir = fileURLToPath(new URL('../../schemas/scorm2004/', import.meta.url))

/**
 * Validate a manifest against the SCORM 1.2 content-packaging XSDs with
 * libxml2 (compiled to WebAssembly, so no network and no native install).
 *
 * libxml2 cannot compile imsmd_rootv1p2p1.xsd, and rejects ims_xml.xsd as
 * shipped because it binds the `xml` namespace as the default namespace. So
 * the CP and ADL parts are validated (adlcp_rootv1p2.xsd imports
 * imscp_rootv1p1p2.xsd), with that one declaration removed from ims_xml.xsd
 * in memory. Our manifests use no IMS metadata elements.
 */
export async function validateManifest(xml: string): Promise<{ valid: boolean; errors: string[] }> {
  const read = (name: string) => readFile(path.join(schemasDir, name), 'utf8')
  const imsXml = (await read('ims_xml.xsd')).replace('xmlns="http://www.w3.org/XML/1998/namespace"', '')
  const result = await validateXML({
    xml: [{ fileName: 'imsmanifest.xml', contents: xml }],
    schema: [await read('adlcp_rootv1p2.xsd')],
    preload: [
      { fileName: 'imscp_rootv1p1p2.xsd', contents: await read('imscp_rootv1p1p2.xsd') },
      { fileName: 'ims_xml.xsd', contents: imsXml },
    ],
  })
  return { valid: result.valid, errors: result.errors.map((error) => error.rawMessage) }
}

/**
 * Validate a SCORM 2004 4th Edition manifest against the 15 XSDs the package
 * ships (schemas/scorm2004/). No one schema imports the others, so a wrapper
 * imports the five namespaces; libxml2 compiles the files as they are
 * (docs/reference/scorm2004-lms-notes.md §4.4).
 */
export async function validateManifest2004(xml: string): Promise<{ valid: boolean; errors: string[] }> {
  const wrapper = `<?xml version="1.0"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:coursepack:wrapper">
  <xs:import namespace="http://www.imsglobal.org/xsd/imscp_v1p1" schemaLocation="imscp_v1p1.xsd"/>
  <xs:import namespace="http://www.adlnet.org/xsd/adlcp_v1p3" schemaLocation="adlcp_v1p3.xsd"/>
  <xs:import namespace="http://www.adlnet.org/xsd/adlseq_v1p3" schemaLocation="adlseq_v1p3.xsd"/>
  <xs:import namespace="http://www.adlnet.org/xsd/adlnav_v1p3" schemaLocation="adlnav_v1p3.xsd"/>
  <xs:import namespace="http://www.imsglobal.org/xsd/imsss" schemaLocation="imsss_v1p0.xsd"/>
</xs:schema>`
  const names = (await readdir(schemas2004Dir)).filter((name) => name.endsWith('.xsd'))
  const result = await validateXML({
    xml: [{ fileName: 'imsmanifest.xml', contents: xml }],
    schema: [{ fileName: 'wrapper.xsd', contents: wrapper }],
    preload: await Promise.all(names.map(async (name) => ({ fileName: name, contents: await readFile(path.join(schemas2004Dir, name), 'utf8') }))),
  })
  return { valid: result.valid, errors: result.errors.map((error) => error.rawMessage) }
}

/** Every file a manifest lists under its resources (hrefs decoded), to compare with the zip's entries. */
export function manifestHrefs(xml: string): string[] {
  const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => ['file', 'resource'].includes(name) }).parse(xml)
  return parsed.manifest.resources.resource.flatMap((resource: { file: { '@href': string }[] }) =>
    resource.file.map((file) => decodeURIComponent(file['@href'])),
  )
}
