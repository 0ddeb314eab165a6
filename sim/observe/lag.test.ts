/**
 * kafka-consumer-groups' LAG rule (ConsumerGroupCommand.getLag): LOG-END-OFFSET (the leader's high
 * watermark) − CURRENT-OFFSET (the committed offset); `-` (null) without a committed offset or
 * without a leader; negative past the end of the log, as Kafka prints it. Totals count only the partitions whose LAG is known.
 */
import { describe, expect, test } from 'vitest'
import { partitionLag, totalLag } from './lag.ts'

describe('partitionLag', () => {
  test('no committed offset: no LAG (Kafka prints "-")', () => {
    expect(partitionLag(null, 120)).toBeNull()
    expect(partitionLag(undefined, 120)).toBeNull()
    // -1 is Kafka's "no offset" (OffsetFetch's INVALID_OFFSET): getLag filters it out
    expect(partitionLag(-1, 120)).toBeNull()
  })

  test('no leader (ListOffsets has no answer): no LAG', () => {
    expect(partitionLag(40, null)).toBeNull()
  })

  test('committed: high watermark − committed offset', () => {
    expect(partitionLag(40, 120)).toBe(80)
    expect(partitionLag(120, 120)).toBe(0)
    expect(partitionLag(0, 7)).toBe(7)
  })

  test('a committed offset above the high watermark (a truncated log) gives a negative LAG, as in kafka-consumer-groups', () => {
    expect(partitionLag(150, 120)).toBe(-30)
  })
})

describe('totalLag', () => {
  test('sums the known lags: a partition without a committed offset or a leader adds nothing', () => {
    expect(totalLag([80, null, 5, null, 0])).toBe(85)
    expect(totalLag([null, null])).toBe(0)
    expect(totalLag([])).toBe(0)
  })
})
