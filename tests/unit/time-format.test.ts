import { describe, expect, it } from 'vitest'
import { formatTimeOfDay, formatTimespan } from '../../src/targets/scorm12/runtime/time-format.js'
import { formatDuration, formatTimestamp } from '../../src/targets/scorm2004/runtime/time-format.js'

describe('SCORM 1.2 times', () => {
  it('CMITimespan HHHH:MM:SS.SS, 2 to 4 hour digits', () => {
    expect(formatTimespan(0)).toBe('00:00:00.00')
    expect(formatTimespan(3_723_456)).toBe('01:02:03.46')
    expect(formatTimespan(400 * 3_600_000)).toBe('400:00:00.00')
    expect(formatTimespan(20_000 * 3_600_000)).toBe('9999:59:59.99')
  })

  it('CMITime is a time of day, not ISO 8601', () => {
    expect(formatTimeOfDay(new Date(2026, 10, 28, 9, 5, 7))).toBe('09:05:07')
  })
})

describe('SCORM 2004 times', () => {
  it('timeinterval PT#H#M#S, at most two decimals, never a bare PT', () => {
    expect(formatDuration(0)).toBe('PT0H0M0S')
    expect(formatDuration(3_723_456)).toBe('PT1H2M3.46S')
    expect(formatDuration(65_250)).toBe('PT0H1M5.25S')
    expect(formatDuration(-5)).toBe('PT0H0M0S')
  })

  it('time with two decimals before the zone (Moodle rejects toISOString()\'s three)', () => {
    expect(formatTimestamp(new Date(Date.UTC(2026, 10, 28, 9, 5, 7, 123)))).toBe('2026-11-28T09:05:07.12Z')
    expect(formatTimestamp(new Date(Date.UTC(2026, 10, 28, 9, 5, 7)))).toBe('2026-11-28T09:05:07.00Z')
  })
})
