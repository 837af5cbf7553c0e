import { announce } from '../../a11y/announcer';
import { findNearbyComplaints, followComplaint, type NearbyComplaint } from '../../api/complaints';
import { ApiError } from '../../api/client';
import { h } from '../../dom';
import { problemsOfError } from '../../forms/form-controller';
import type { CityPageContext } from '../page';
import { caseNumberInText, statusTag } from './complaint-rendering';

/** How long the choices must stay still before the city is asked: a keyboard user passes through options. */
const debounceMs = 400;
/** Longer descriptions are cut here: the list is for recognising a problem, not reading a report. */
const descriptionShown = 280;
const dayMs = 86_400_000;

export interface NearbySuggestions {
  /** The region, empty and hidden until there is something to suggest. */
  readonly element: HTMLElement;
  /** The kind of problem or the place changed: ask again (nothing is asked without both). */
  update(serviceId: string, placeId: string): void;
}

export interface NearbyOptions {
  /** Followed while signed out: the page shows the tracking code that now follows the complaint. */
  onTrackingToken: (complaint: NearbyComplaint, token: string) => void;
}

function clipped(text: string): string {
  const characters = [...text];
  return characters.length > descriptionShown ? `${characters.slice(0, descriptionShown).join('').trimEnd()}…` : text;
}

function ageText(createdAt: string, { t }: CityPageContext): string {
  const days = Math.max(0, Math.floor((Date.now() - new Date(createdAt).getTime()) / dayMs));
  return days === 0 ? t('complaints:nearby.filedToday') : t('complaints:nearby.filedDaysAgo', { count: days });
}

function distanceText(metres: number, { t, language }: CityPageContext): string {
  const distance = new Intl.NumberFormat(language, { style: 'unit', unit: 'meter', unitDisplay: 'long', maximumFractionDigits: 0 }).format(
    Math.round(metres),
  );
  return t('complaints:nearby.distance', { distance });
}

/**
 * Open complaints of the same kind within 50 m of the chosen place, suggested before the person sends theirs,
 * each with a button to follow it instead. Only a place of the city's list is looked up: the API has no
 * geocoder for addresses.
 */
export function nearbySuggestions(context: CityPageContext, options: NearbyOptions): NearbySuggestions {
  const { t, language } = context;
  const element = h('section', { class: 'nearby', id: 'complaint-nearby', 'aria-labelledby': 'complaint-nearby-heading', hidden: true });
  let timer: number | undefined;
  let request: AbortController | null = null;
  let shownKey = '';

  const followedMessage = (complaint: NearbyComplaint): HTMLElement =>
    h(
      'div',
      { class: 'success-message', id: 'nearby-followed', tabindex: '-1' },
      h('p', null, t('complaints:nearby.followed', { caseNumber: caseNumberInText(complaint.caseNumber) })),
      h(
        'ul',
        { class: 'link-list' },
        h('li', null, h('a', { href: '/complaints/mine', id: 'nearby-mine-link' }, t('complaints:nearby.mineLink'))),
        h(
          'li',
          null,
          h(
            'a',
            { href: `/complaints/case?id=${encodeURIComponent(complaint.id)}`, id: 'nearby-case-link' },
            t('complaints:nearby.caseLink'),
          ),
        ),
      ),
    );

  const follow = (complaint: NearbyComplaint, item: HTMLElement, button: HTMLButtonElement) => {
    if (button.getAttribute('aria-disabled') === 'true') return;
    item.querySelector('.nearby__error')?.remove();
    button.setAttribute('aria-disabled', 'true');
    announce(t('shell.working'));
    followComplaint(complaint.id, { language }).then(
      (result) => {
        if ('trackingToken' in result) {
          options.onTrackingToken(complaint, result.trackingToken);
          return;
        }
        const message = followedMessage(complaint);
        button.replaceWith(message);
        message.focus();
        announce(t('complaints:nearby.followed', { caseNumber: complaint.caseNumber }));
      },
      (error: unknown) => {
        button.removeAttribute('aria-disabled');
        // A complaint closed since the list was shown cannot be followed: the button goes.
        if (error instanceof ApiError && (error.code === 'COMPLAINT_NOT_OPEN' || error.code === 'NOT_FOUND')) button.remove();
        const [problem] = problemsOfError(error, {});
        const text = problem && 'message' in problem ? problem.message : t('account:form.unexpectedError');
        item.append(h('p', { class: 'nearby__error field__error', id: `nearby-${complaint.id}-error`, role: 'alert' }, text));
      },
    );
  };

  const suggestion = (complaint: NearbyComplaint): HTMLElement => {
    const headingId = `nearby-${complaint.id}-heading`;
    const button = h(
      'button',
      { type: 'button', class: 'button button--secondary', id: `nearby-follow-${complaint.id}`, 'aria-describedby': headingId },
      t('complaints:nearby.follow'),
    );
    const item = h(
      'li',
      { class: 'nearby__item', 'data-case-number': complaint.caseNumber },
      h('h3', { class: 'nearby__case', id: headingId }, h('span', { dir: 'ltr' }, complaint.caseNumber)),
      h(
        'p',
        { class: 'nearby__meta' },
        statusTag(complaint.status, context),
        ' ',
        h('span', null, ageText(complaint.createdAt, context)),
        ' · ',
        h('span', null, distanceText(complaint.distanceMetres, context)),
      ),
      complaint.description === null
        ? h('p', { class: 'nearby__description nearby__description--removed' }, t('complaints:nearby.descriptionRemoved'))
        : h('p', { class: 'nearby__description', dir: 'auto' }, clipped(complaint.description)),
      button,
    );
    button.addEventListener('click', () => follow(complaint, item, button));
    return item;
  };

  const show = (complaints: NearbyComplaint[], key: string) => {
    if (complaints.length === 0) {
      element.hidden = true;
      element.replaceChildren();
      shownKey = '';
      return;
    }
    const heading = t('complaints:nearby.heading', { count: complaints.length });
    element.replaceChildren(
      h('h2', { id: 'complaint-nearby-heading' }, heading),
      h('p', null, t('complaints:nearby.intro')),
      h('ul', { class: 'nearby__list', id: 'complaint-nearby-list' }, ...complaints.map(suggestion)),
    );
    element.hidden = false;
    // Said once per kind and place, not again when the same answer comes back.
    if (key !== shownKey) announce(heading);
    shownKey = key;
  };

  const update = (serviceId: string, placeId: string) => {
    window.clearTimeout(timer);
    request?.abort();
    request = null;
    if (serviceId === '' || placeId === '') {
      show([], '');
      return;
    }
    const key = `${serviceId} ${placeId}`;
    timer = window.setTimeout(() => {
      const controller = new AbortController();
      request = controller;
      findNearbyComplaints(serviceId, placeId, { language, signal: controller.signal }).then(
        (complaints) => {
          if (request === controller) show(complaints, key);
        },
        // Suggestions are a help, not a step: without them the person files as usual.
        () => {
          if (request === controller) show([], '');
        },
      );
    }, debounceMs);
  };

  return { element, update };
}
