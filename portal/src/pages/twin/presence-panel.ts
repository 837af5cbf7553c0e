import {
  type PresenceClearReason,
  presenceClearReasons,
  type PresenceReportReason,
  presenceReportReasons,
} from '../../../../api/src/presence/presence.types';
import { announce } from '../../a11y/announcer';
import { h } from '../../dom';
import { errorText } from '../../i18n/i18n';
import type { CityPageContext } from '../page';
import type { HallPresence, Visitor } from './presence';

/** A change in how many visitors are here is announced at most this often, never once per move. */
const ANNOUNCE_EVERY_MS = 10_000;

export interface PresencePanel {
  element: HTMLElement;
  /** Redraws the list when who is here changed, and announces the count (rate-limited). */
  refresh(): void;
  /** The hall was cleared by an official: the switch goes off and the reason is shown and announced. */
  cleared(reason: PresenceClearReason): void;
}

export interface PresencePanelEvents {
  /** The switch was turned on: place the visitor; resolves to null or the refusing code. */
  turnOn: () => Promise<string | null>;
}

/**
 * "Visitors here", in the text twin: the opt-in switch, the other visitors (each with Hide and Report), and for
 * officials "Clear the hall". Signed-out visitors are told why they see nobody (docs/twin.md).
 */
export function presencePanel(presence: HallPresence, context: CityPageContext, events: PresencePanelEvents): PresencePanel {
  const { t, person } = context;
  const failure = (code: string) => errorText(code) ?? t('twin:presence.failed');
  const status = h('p', { class: 'twin-presence__status', id: 'twin-presence-status' });
  const section = h(
    'section',
    { class: 'twin-presence', id: 'twin-presence', 'aria-labelledby': 'twin-presence-heading' },
    h('h2', { id: 'twin-presence-heading' }, t('twin:presence.heading')),
    h('p', null, t('twin:presence.intro')),
  );
  if (!person) {
    section.append(h('p', null, t('twin:presence.signedOut')), h('p', null, h('a', { href: '/sign-in' }, t('twin:presence.signIn'))));
    return { element: section, refresh: () => undefined, cleared: () => undefined };
  }

  const toggle = h(
    'button',
    { type: 'button', role: 'switch', 'aria-checked': 'false', class: 'twin-presence__switch', id: 'twin-presence-switch' },
    t('twin:presence.switch'),
  );
  const countHeading = h('h3', { id: 'twin-presence-count', tabindex: '-1' });
  const list = h('ul', { class: 'twin-presence__list', role: 'list' });
  const visitorsArea = h('div', { class: 'twin-presence__visitors', hidden: true }, countHeading, list);
  let reporting: string | null = null;
  /** While the switch is turning presence on, before the server has answered. */
  let joining = false;
  let listed = '';
  let announcedCount = -1;
  let announcedAt = 0;
  let announceTimer: number | undefined;

  const nameOf = (visitor: Visitor) => t('twin:presence.visitor', { number: context.format.number(visitor.number) });
  const setSwitch = (on: boolean) => {
    toggle.setAttribute('aria-checked', String(on));
    visitorsArea.hidden = !on;
    status.textContent = on ? t('twin:presence.walkHelp') : t('twin:presence.off');
  };

  const announceCount = () => {
    window.clearTimeout(announceTimer);
    announceTimer = undefined;
    const count = presence.visitors.size;
    if (!presence.on || count === announcedCount) return;
    const wait = announcedAt + ANNOUNCE_EVERY_MS - Date.now();
    if (wait > 0) {
      announceTimer = window.setTimeout(announceCount, wait);
      return;
    }
    announcedCount = count;
    announcedAt = Date.now();
    announce(t('twin:presence.count', { count }));
  };

  const reportForm = (visitor: Visitor): HTMLElement => {
    const name = nameOf(visitor);
    const radios = presenceReportReasons.map((reason, index) =>
      h(
        'div',
        { class: 'radios__item' },
        h('input', {
          type: 'radio',
          class: 'radios__input',
          name: `twin-report-${visitor.visitorId}`,
          id: `twin-report-${visitor.visitorId}-${reason}`,
          value: reason,
          checked: index === 0,
        }),
        h('label', { class: 'radios__label', for: `twin-report-${visitor.visitorId}-${reason}` }, t(`twin:presence.reasons.${reason}`)),
      ),
    );
    const send = h('button', { type: 'submit', class: 'button' }, t('twin:presence.send'));
    const cancel = h('button', { type: 'button', class: 'button button--secondary' }, t('twin:presence.cancel'));
    const form = h(
      'form',
      { class: 'twin-presence__report', id: `twin-report-${visitor.visitorId}` },
      h(
        'fieldset',
        { class: 'fieldset' },
        h('legend', { class: 'fieldset__legend' }, t('twin:presence.reportLegend', { name })),
        h('div', { class: 'radios' }, ...radios),
      ),
      h('div', { class: 'twin-presence__actions' }, send, cancel),
    );
    cancel.addEventListener('click', () => {
      reporting = null;
      render(true);
      document.getElementById(`twin-report-button-${visitor.visitorId}`)?.focus();
    });
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const reason = new FormData(form).get(`twin-report-${visitor.visitorId}`) as PresenceReportReason;
      void presence.report(visitor.visitorId, reason).then((code) => {
        if (code) return announce(failure(code));
        reporting = null;
        announce(t('twin:presence.reported', { name }));
        countHeading.focus();
      });
    });
    return form;
  };

  const item = (visitor: Visitor): HTMLElement => {
    const name = nameOf(visitor);
    const hide = h(
      'button',
      { type: 'button', class: 'button button--secondary', id: `twin-hide-${visitor.visitorId}` },
      t('twin:presence.hide'),
    );
    hide.setAttribute('aria-label', t('twin:presence.hideLabel', { name }));
    const report = h(
      'button',
      {
        type: 'button',
        class: 'button button--secondary',
        id: `twin-report-button-${visitor.visitorId}`,
        'aria-expanded': String(reporting === visitor.visitorId),
      },
      t('twin:presence.report'),
    );
    report.setAttribute('aria-label', t('twin:presence.reportLabel', { name }));
    hide.addEventListener('click', () => {
      void presence.hide(visitor.visitorId);
      announce(t('twin:presence.hidden', { name }));
      countHeading.focus();
    });
    report.addEventListener('click', () => {
      reporting = reporting === visitor.visitorId ? null : visitor.visitorId;
      render(true);
      document.querySelector<HTMLInputElement>(`#twin-report-${visitor.visitorId} input`)?.focus();
    });
    return h(
      'li',
      { class: 'twin-presence__visitor', 'data-visitor': visitor.visitorId },
      h('span', { class: 'twin-presence__name' }, name),
      h('span', { class: 'twin-presence__actions' }, hide, report),
      reporting === visitor.visitorId ? reportForm(visitor) : null,
    );
  };

  /** Rebuilt only when who is here changed (moves do not touch the list, so focus stays put). */
  const render = (force = false) => {
    const visitors = [...presence.visitors.values()].sort((a, b) => a.number - b.number);
    const signature = visitors.map((visitor) => visitor.visitorId).join(' ');
    if (!force && signature === listed) return;
    listed = signature;
    if (reporting && !presence.visitors.has(reporting)) reporting = null;
    const focused = document.activeElement instanceof HTMLElement && list.contains(document.activeElement) ? document.activeElement.id : '';
    countHeading.textContent = visitors.length === 0 ? t('twin:presence.none') : t('twin:presence.count', { count: visitors.length });
    list.replaceChildren(...visitors.map(item));
    if (focused) (document.getElementById(focused) ?? countHeading).focus();
  };

  toggle.addEventListener('click', () => {
    if (presence.on) {
      void presence.leave().then(() => announce(t('twin:presence.left')));
      setSwitch(false);
      return;
    }
    toggle.setAttribute('aria-checked', 'true');
    joining = true;
    void events.turnOn().then((code) => {
      joining = false;
      setSwitch(code === null);
      if (code) {
        status.textContent = failure(code);
        announce(failure(code));
        return;
      }
      announcedCount = presence.visitors.size;
      announcedAt = Date.now();
      announce(
        `${t('twin:presence.joined')} ${presence.visitors.size === 0 ? t('twin:presence.none') : t('twin:presence.count', { count: presence.visitors.size })}`,
      );
      render(true);
    });
  });

  section.append(toggle, status, visitorsArea);
  setSwitch(false);
  if (person.role === 'official' || person.role === 'admin') section.append(clearForm(presence, context));

  return {
    element: section,
    refresh: () => {
      // Presence can end without the switch: the connection came back signed out, or the hall was cleared.
      if (!presence.on && !joining && toggle.getAttribute('aria-checked') === 'true') setSwitch(false);
      render();
      announceCount();
    },
    cleared: (reason) => {
      setSwitch(false);
      const notice = t('twin:presence.clearedNotice', { reason: t(`twin:presence.clearReasons.${reason}`) });
      status.textContent = notice;
      announce(notice);
    },
  };
}

/** Officials and admins: every visitor's presence off, each told the reason in their own language. */
function clearForm(presence: HallPresence, context: CityPageContext): HTMLElement {
  const { t } = context;
  const failure = (code: string) => errorText(code) ?? t('twin:presence.failed');
  const select = h(
    'select',
    { id: 'twin-clear-reason', name: 'reason' },
    ...presenceClearReasons.map((reason) => h('option', { value: reason }, t(`twin:presence.clearReasons.${reason}`))),
  );
  const form = h(
    'form',
    { class: 'twin-presence__clear', id: 'twin-clear-hall' },
    h('h3', null, t('twin:presence.clear.heading')),
    h('label', { for: 'twin-clear-reason' }, t('twin:presence.clear.reason')),
    select,
    h('button', { type: 'submit', class: 'button button--warning' }, t('twin:presence.clear.button')),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void presence.clear(select.value as PresenceClearReason).then((code) => announce(code ? failure(code) : t('twin:presence.clear.done')));
  });
  return form;
}
