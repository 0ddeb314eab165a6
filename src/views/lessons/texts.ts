// The lesson views' own words, in Korean and English.

export const L = {
  panel: { en: 'Lessons', ko: '레슨' },
  intro: {
    en: 'Guided lessons run on the real model and pause at the key moments. Leave for free play at any time.',
    ko: '가이드 레슨은 실제 모델 위에서 진행되고 중요한 순간에 멈춥니다. 언제든 자유 실습으로 나갈 수 있습니다.',
  },
  done: { en: 'done', ko: '완료' },
  resumeAt: { en: 'step', ko: '단계' },
  previous: { en: 'Previous', ko: '이전' },
  next: { en: 'Next', ko: '다음' },
  finish: { en: 'Finish', ko: '마치기' },
  check: { en: 'Check', ko: '확인' },
  checkHint: { en: 'Pick an answer, then watch what happens.', ko: '답을 고른 뒤 실제로 어떻게 되는지 지켜보세요.' },
  predict: { en: 'Predict, then watch', ko: '예측하고 지켜보기' },
  watching: { en: 'Watching… the run pauses at the key moment.', ko: '재생 중… 중요한 순간에 자동으로 멈춥니다.' },
  pausedAt: { en: 'Paused at the key moment:', ko: '중요한 순간에서 멈춤:' },
  right: { en: 'Right.', ko: '맞았습니다.' },
  notQuite: { en: 'Not quite.', ko: '아쉽네요.' },
  tryThis: { en: 'Try this', ko: '직접 해 보기' },
  whyEach: { en: 'Why each choice', ko: '선택지별 이유' },
  youPicked: { en: 'You predicted:', ko: '내 예측:' },
  freePlay: { en: 'Free play', ko: '자유 실습' },
  freeHint: {
    en: 'Free play: play, pause, crash brokers as you like. The lesson waits.',
    ko: '자유 실습 중: 마음대로 재생하고, 멈추고, 브로커를 크래시해 보세요. 레슨은 기다립니다.',
  },
  back: { en: 'Back to the lesson', ko: '레슨으로 돌아가기' },
  leave: { en: 'Leave lesson', ko: '레슨 나가기' },
  lookHere: { en: 'Look here', ko: '여기를 보세요' },
  caption: { en: 'Lesson caption', ko: '레슨 자막' },
  keys: { en: 'PageDown / N: next · PageUp / P: previous · Esc: hide', ko: 'PageDown / N: 다음 · PageUp / P: 이전 · Esc: 숨기기' },
  openPanel: { en: 'Lesson panel', ko: '레슨 패널' },
}

/** "Step 2 of 6" / "2 / 6단계" */
export function stepOf(locale: 'en' | 'ko', k: number, n: number): string {
  return locale === 'ko' ? `${k} / ${n}단계` : `Step ${k} of ${n}`
}
