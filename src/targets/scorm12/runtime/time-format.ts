/**
 * SCORM 1.2 CMITimespan, `HHHH:MM:SS.SS` with 2 to 4 hour digits (RTE
 * 3.4.2.1.x; Moodle's regex `^([0-9]{2,4}):([0-9]{2}):([0-9]{2})(\.[0-9]{1,2})?$`).
 *
 * @example
 *   formatTimespan(3_723_456) //=> '01:02:03.46'
 */
export function formatTimespan(milliseconds: number): string {
  const centiseconds = Math.min(Math.max(0, Math.round(milliseconds / 10)), 9999 * 360_000 + 359_999)
  const hours = Math.floor(centiseconds / 360_000)
  const minutes = Math.floor((centiseconds % 360_000) / 6000)
  const seconds = Math.floor((centiseconds % 6000) / 100)
  const fraction = centiseconds % 100
  return `${pad(hours)}:${pad(minutes)}:${pad(seconds)}.${pad(fraction)}`
}

/**
 * SCORM 1.2 CMITime, a time of day `HH:MM:SS` (not ISO 8601, which both
 * Moodle and scorm-again reject).
 */
export function formatTimeOfDay(date: Date): string {
  return `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`
}

function pad(value: number): string {
  return value < 10 ? `0${value}` : String(value)
}
