import type { Me } from '../../api/identity';
import { h } from '../../dom';
import type { CityPageContext } from '../page';

export type CalendarScope = 'mine' | 'department';

/**
 * Whose appointments the calendar shows, from the address: only an official linked to a pack official has a
 * choice, and theirs is the default. Null for everyone else (the department's, or every department's for admins).
 */
export function scopeOf(person: Me | null, search: URLSearchParams): CalendarScope | null {
  if (person?.role !== 'official' || !person.officialId) return null;
  return search.get('scope') === 'department' ? 'department' : 'mine';
}

/** "Mine / Whole department" as two links, so the choice is kept in the address and works like any link. */
export function scopeChoice(current: CalendarScope, hrefOf: (scope: CalendarScope) => string, context: CityPageContext): HTMLElement {
  const { t } = context;
  const option = (scope: CalendarScope, text: string) =>
    h('li', null, h('a', { href: hrefOf(scope), id: `calendar-scope-${scope}`, 'aria-current': scope === current ? 'true' : null }, text));
  return h(
    'nav',
    { class: 'pagination calendar-scope', 'aria-label': t('appointments:calendar.scope.label') },
    h(
      'ul',
      { class: 'pagination__list' },
      option('mine', t('appointments:calendar.scope.mine')),
      option('department', t('appointments:calendar.scope.department')),
    ),
  );
}
