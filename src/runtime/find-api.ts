/** ADL's APIWrapper gives up after this many parents. */
const maxHops = 7

/**
 * ADL's discovery of the LMS's API object (SCORM 1.2 RTE 3.3, SCORM 2004
 * RTE 3.1.2): the property `name` (`API`, `API_1484_11`) on this window and
 * its parents, then on the opener and its parents. A frame of another origin
 * cannot be read and ends that search.
 */
export function findApi<Api>(start: Window, name: string, isApi: (candidate: unknown) => candidate is Api): Api | null {
  for (const first of [start, start.opener as Window | null]) {
    let win = first
    try {
      for (let hops = 0; win && hops <= maxHops; hops++) {
        const api = (win as unknown as Record<string, unknown>)[name]
        if (isApi(api)) return api
        win = win.parent === win ? null : win.parent
      }
    } catch {
      // A cross-origin ancestor: nothing more to find there.
    }
  }
  return null
}
