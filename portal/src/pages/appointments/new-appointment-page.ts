import { announce } from '../../a11y/announcer';
import { focusPageHeading } from '../../a11y/focus';
import { bookAppointment, listAppointmentServices, type AppointmentServiceView } from '../../api/appointments';
import { sessionEnded } from '../../auth/session-ended';
import { h } from '../../dom';
import { wireForm } from '../../forms/form-controller';
import type { CityPageContext, PageModule } from '../page';
import { appointmentAccessView } from './appointment-access';
import { newAttemptKey, serviceNameOf } from './appointment-rendering';
import { bookedPanel } from './booked-panel';
import { answersList } from './check-answers';
import { loadFailure } from '../page-states';
import { serviceForm } from './service-form';
import { slotAnswerRows, slotTakenMessage, isSlotTaken } from './slot-answers';
import { slotPicker, type PickedSlot, type SlotPicker } from './slot-picker';

/**
 * Booking, GOV.UK style, one question at a time on one address: what it is about, then the day and time, then a
 * check of the answers, then the confirmation. `?service=<id>&official=<id>` (the twin's links) starts at the time.
 */
function render(context: CityPageContext): HTMLElement {
  const { t, language } = context;
  const denied = appointmentAccessView(t('appointments:new.heading'), 'new-appointment', context);
  if (denied) return denied;

  const page = h('div', { class: 'page page--form page--appointment', id: 'new-appointment' });
  const query = new URLSearchParams(window.location.search);
  let services: AppointmentServiceView[] = [];
  let service: AppointmentServiceView | null = null;
  let picker: SlotPicker | null = null;
  let picked: PickedSlot | null = null;
  /** The Idempotency-Key of the booking being checked: its retries (and a second click) send it again. */
  let attemptKey = newAttemptKey();
  const intercept = sessionEnded(context);

  const heading = (step: number) =>
    h(
      'h1',
      null,
      h('span', { class: 'caption', id: 'new-appointment-step' }, t('appointments:new.step', { step })),
      ' ',
      t('appointments:new.heading'),
    );

  /** Shows a step; `moved` when the person asked for it, so focus goes to its heading, which says the step. */
  const show = (moved: boolean, ...children: HTMLElement[]) => {
    page.replaceChildren(...children);
    if (moved) focusPageHeading(page);
  };

  const showService = (moved: boolean) => {
    const form = serviceForm(services, service?.id ?? '', context, (chosen) => {
      if (chosen.id !== service?.id) {
        service = chosen;
        picker = null;
      }
      showTime(true);
    });
    show(moved, heading(1), h('p', { class: 'lead' }, t('appointments:new.intro')), form);
  };

  const showTime = (moved: boolean, taken?: HTMLElement) => {
    if (!service) return;
    const official = query.get('official');
    picker ??= slotPicker({
      service,
      officialId: official && service.officialIds.includes(official) ? official : null,
      waitlist: true,
      mode: null,
      context,
    });
    const change = h('button', { type: 'button', class: 'link-button', id: 'service-change' }, t('appointments:new.service.change'));
    change.addEventListener('click', () => showService(true));
    const submit = h('button', { type: 'submit', class: 'button', id: 'slot-submit' }, t('appointments:new.time.submit'));
    const form = h('form', { class: 'form', id: 'slot-form' }, picker.root, h('div', { class: 'form__actions' }, submit));
    const current = picker;
    wireForm({
      form,
      fields: current.fields,
      submit,
      summarySlot: form,
      validate: () => current.problems(),
      send: () => {
        picked = current.picked();
        attemptKey = newAttemptKey();
        showCheck();
        return Promise.resolve();
      },
      problemMap: {},
    });
    show(
      moved,
      heading(2),
      h(
        'p',
        { class: 'chosen-service', id: 'chosen-service' },
        `${t('appointments:new.service.chosen')} `,
        h('strong', null, serviceNameOf(service.id, context)),
        ' ',
        change,
      ),
      ...(taken ? [taken] : []),
      form,
    );
  };

  const showCheck = () => {
    if (!service || !picked) return;
    const chosen = picked;
    const serviceId = service.id;
    const submit = h('button', { type: 'submit', class: 'button', id: 'book-submit' }, t('appointments:new.check.submit'));
    const form = h('form', { class: 'form', id: 'book-form' }, h('div', { class: 'form__actions' }, submit));
    const rows = slotAnswerRows(chosen, service, context, { onTime: () => showTime(true), onService: () => showService(true) });
    wireForm({
      form,
      fields: [],
      submit,
      summarySlot: form,
      validate: () => [],
      send: async () => {
        announce(t('appointments:new.booking'));
        try {
          const appointment = await bookAppointment(
            { serviceId, officialId: chosen.slot.officialId, startsAt: chosen.slot.startsAt, mode: chosen.mode },
            attemptKey,
            { language },
          );
          show(true, bookedPanel(appointment, context));
        } catch (error) {
          if (!isSlotTaken(error)) throw error;
          // Taken meanwhile: back to the times, loaded again, with the reason where focus lands.
          const message = slotTakenMessage(chosen, context);
          picker?.reload().catch(() => undefined);
          showTime(false, message);
          message.focus();
        }
      },
      intercept,
      problemMap: {},
    });
    show(true, heading(3), h('h2', null, t('appointments:new.check.heading')), answersList('check-answers', rows), form);
  };

  const load = () => {
    page.setAttribute('aria-busy', 'true');
    show(false, heading(1), h('p', { class: 'loading' }, t('appointments:picker.loading')));
    listAppointmentServices({ language }).then(
      (list) => {
        page.removeAttribute('aria-busy');
        services = list;
        service = services.find((candidate) => candidate.id === query.get('service')) ?? null;
        if (service) showTime(false);
        else showService(false);
      },
      (error: unknown) => {
        page.removeAttribute('aria-busy');
        if (intercept(error)) return;
        show(false, heading(1), loadFailure({ id: 'appointments', message: t('appointments:loadFailed'), error, retry: load }, context));
      },
    );
  };
  load();
  return page;
}

export const newAppointmentPage: PageModule = { requiresCity: true, render };
