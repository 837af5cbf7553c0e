import { announce } from '../../a11y/announcer';
import { createCalendarFeed, revokeCalendarFeed } from '../../api/appointments';
import { h } from '../../dom';
import { problemsOfError } from '../../forms/form-controller';
import type { CityPageContext } from '../page';

/**
 * The official's private calendar feed: a secret address for their calendar program, shown once when made (the API
 * keeps only its hash), with a copy button; making a new one or stopping it ends the old one.
 */
export function calendarFeedSection(context: CityPageContext): HTMLElement {
  const { t, language } = context;
  const result = h('div', { class: 'calendar-feed__result', id: 'calendar-feed-result' });
  const create = h(
    'button',
    { type: 'button', class: 'button', id: 'calendar-feed-create', 'aria-describedby': 'calendar-feed-create-hint' },
    t('appointments:calendar.feed.create'),
  );
  const revoke = h(
    'button',
    { type: 'button', class: 'button button--warning', id: 'calendar-feed-revoke' },
    t('appointments:calendar.feed.revoke'),
  );

  const failed = (error: unknown) => {
    const [problem] = problemsOfError(error, {});
    result.replaceChildren(
      h('p', { class: 'alert', role: 'alert' }, problem && 'message' in problem ? problem.message : t('appointments:mine.actionFailed')),
    );
  };

  const shown = (url: string) => {
    const copyStatus = h('p', { class: 'copy-status', id: 'calendar-feed-copy-status', role: 'status' });
    const copy = h(
      'button',
      { type: 'button', class: 'button button--secondary', id: 'calendar-feed-copy' },
      t('appointments:calendar.feed.copy'),
    );
    copy.addEventListener('click', () => {
      const done = (text: string) => {
        copyStatus.textContent = '';
        window.setTimeout(() => (copyStatus.textContent = text), 100);
      };
      if (!navigator.clipboard) return done(t('appointments:calendar.feed.copyFailed'));
      navigator.clipboard.writeText(url).then(
        () => done(t('appointments:calendar.feed.copied')),
        () => done(t('appointments:calendar.feed.copyFailed')),
      );
    });
    const heading = h('h3', { id: 'calendar-feed-url-heading', tabindex: '-1' }, t('appointments:calendar.feed.urlHeading'));
    result.replaceChildren(
      heading,
      h('p', null, t('appointments:calendar.feed.urlOnce')),
      h(
        'p',
        { class: 'token' },
        h('code', { class: 'token__value', id: 'calendar-feed-url', dir: 'ltr', 'aria-labelledby': 'calendar-feed-url-heading' }, url),
      ),
      h('div', { class: 'form__actions' }, copy),
      copyStatus,
    );
    heading.focus();
  };

  const once = (button: HTMLButtonElement, action: () => Promise<void>) => {
    button.addEventListener('click', () => {
      if (button.getAttribute('aria-disabled') === 'true') return;
      button.setAttribute('aria-disabled', 'true');
      action()
        .catch(failed)
        .finally(() => button.removeAttribute('aria-disabled'));
    });
  };
  once(create, async () => shown((await createCalendarFeed({ language })).url));
  once(revoke, async () => {
    await revokeCalendarFeed({ language });
    const text = t('appointments:calendar.feed.revoked');
    result.replaceChildren(h('p', { class: 'success-message', id: 'calendar-feed-revoked' }, text));
    announce(text);
  });

  return h(
    'section',
    { class: 'calendar-feed', id: 'calendar-feed', 'aria-labelledby': 'calendar-feed-heading' },
    h('h2', { id: 'calendar-feed-heading' }, t('appointments:calendar.feed.heading')),
    // A linked official's feed holds their own appointments (the API decides; this says so).
    h('p', null, context.person?.officialId ? t('appointments:calendar.feed.introMine') : t('appointments:calendar.feed.intro')),
    h('p', { class: 'field__hint', id: 'calendar-feed-create-hint' }, t('appointments:calendar.feed.createHint')),
    h('div', { class: 'form__actions' }, create, revoke),
    result,
  );
}
