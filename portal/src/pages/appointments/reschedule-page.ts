import { focusPageHeading } from '../../a11y/focus';
import {
  appointmentIdShape,
  getAppointment,
  listAppointmentServices,
  rescheduleAppointment,
  type AppointmentServiceView,
  type AppointmentView,
} from '../../api/appointments';
import { ApiError } from '../../api/client';
import { sessionEnded } from '../../auth/session-ended';
import { h } from '../../dom';
import { wireForm } from '../../forms/form-controller';
import type { CityPageContext, PageModule } from '../page';
import { appointmentAccessView } from './appointment-access';
import { appointmentWhen, newAttemptKey, officialNameOf, serviceNameOf, statusLabel, whenText } from './appointment-rendering';
import { answersList } from './check-answers';
import { loadFailure } from '../page-states';
import { isSlotTaken, slotAnswerRows, slotTakenMessage } from './slot-answers';
import { slotPicker, type PickedSlot, type SlotPicker } from './slot-picker';

/** Moving a booked appointment: the same picker as booking, a check of the new time, then back to My appointments. */
function render(context: CityPageContext): HTMLElement {
  const { t, language } = context;
  const denied = appointmentAccessView(t('appointments:reschedule.heading'), 'reschedule', context);
  if (denied) return denied;

  const page = h('div', { class: 'page page--form page--appointment', id: 'reschedule', 'aria-busy': 'true' });
  const id = new URLSearchParams(window.location.search).get('id') ?? '';
  const intercept = sessionEnded(context);
  const back = () =>
    h('p', null, h('a', { href: '/appointments', class: 'link-arrow', id: 'reschedule-back-link' }, t('appointments:reschedule.back')));
  const show = (moved: boolean, ...children: HTMLElement[]) => {
    page.replaceChildren(h('h1', null, t('appointments:reschedule.heading')), ...children);
    if (moved) focusPageHeading(page);
  };

  const notFound = () => show(false, h('p', { class: 'lead', id: 'reschedule-not-found' }, t('appointments:reschedule.notFound')), back());

  const start = (appointment: AppointmentView, service: AppointmentServiceView) => {
    const current = h(
      'p',
      { class: 'lead', id: 'reschedule-current' },
      t('appointments:reschedule.current', {
        service: serviceNameOf(appointment.serviceId, context),
        when: appointmentWhen(appointment, context),
        official: officialNameOf(appointment.officialId, context),
      }),
    );
    const picker: SlotPicker = slotPicker({ service, officialId: null, waitlist: false, mode: appointment.mode, context });
    let attemptKey = newAttemptKey();

    const showTime = (moved: boolean, taken?: HTMLElement) => {
      const submit = h('button', { type: 'submit', class: 'button', id: 'slot-submit' }, t('appointments:new.time.submit'));
      const form = h('form', { class: 'form', id: 'slot-form' }, picker.root, h('div', { class: 'form__actions' }, submit));
      wireForm({
        form,
        fields: picker.fields,
        submit,
        summarySlot: form,
        validate: () => picker.problems(),
        send: () => {
          const picked = picker.picked();
          if (picked) showCheck(picked);
          return Promise.resolve();
        },
        problemMap: {},
      });
      show(moved, current, ...(taken ? [taken] : []), form, back());
    };

    const showCheck = (picked: PickedSlot) => {
      attemptKey = newAttemptKey();
      const submit = h('button', { type: 'submit', class: 'button', id: 'reschedule-submit' }, t('appointments:reschedule.submit'));
      const form = h('form', { class: 'form', id: 'reschedule-form' }, h('div', { class: 'form__actions' }, submit));
      const rows = [
        { id: 'check-from', term: t('appointments:reschedule.from'), value: appointmentWhen(appointment, context) },
        ...slotAnswerRows(picked, service, context, { onTime: () => showTime(true) }).filter((row) => row.id !== 'check-mode'),
      ];
      wireForm({
        form,
        fields: [],
        submit,
        summarySlot: form,
        validate: () => [],
        send: async () => {
          try {
            const moved = await rescheduleAppointment(
              id,
              { startsAt: picked.slot.startsAt, officialId: picked.slot.officialId },
              attemptKey,
              {
                language,
              },
            );
            context.navigate(
              '/appointments',
              t('appointments:reschedule.moved', { when: whenText(moved.startsAt, moved.endsAt, context) }),
            );
          } catch (error) {
            if (!isSlotTaken(error)) throw error;
            const message = slotTakenMessage(picked, context);
            picker.reload().catch(() => undefined);
            showTime(false, message);
            message.focus();
          }
        },
        intercept,
        problemMap: {},
      });
      show(true, h('h2', null, t('appointments:reschedule.checkHeading')), answersList('check-answers', rows), form, back());
    };

    showTime(false);
  };

  const load = () => {
    page.setAttribute('aria-busy', 'true');
    show(false, h('p', { class: 'loading' }, t('appointments:mine.loading')));
    Promise.all([getAppointment(id, { language }), listAppointmentServices({ language })]).then(
      ([appointment, services]) => {
        page.removeAttribute('aria-busy');
        const service = services.find((candidate) => candidate.id === appointment.serviceId);
        if (!service) return notFound();
        if (appointment.status !== 'booked') {
          return show(
            false,
            h(
              'p',
              { class: 'lead', id: 'reschedule-not-movable' },
              t('appointments:reschedule.notMovable', { status: statusLabel(appointment.status, context) }),
            ),
            back(),
          );
        }
        start(appointment, service);
      },
      (error: unknown) => {
        page.removeAttribute('aria-busy');
        if (intercept(error)) return;
        if (error instanceof ApiError && error.status === 404) return notFound();
        show(false, loadFailure({ id: 'appointments', message: t('appointments:loadFailed'), error, retry: load }, context));
      },
    );
  };
  if (appointmentIdShape.test(id)) load();
  else {
    page.removeAttribute('aria-busy');
    notFound();
  }
  return page;
}

export const reschedulePage: PageModule = { requiresCity: true, render };
