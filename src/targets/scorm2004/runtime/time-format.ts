/**
 * SCORM 2004 timeinterval (second,10,2): an ISO 8601 duration
 * `PT#H#M#S` with at most two decimals on the seconds (RTE 4.1.1.9; Moodle's
 * CMITimespan rejects more, and rejects a bare `PT`).
 *
 * @example
 *   formatDuration(3_723_456) //=> 'PT1H2M3.46S'
 */
export function formatDuration(milliseconds: number): string {
  const centiseconds = Math.max(0, Math.round(milliseconds / 10))
  const hours = Math.floor(centiseconds / 360_000)
  const minutes = Math.floor((centiseconds % 360_000) / 6000)
  const seconds = (centiseconds % 6000) / 100
  return `PT${hours}H${minutes}M${seconds}S`
}

/**
 * SCORM 2004 time (second,10,0): `YYYY-MM-DDThh:mm:ss.ssZ`. A time zone is
 * allowed only after fractional seconds, and Moodle takes at most two of
 * them, so `toISOString()`'s three are cut to two.
 */
export function formatTimestamp(date: Date): string {
  return date.toISOString().replace(/(\.\d{2})\d*Z$/, '$1Z')
}
