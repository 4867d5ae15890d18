import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { validateXML } from 'xmllint-wasm'

const schemasDir = fileURLToPath(new URL('../../schemas/cc11/', import.meta.url))

export interface Validation {
  readonly valid: boolean
  readonly errors: string[]
}

/**
 * Validate a Common Cartridge 1.1 manifest with libxml2 (WebAssembly)
 * against the CC 1.1 XSDs of schemas/cc11/, as Moodle does before it
 * restores a cartridge (backup/cc/validator.php). Moodle's own wrapper
 * (cc11libxml2validator.xsd) is GPL and is not copied: this one does the
 * same, importing the four manifest namespaces.
 */
export async function validateCcManifest(xml: string): Promise<Validation> {
  const wrapper = `<?xml version="1.0"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:coursepack:cc11-wrapper">
  <xs:import namespace="http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1" schemaLocation="ccv1p1_imscp_v1p2_v1p0.xsd"/>
  <xs:import namespace="http://ltsc.ieee.org/xsd/imsccv1p1/LOM/manifest" schemaLocation="ccv1p1_lommanifest_v1p0.xsd"/>
  <xs:import namespace="http://ltsc.ieee.org/xsd/imsccv1p1/LOM/resource" schemaLocation="ccv1p1_lomresource_v1p0.xsd"/>
  <xs:import namespace="http://www.imsglobal.org/xsd/imsccv1p1/imsccauth_v1p1" schemaLocation="ccv1p1_imsccauth_v1p1.xsd"/>
</xs:schema>`
  return validate('imsmanifest.xml', xml, { fileName: 'wrapper.xsd', contents: wrapper })
}

/** Validate a QTI file (assessment or question bank) against the CC 1.1 profile of QTI 1.2.1. */
export async function validateCcQti(xml: string, fileName = 'assessment.xml'): Promise<Validation> {
  return validate(fileName, xml, { fileName: 'ccv1p1_qtiasiv1p2p1_v1p0.xsd', contents: await readFile(path.join(schemasDir, 'ccv1p1_qtiasiv1p2p1_v1p0.xsd'), 'utf8') })
}

async function validate(fileName: string, xml: string, schema: { fileName: string; contents: string }): Promise<Validation> {
  const names = (await readdir(schemasDir)).filter((name) => name.endsWith('.xsd') && name !== schema.fileName)
  const result = await validateXML({
    xml: [{ fileName, contents: xml }],
    schema: [schema],
    preload: await Promise.all(names.map(async (name) => ({ fileName: name, contents: await readFile(path.join(schemasDir, name), 'utf8') }))),
  })
  return { valid: result.valid, errors: result.errors.map((error) => error.rawMessage) }
}
