/** The SCORM 1.2 API object an LMS puts on one of the content's ancestor windows (RTE 3.3). */
export interface Scorm12Api {
  LMSInitialize(parameter: ''): string
  LMSFinish(parameter: ''): string
  LMSGetValue(element: string): string
  LMSSetValue(element: string, value: string): string
  LMSCommit(parameter: ''): string
  LMSGetLastError(): string
  LMSGetErrorString(code: string): string
  LMSGetDiagnostic(code: string): string
}

/** ADL's APIWrapper gives up after this many parents. */
const maxHops = 7

/**
 * ADL's discovery: this window and its parents, then the opener and its
 * parents. A frame of another origin cannot be read and ends that search.
 */
export function findApi(start: Window): Scorm12Api | null {
  return searchUp(start) ?? (start.opener ? searchUp(start.opener as Window) : null)
}

function searchUp(start: Window): Scorm12Api | null {
  let win: Window = start
  try {
    for (let hops = 0; hops <= maxHops; hops++) {
      const api = (win as Window & { API?: unknown }).API
      if (isApi(api)) return api
      if (!win.parent || win.parent === win) return null
      win = win.parent
    }
  } catch {
    // A cross-origin ancestor: nothing more to find.
  }
  return null
}

function isApi(candidate: unknown): candidate is Scorm12Api {
  return typeof candidate === 'object' && candidate !== null && typeof (candidate as Scorm12Api).LMSInitialize === 'function'
}
