import type { HeritageSite } from '../../../../api/src/city/city-pack.types';
import { announce } from '../../a11y/announcer';
import { h, localized } from '../../dom';
import type { LocalizedString } from '../../i18n/localized';
import type { CityPageContext } from '../page';
import type { CameraView } from './places';

export interface TourEvents {
  /** The camera goes to a stop's view. */
  onStop: (view: CameraView) => void;
  /** Today (false) or the reconstruction (true), for a site that was lost. */
  onReconstruction: (siteId: string, shown: boolean) => void;
  onEnd: () => void;
}

/**
 * A guided tour of one heritage site, run as text: ordered stops with captions, previous and next, the site's
 * history, "read aloud" through the browser's own speech synthesis (only when asked), and for a lost site a
 * before/after choice between the place today and the reconstruction.
 */
export class TourPanel {
  readonly element: HTMLElement;
  private site: HeritageSite | null = null;
  private index = 0;
  private readAloud = false;
  private readonly heading = h('h2', { id: 'twin-tour-heading', tabindex: '-1' });
  private readonly progress = h('p', { class: 'twin-tour__progress', id: 'twin-tour-progress' });
  private readonly stopTitle = h('h3', { id: 'twin-tour-stop' });
  private readonly caption = h('p', { class: 'twin-tour__caption', id: 'twin-tour-caption' });
  private readonly then = h('div', { class: 'twin-tour__then' });
  private readonly about = h('div', { class: 'twin-tour__about' });
  private readonly previous: HTMLButtonElement;
  private readonly next: HTMLButtonElement;
  private readonly read: HTMLButtonElement | null;

  constructor(
    private readonly context: CityPageContext,
    private readonly events: TourEvents,
  ) {
    const { t } = context;
    this.previous = h('button', { type: 'button', class: 'button button--secondary', id: 'twin-tour-previous' }, t('twin:tour.previous'));
    this.next = h('button', { type: 'button', class: 'button', id: 'twin-tour-next' }, t('twin:tour.next'));
    this.read =
      'speechSynthesis' in window
        ? h(
            'button',
            { type: 'button', class: 'button button--secondary', id: 'twin-tour-read', 'aria-pressed': 'false' },
            t('twin:tour.readAloud'),
          )
        : null;
    const end = h('button', { type: 'button', class: 'button button--secondary', id: 'twin-tour-end' }, t('twin:tour.end'));
    this.previous.addEventListener('click', () => this.go(this.index - 1));
    this.next.addEventListener('click', () => this.go(this.index + 1));
    end.addEventListener('click', () => this.stop());
    this.read?.addEventListener('click', () => {
      this.readAloud = !this.readAloud;
      this.read?.setAttribute('aria-pressed', String(this.readAloud));
      if (this.readAloud) this.speak();
      else window.speechSynthesis.cancel();
    });
    this.element = h(
      'section',
      { class: 'twin-tour', id: 'twin-tour', 'aria-labelledby': 'twin-tour-heading', hidden: true },
      this.heading,
      this.progress,
      this.stopTitle,
      this.caption,
      this.then,
      h('div', { class: 'twin-tour__controls' }, this.previous, this.next, this.read, end),
      this.about,
    );
  }

  start(site: HeritageSite, stopIndex = 0): void {
    const { t, language } = this.context;
    this.site = site;
    const name = this.context.localize(site.name);
    this.heading.replaceChildren(t('twin:tour.heading'), ' ', localized('span', name, language));
    this.then.replaceChildren(...(site.lostYear !== undefined ? [this.beforeAfter(site, site.lostYear)] : []));
    this.about.replaceChildren(
      h(
        'details',
        null,
        h('summary', null, t('twin:tour.about')),
        localized('p', this.context.localize(site.history), language),
        localized('p', this.context.localize(site.modelDescription), language),
      ),
    );
    this.element.hidden = false;
    this.go(stopIndex);
    this.heading.focus();
  }

  get running(): boolean {
    return this.site !== null;
  }

  private go(index: number): void {
    const site = this.site;
    if (!site) return;
    const { t, format } = this.context;
    if (index >= site.tourStops.length) return this.finish();
    this.index = Math.max(0, index);
    const stop = site.tourStops[this.index];
    if (!stop) return;
    const title = this.context.localize(stop.title);
    const caption = this.context.localize(stop.caption);
    this.progress.textContent = t('twin:tour.progress', {
      current: format.number(this.index + 1),
      total: format.number(site.tourStops.length),
    });
    this.stopTitle.replaceChildren(this.textIn(title));
    this.caption.replaceChildren(this.textIn(caption));
    this.previous.disabled = this.index === 0;
    this.next.disabled = false;
    this.next.textContent = this.index === site.tourStops.length - 1 ? t('twin:tour.finish') : t('twin:tour.next');
    this.events.onStop(stop.camera);
    announce(`${this.progress.textContent} ${title.text}. ${caption.text}`);
    if (this.readAloud) this.speak();
  }

  private finish(): void {
    const { t } = this.context;
    this.progress.textContent = t('twin:tour.finished');
    this.stopTitle.replaceChildren();
    this.caption.textContent = t('twin:tour.finishedText');
    this.next.disabled = true;
    this.previous.disabled = false;
    this.index = this.site?.tourStops.length ?? 0;
    announce(t('twin:tour.finished'));
    this.previous.focus();
  }

  stop(): void {
    window.speechSynthesis?.cancel();
    if (this.site) this.events.onReconstruction(this.site.id, true);
    this.site = null;
    this.element.hidden = true;
    this.events.onEnd();
  }

  private textIn(value: LocalizedString): HTMLElement {
    return localized('span', value, this.context.language);
  }

  private speak(): void {
    const synthesis = window.speechSynthesis;
    const stop = this.site?.tourStops[this.index];
    if (!synthesis || !stop) return;
    const caption = this.context.localize(stop.caption);
    const utterance = new SpeechSynthesisUtterance(caption.text);
    utterance.lang = caption.lang;
    synthesis.cancel();
    synthesis.speak(utterance);
  }

  /** Today's view (the lost site as the place is now) or the reconstruction. */
  private beforeAfter(site: HeritageSite, lostYear: number): HTMLElement {
    const { t } = this.context;
    const option = (value: 'today' | 'reconstructed', label: string) => {
      const input = h('input', {
        type: 'radio',
        class: 'radios__input',
        name: 'twin-then',
        id: `twin-then-${value}`,
        value,
        checked: value === 'reconstructed',
      });
      input.addEventListener('change', () => {
        if (input.checked) this.events.onReconstruction(site.id, value === 'reconstructed');
      });
      return h('div', { class: 'radios__item' }, input, h('label', { class: 'radios__label', for: `twin-then-${value}` }, label));
    };
    return h(
      'fieldset',
      { class: 'fieldset twin-tour__time' },
      h('legend', { class: 'fieldset__legend' }, t('twin:tour.time.legend')),
      h(
        'div',
        { class: 'radios' },
        option('reconstructed', t('twin:tour.time.reconstructed', { built: String(site.builtYear), lost: String(lostYear) })),
        option('today', t('twin:tour.time.today')),
      ),
    );
  }
}
