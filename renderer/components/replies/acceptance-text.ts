import type { AcceptanceProgress } from '../../../shared/replies/acceptance.ts';

type Translate = (key: string, values?: Record<string, unknown>) => string;

/** "akceptacja 1 z 2: Naczelnik Wydziału Małgorzata Dąbrowska" — where a reply waits and with whom. */
export function stepText(t: Translate, progress: AcceptanceProgress): string {
  const who = progress.approvers.length === 0
    ? t('replies.nobodyAtStep')
    : progress.approvers
      .map((a) => (a.substituteFor === undefined
        ? t('replies.approverLine', { post: a.post, name: a.name })
        : t('replies.substituteLine', { post: a.post, name: a.name, absent: a.substituteFor })).trim())
      .join(t('replies.approversJoin'));
  return t('replies.stepOf', { step: progress.step, of: progress.of, who });
}
