import { announce } from '../../a11y/announcer';
import { ApiError } from '../../api/client';
import { fileComplaint, type ComplaintLocation, type FiledComplaint } from '../../api/complaints';
import type { ComplaintService } from '../../../../api/src/city/city-pack.types';
import { h } from '../../dom';
import { checkComplaintAddress, checkComplaintDescription, checkEmail, limits, type Problem } from '../../forms/field-problems';
import { fieldsetField, radioGroup, selectField, textAreaField, textField, type Field } from '../../forms/fields';
import { wireForm } from '../../forms/form-controller';
import type { CityPageContext, PageModule } from '../page';

/** How many characters before the limit the count starts being spoken. */
const warnAt = 400;

function isComplaintService(service: { kind: string }): service is ComplaintService {
  return service.kind === 'complaint';
}

/** The radio group of the city's complaint services, each with its description under its name. */
function serviceField(services: readonly ComplaintService[], context: CityPageContext) {
  const { t, language } = context;
  return radioGroup({
    id: 'complaint-service',
    name: 'serviceId',
    legend: t('complaints:new.service.legend'),
    hint: t('complaints:new.service.hint'),
    value: services.length === 1 ? (services[0]?.id ?? '') : '',
    options: services.map((service) => {
      const name = context.localize(service.name);
      const description = context.localize(service.description);
      return {
        value: service.id,
        label: name.text,
        lang: name.lang !== language ? name.lang : undefined,
        hint: description.text || undefined,
        hintLang: description.lang !== language ? description.lang : undefined,
      };
    }),
    messages: { required: t('complaints:new.service.required'), invalid: t('complaints:new.service.invalid') },
  });
}

/**
 * The confirmation, GOV.UK "panel" style: the h1 and the case number in the panel, then the tracking code
 * (shown once) with a copy button, and a link to follow the complaint.
 */
