import type { AppointmentServiceView } from '../../api/appointments';
import { h } from '../../dom';
import { radioGroup } from '../../forms/fields';
import { wireForm } from '../../forms/form-controller';
import type { CityPageContext } from '../page';
import { modesText } from './appointment-rendering';

/** The first question: what the appointment is about, one radio per appointment service, with its length and modes. */
export function serviceForm(
  services: readonly AppointmentServiceView[],
  value: string,
  context: CityPageContext,
  onChosen: (service: AppointmentServiceView) => void,
): HTMLElement {
  const { t, localize, language } = context;
  if (services.length === 0) return h('p', { id: 'appointment-service-none' }, t('appointments:new.service.none'));
  const field = radioGroup({
    id: 'appointment-service',
    name: 'serviceId',
    legend: t('appointments:new.service.legend'),
    options: services.map((service) => {
      const name = localize(service.name);
      return {
        value: service.id,
        label: name.text,
        lang: name.lang === language ? undefined : name.lang,
        hint: t('appointments:new.service.hint', {
          count: service.durationMinutes,
          modes: modesText(service.virtualAllowed ? ['in_person', 'virtual'] : ['in_person'], context),
        }),
      };
    }),
    value,
    messages: { required: t('appointments:new.service.required'), invalid: t('appointments:new.service.required') },
  });
  const submit = h('button', { type: 'submit', class: 'button', id: 'service-submit' }, t('appointments:new.service.submit'));
  const form = h('form', { class: 'form', id: 'service-form' }, field.root, h('div', { class: 'form__actions' }, submit));
  wireForm({
    form,
    fields: [field],
    submit,
    summarySlot: form,
    validate: () => (field.value() === '' ? [{ field: field.id, rule: 'required' }] : []),
    send: () => {
      const chosen = services.find((service) => service.id === field.value());
      if (chosen) onChosen(chosen);
      return Promise.resolve();
    },
    problemMap: {},
  });
  return form;
}
