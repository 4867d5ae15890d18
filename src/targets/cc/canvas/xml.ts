/** Canvas's namespace for its own files, and the schema its exporter names (lib/cc/cc_helper.rb `CANVAS_NAMESPACE`, `XSD_URI`); Canvas does not validate them. */
export const canvasNamespace = 'http://canvas.instructure.com/xsd/cccv1p0'

/** The attributes of the root element of each of Canvas's XML files. */
export const canvasRoot = {
  '@_xmlns': canvasNamespace,
  '@_xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
  '@_xsi:schemaLocation': `${canvasNamespace} http://canvas.instructure.com/xsd/cccv1p0.xsd`,
} as const
