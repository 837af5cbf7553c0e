import { takeTicket, type CounterView, type IssuedTicket } from '../../api/queues';
import { h } from '../../dom';
import type { Problem } from '../../forms/field-problems';
import { radioGroup, type Field, type RadioGroup } from '../../forms/fields';
import { wireForm } from '../../forms/form-controller';
import type { CityPageContext } from '../page';
import { counterSummary, nameInText } from './queue-rendering';

function counterField(counters: readonly CounterView[], context: CityPageContext): RadioGroup {
  const { t, language } = context;
  return radioGroup({
    id: 'queue-counter',
    name: 'counterId',
    legend: t('queues:take.counter.legend'),
    hint: t('queues:take.counter.hint'),
    value: '',
    options: counters.map((counter) => {
      const name = context.localize(counter.name);
      return {
        value: counter.id,
        label: name.text,
        lang: name.lang !== language ? name.lang : undefined,
        hint: counterSummary(counter, context),
      };
    }),
    messages: { required: t('queues:take.counter.required'), invalid: t('queues:take.counter.required') },
  });
}

function serviceGroup(counter: CounterView, context: CityPageContext): RadioGroup {
  const { t, language } = context;
  const services = counter.serviceIds.flatMap((id) => context.city.services.filter((service) => service.id === id));
  return radioGroup({
    id: 'queue-service',
    name: 'serviceId',
    legend: t('queues:take.service.legend'),
    hint: t('queues:take.service.hint', { counter: nameInText(counter.name, context) }),
    value: services.length === 1 ? (services[0]?.id ?? '') : '',
    options: services.map((service) => {
      const name = context.localize(service.name);
      return { value: service.id, label: name.text, lang: name.lang !== language ? name.lang : undefined };
    }),
    messages: { required: t('queues:take.service.required'), invalid: t('queues:take.service.required') },
  });
}

/**
 * The form that takes a ticket: a counter (each said open or closed in words, with its line and wait), then one
 * of that counter's matters, which appear once a counter is chosen. `taken` gets the ticket and its token.
 */
export function ticketForm(counters: readonly CounterView[], context: CityPageContext, taken: (issued: IssuedTicket) => void): HTMLElement {
  const { t, language } = context;
  const counter = counterField(counters, context);
  const serviceSlot = h(
    'div',
    { class: 'queue-services', id: 'queue-services' },
    h('p', { class: 'field__hint', id: 'queue-services-pending' }, t('queues:take.service.chooseCounter')),
  );
  let services: RadioGroup | null = null;
  // The matters change with the counter; the form's checks ask this stand-in, which speaks for the group shown.
  const service: Field = {
    get id() {
      return services?.id ?? 'queue-services';
    },
    get root() {
      return services?.root ?? serviceSlot;
    },
    messages: { required: t('queues:take.service.required'), invalid: t('queues:take.service.required') },
    setError: (message) => services?.setError(message),
    focus: () => services?.focus(),
  };
  const chosenCounter = () => counters.find((candidate) => candidate.id === counter.value());

  counter.root.addEventListener('change', () => {
    const chosen = chosenCounter();
    if (!chosen) return;
    services = serviceGroup(chosen, context);
    serviceSlot.replaceChildren(services.root);
  });

  const submit = h('button', { type: 'submit', class: 'button', id: 'queue-take-submit' }, t('queues:take.submit'));
  const form = h('form', { class: 'form', id: 'queue-take-form' }, counter.root, serviceSlot, h('div', { class: 'form__actions' }, submit));
  wireForm({
    form,
    fields: [counter, service],
    submit,
    summarySlot: form,
    validate: () => {
      const chosen = chosenCounter();
      const problems: Problem[] = [];
      if (!chosen) return [{ field: counter.id, rule: 'required' }];
      if (!chosen.open) problems.push({ field: counter.id, message: t('queues:take.counter.closed') });
      if (!services?.value()) problems.push({ field: service.id, rule: 'required' });
      return problems;
    },
    send: async () => taken(await takeTicket(counter.value(), services?.value() ?? '', { language })),
    // Problems with a matter are of the whole form: its group is made again with each counter.
    problemMap: { codes: { QUEUE_COUNTER_CLOSED: counter.id, QUEUE_FULL: counter.id, QUEUE_ALREADY_WAITING: counter.id } },
  });
  return form;
}
