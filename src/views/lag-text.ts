// What every view's LAG is counted against, in English and Korean (one rule, sim's observe/lag.ts,
// as kafka-consumer-groups --describe counts it). Kafka's names stay as Kafka writes them.

import type { Text } from '../i18n.ts'

export const LAG_RULE: Text = {
  en: 'LAG = high watermark (LOG-END-OFFSET) − committed offset (CURRENT-OFFSET). A partition without a committed offset shows "-" and adds nothing to a total.',
  ko: 'LAG = 하이 워터마크(LOG-END-OFFSET) − 커밋된 오프셋(CURRENT-OFFSET). 커밋된 오프셋이 없는 파티션은 "-"로 표시하고 합계에 더하지 않습니다.',
}