function confirmation(filed: FiledComplaint, context: CityPageContext): HTMLElement {
  const { t } = context;
  const { caseNumber } = filed.complaint;
  const token = filed.trackingToken;
  const copyStatus = h('p', { class: 'copy-status', id: 'complaint-token-copy-status', role: 'status' });
  const copy = h(
    'button',
    { type: 'button', class: 'button button--secondary', id: 'complaint-token-copy' },
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
  return h(
    'div',
    { class: 'complaint-sent', id: 'complaint-confirmation' },
    h(
      'div',
      { class: 'panel', id: 'complaint-panel' },
      h('h1', { class: 'panel__title', id: 'complaint-panel-heading', tabindex: '-1' }, t('complaints:new.sent.heading')),
      h(
        'div',
        { class: 'panel__body' },
        t('complaints:new.sent.caseNumberLabel'),
        h('br'),
        h('strong', { class: 'panel__reference', id: 'complaint-case-number', dir: 'ltr' }, caseNumber),
      ),
    ),
    h('h2', { id: 'complaint-token-heading' }, t('complaints:new.sent.tokenHeading')),
    h('p', { id: 'complaint-token-explanation' }, t('complaints:new.sent.tokenExplanation')),
    h(
      'p',
      { class: 'token' },
      h('code', { class: 'token__value', id: 'complaint-token', dir: 'ltr', 'aria-labelledby': 'complaint-token-heading' }, token),
    ),
    h('div', { class: 'form__actions' }, copy),
    copyStatus,
    h(
      'ul',
      { class: 'link-list' },
      h(
        'li',
        null,
        h(
          'a',
          { href: `/complaints/track?token=${encodeURIComponent(token)}`, class: 'link-arrow', id: 'complaint-track-link' },
          t('complaints:new.sent.track'),
        ),
      ),
      h('li', null, h('a', { href: '/complaints/new', id: 'complaint-another-link' }, t('complaints:new.sent.another'))),
    ),
  );
}

function render(context: CityPageContext): HTMLElement {
  const { t, language, city } = context;
  const services = city.services.filter(isComplaintService);
  const page = h('div', { class: 'page page--form page--complaint' });
  const heading = h('h1', null, t('complaints:new.heading'));
  if (services.length === 0) {
    page.append(heading, h('p', { class: 'lead' }, t('complaints:new.noServices')));
    return page;
  }

  const service = serviceField(services, context);
  const description = textAreaField({
    id: 'complaint-description',
    name: 'description',
    label: t('complaints:new.description.label'),
    hint: t('complaints:new.description.hint'),
    rows: 8,
    count: {
      max: limits.complaintDescription.max,
      warnAt,
      remaining: (left) => t('complaints:new.description.remaining', { remaining: context.format.number(left) }),
      tooMany: (over) => t('complaints:new.description.tooMany', { over: context.format.number(over) }),
    },
    messages: {
      required: t('complaints:new.description.required'),
      length: t('complaints:new.description.length'),
      format: t('complaints:new.description.format'),
      invalid: t('complaints:new.description.invalid'),
    },
  });
  const address = textField({
    id: 'complaint-address',
    name: 'address',
    label: t('complaints:new.address.label'),
    hint: t('complaints:new.address.hint'),
    autocomplete: 'street-address',
    messages: {
      required: t('complaints:new.address.required'),
      length: t('complaints:new.address.length'),
      format: t('complaints:new.address.format'),
      invalid: t('complaints:new.address.invalid'),
    },
  });
  const places = city.buildings.filter((building) => building.landmark);
  const place =
    places.length > 0
      ? selectField({
          id: 'complaint-place',
          name: 'placeId',
          label: t('complaints:new.place.label'),
          options: [
            { value: '', label: t('complaints:new.place.none') },
            ...places.map((building) => {
              const name = context.localize(building.name);
              return { value: building.id, label: name.text, lang: name.lang !== language ? name.lang : undefined };
            }),
          ],
          messages: { required: t('complaints:new.place.required'), invalid: t('complaints:new.place.invalid') },
        })
      : null;
  const location = fieldsetField({
    id: 'complaint-location',
    legend: t('complaints:new.location.legend'),
    hint: t('complaints:new.location.hint'),
    children: place ? [address, place] : [address],
    messages: { required: t('complaints:new.location.required'), invalid: t('complaints:new.location.invalid') },
  });
  const contactEmail = context.person
    ? null
    : textField({
        id: 'complaint-contact-email',
        name: 'contactEmail',
        type: 'email',
        label: t('complaints:new.contactEmail.label'),
        hint: t('complaints:new.contactEmail.hint'),
        autocomplete: 'email',
        spellcheck: false,
        messages: {
          required: t('complaints:new.contactEmail.required'),
          format: t('complaints:new.contactEmail.format'),
          length: t('complaints:new.contactEmail.length'),
          invalid: t('complaints:new.contactEmail.invalid'),
        },
      });

  // Every field wireForm shows problems on, in page order (the location's own fields after the fieldset).
  const fields: Field[] = [service, description, location, address, ...(place ? [place] : []), ...(contactEmail ? [contactEmail] : [])];
  const submit = h('button', { type: 'submit', class: 'button', id: 'complaint-submit' }, t('complaints:new.submit'));
  const form = h(
    'form',
    { class: 'form', id: 'complaint-form' },
    service.root,
    description.root,
    location.root,
    contactEmail?.root,
    h('div', { class: 'form__actions' }, submit),
  );
  page.append(heading, h('p', { class: 'lead' }, t('complaints:new.intro')));
  if (context.person) page.append(h('p', { id: 'complaint-signed-in' }, t('complaints:new.signedInAs')));
  page.append(form);

  const locationOf = (): ComplaintLocation | null => {
    const text = address.input.value.trim();
    const placeId = place?.select.value ?? '';
    if (text !== '' && placeId === '') return { address: text };
    if (text === '' && placeId !== '') return { placeId };
    return null;
  };

  const handle = wireForm({
    form,
    fields,
    submit,
    summarySlot: page,
    marksTitle: true,
    validate: () => {
      const problems: Problem[] = [];
      if (!service.value()) problems.push({ field: service.id, rule: 'required' });
      const descriptionRule = checkComplaintDescription(description.input.value);
      if (descriptionRule) problems.push({ field: description.id, rule: descriptionRule });
      const text = address.input.value.trim();
      const placeId = place?.select.value ?? '';
      if (text === '' && placeId === '') problems.push({ field: location.id, rule: 'required' });
      else if (text !== '' && placeId !== '') problems.push({ field: location.id, message: t('complaints:new.location.both') });
      else if (text !== '') {
        const addressRule = checkComplaintAddress(text);
        if (addressRule) problems.push({ field: address.id, rule: addressRule });
      }
      if (contactEmail && contactEmail.input.value.trim() !== '') {
        const emailRule = checkEmail(contactEmail.input.value);
        if (emailRule) problems.push({ field: contactEmail.id, rule: emailRule });
      }
      return problems;
    },
    send: async () => {
      const where = locationOf();
      if (!where) throw new ApiError(400, 'COMPLAINT_LOCATION_REQUIRED', t('complaints:new.location.required'));
      const email = contactEmail?.input.value.trim() ?? '';
      const filed = await fileComplaint(
        {
          serviceId: service.value(),
          description: description.input.value.trim(),
          location: where,
          ...(email ? { contactEmail: email } : {}),
        },
        { language },
      );
      handle.clearProblems();
      const panel = confirmation(filed, context);
      page.replaceChildren(panel);
      const panelHeading = panel.querySelector('h1');
      panelHeading?.focus();
      window.scrollTo(0, 0);
      announce(t('complaints:new.sent.announced', { caseNumber: filed.complaint.caseNumber }));
    },
    problemMap: {
      fields: {
        serviceId: service.id,
        description: description.id,
        location: location.id,
        'location.address': address.id,
        'location.placeId': place?.id ?? location.id,
        ...(contactEmail ? { contactEmail: contactEmail.id } : {}),
      },
      codes: { COMPLAINT_UNKNOWN_SERVICE: service.id },
    },
    // The API's text for a missing location mentions a map, which this page never needs: our own words instead.
    intercept: (error) => {
      if (!(error instanceof ApiError) || error.code !== 'COMPLAINT_LOCATION_REQUIRED') return false;
      handle.showProblems([{ field: location.id, rule: 'required' }]);
      return true;
    },
  });
  return page;
}

export const newComplaintPage: PageModule = { requiresCity: true, render };
