/** ADL's APIWrapper gives up after this many parents. */
const maxHops = 7

/**
 * ADL's discovery of the LMS's API object (SCORM 1.2 RTE 3.3, SCORM 2004
 * RTE 3.1.2): the property `name` (`API`, `API_1484_11`) on this window and
 * its parents, then on the opener and its parents. A frame of another origin
 * cannot be read and ends that search.
 */
export function findApi<Api>(start: Window, name: string, isApi: (candidate: unknown) => candidate is Api): Api | null {
  return searchUp(start, name, isApi) ?? (start.opener ? searchUp(start.opener as Window, name, isApi) : null)
}

function searchUp<Api>(start: Window, name: string, isApi: (candidate: unknown) => candidate is Api): Api | null {
  let win: Window = start
  try {
    for (let hops = 0; hops <= maxHops; hops++) {
      const api = (win as unknown as Record<string, unknown>)[name]
      if (isApi(api)) return api
      if (!win.parent || win.parent === win) return null
      win = win.parent
    }
  } catch {
    // A cross-origin ancestor: nothing more to find.
  }
  return null
}

/** An object with these functions. */
export function hasFunctions<Api>(names: readonly string[]): (candidate: unknown) => candidate is Api {
  return (candidate): candidate is Api =>
    typeof candidate === 'object' && candidate !== null && names.every((name) => typeof (candidate as Record<string, unknown>)[name] === 'function')
}
