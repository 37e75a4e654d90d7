import { useI18n } from 'vue-i18n';
import type { CaseDeadlineView } from '../../../shared/cases.ts';

/**
 * How a case stands against its term, in words: "zostały 2 dni", "3 dni po terminie". The
 * engine counts calendar days left, negative once overdue; Polish needs the plural forms.
 */
export function useDeadlineTexts() {
  const { t } = useI18n();

  function stateLabel(state: CaseDeadlineView['state']): string {
    return t(`caseScreens.states.${state}`);
  }

  /** Empty where no count makes sense: closed, or "niezwłocznie" with no date. */
  function daysLeft(deadline: CaseDeadlineView): string {
    const days = deadline.calendarDaysLeft;
    if (days === null || deadline.state === 'closed') return '';
    return days < 0 ? t('caseScreens.days.overdue', -days) : t('caseScreens.days.left', days);
  }

  /** How many of those days are office working days ("w tym 2 dni robocze"); empty for none. */
  function workingDaysLeft(deadline: CaseDeadlineView): string {
    const days = deadline.workingDaysLeft;
    if (days === null || days === 0 || deadline.state === 'closed') return '';
    return t('caseScreens.days.working', Math.abs(days));
  }

  /** In place of a date: a pause holds the term (the date follows from the resume), or "niezwłocznie". */
  function noDate(deadline: CaseDeadlineView): string {
    return t(deadline.state === 'paused' ? 'caseScreens.deadline.afterResume' : 'caseScreens.deadline.noDate');
  }

  return { stateLabel, daysLeft, workingDaysLeft, noDate };
}
