import { h } from '../../dom';
import type { CityPageContext } from '../page';

/**
 * A tracking code shown once, with what it is for, a copy button and a link to track the complaint. Ids start
 * with `prefix` (e.g. "complaint": `#complaint-token`, `#complaint-token-copy`, `#complaint-track-link`).
 * `heading` is the level of the code's heading under the panel.
 */
export function trackingCodeBlock(token: string, prefix: string, heading: 'h2' | 'h3', { t }: CityPageContext): HTMLElement[] {
  const headingId = `${prefix}-token-heading`;
  const copyStatus = h('p', { class: 'copy-status', id: `${prefix}-token-copy-status`, role: 'status' });
  const copy = h(
    'button',
    { type: 'button', class: 'button button--secondary', id: `${prefix}-token-copy` },
    t('complaints:new.sent.copy'),
  );
  copy.addEventListener('click', () => {
    const done = (text: string) => {
      copyStatus.textContent = '';
      window.setTimeout(() => (copyStatus.textContent = text), 100);
    };
    if (!navigator.clipboard) {
      done(t('complaints:new.sent.copyFailed'));
      return;
    }
    navigator.clipboard.writeText(token).then(
      () => done(t('complaints:new.sent.copied')),
      () => done(t('complaints:new.sent.copyFailed')),
    );
  });
  return [
    h(heading, { id: headingId }, t('complaints:new.sent.tokenHeading')),
    h('p', { id: `${prefix}-token-explanation` }, t('complaints:new.sent.tokenExplanation')),
    h(
      'p',
      { class: 'token' },
      h('code', { class: 'token__value', id: `${prefix}-token`, dir: 'ltr', 'aria-labelledby': headingId }, token),
    ),
    h('div', { class: 'form__actions' }, copy),
    copyStatus,
  ];
}

/** The link that opens the track page with the code filled in and looked up. */
export function trackLink(token: string, id: string, { t }: CityPageContext): HTMLElement {
  return h('a', { href: `/complaints/track?token=${encodeURIComponent(token)}`, class: 'link-arrow', id }, t('complaints:new.sent.track'));
}
