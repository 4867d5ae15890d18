import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { validateXML } from 'xmllint-wasm'

const schemasDir = fileURLToPath(new URL('../../schemas/scorm12/', import.meta.url))

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
