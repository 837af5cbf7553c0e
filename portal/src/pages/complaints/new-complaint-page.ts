import { announce } from '../../a11y/announcer';
import { ApiError } from '../../api/client';
import { fileComplaint, type ComplaintLocation, type NearbyComplaint } from '../../api/complaints';
import type { CityPack, ComplaintService } from '../../../../api/src/city/city-pack.types';
import { h } from '../../dom';
import { checkComplaintAddress, checkComplaintDescription, checkEmail, limits, type Problem } from '../../forms/field-problems';
import { fieldsetField, radioGroup, selectField, textAreaField, textField, type Field } from '../../forms/fields';
import { wireForm } from '../../forms/form-controller';
import type { CityPageContext, PageModule } from '../page';
import { answersOf, attributeFields, type AttributeField } from './attribute-fields';
import { filedConfirmation, followedConfirmation } from './complaint-panels';
import { complaintPhotos } from './complaint-photos';
import { nearbySuggestions } from './nearby-complaints';

/** How many characters before the limit the count starts being spoken. */
const warnAt = 400;

function isComplaintService(service: { kind: string }): service is ComplaintService {
  return service.kind === 'complaint';
}

/** What the 3D twin's "Report a problem here" passes: /complaints/new?service=…&buildingId=…&floor=…&lat=…&long=… */
interface Pick {
  serviceId: string | null;
  /** A landmark of the place list: chosen there. */
  placeId: string | null;
  /** Any other picked point (a building's, or the ground's), sent as coordinates with the building and floor. */
  point: { lat: number; long: number; buildingId?: string; floor?: number } | null;
}

function pickOf(query: URLSearchParams, city: CityPack, services: readonly ComplaintService[]): Pick {
  const service = services.find((candidate) => candidate.id === query.get('service'));
  const building = city.buildings.find((candidate) => candidate.id === query.get('buildingId'));
  const [lat, long, floor] = ['lat', 'long', 'floor'].map((name) => (query.get(name) === null ? NaN : Number(query.get(name))));
  const onMap = lat !== undefined && long !== undefined && Math.abs(lat) <= 90 && Math.abs(long) <= 180;
  const point = onMap
    ? { lat, long, ...(building ? { buildingId: building.id } : {}), ...(building && Number.isInteger(floor) ? { floor } : {}) }
    : null;
  return { serviceId: service?.id ?? null, placeId: building?.landmark ? building.id : null, point: building?.landmark ? null : point };
}

/** The radio group of the city's complaint services, each with its description under its name. */
function serviceField(services: readonly ComplaintService[], context: CityPageContext, picked: string | null) {
  const { t, language } = context;
  return radioGroup({
    id: 'complaint-service',
    name: 'serviceId',
    legend: t('complaints:new.service.legend'),
    hint: t('complaints:new.service.hint'),
    value: picked ?? (services.length === 1 ? (services[0]?.id ?? '') : ''),
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

function render(context: CityPageContext): HTMLElement {
  const { t, language, city } = context;
  const services = city.services.filter(isComplaintService);
  const page = h('div', { class: 'page page--form page--complaint' });
  const heading = h('h1', null, t('complaints:new.heading'));
  if (services.length === 0) {
    page.append(heading, h('p', { class: 'lead' }, t('complaints:new.noServices')));
    return page;
  }

  const pick = pickOf(new URLSearchParams(window.location.search), city, services);
  const service = serviceField(services, context, pick.serviceId);
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
  if (place && pick.placeId) place.select.value = pick.placeId;
  const pickedBuilding = city.buildings.find((building) => building.id === pick.point?.buildingId);
  const picked = pick.point
    ? h(
        'p',
        { class: 'notice', id: 'complaint-picked' },
        pickedBuilding
          ? t('twin:pick.building', {
              place: context.localize(pickedBuilding.name).text,
              floor: context.format.number(pick.point.floor ?? 0),
            })
          : t('twin:pick.point'),
      )
    : null;
  const location = fieldsetField({
    id: 'complaint-location',
    legend: t('complaints:new.location.legend'),
    hint: t('complaints:new.location.hint'),
    children: place ? [address, place] : [address],
    messages: { required: t('complaints:new.location.required'), invalid: t('complaints:new.location.invalid') },
  });
  if (picked) location.root.querySelector('.fieldset__body')?.prepend(picked);
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

  // The questions of the chosen kind of problem, built once per kind so that going back to one keeps its answers.
  const questionsByService = new Map<string, AttributeField[]>();
  const attributesSlot = h('div', { class: 'complaint-attributes', id: 'complaint-attributes' });
  let questions: AttributeField[] = [];
  // wireForm keeps these two by reference: they change with the kind of problem.
  const fields: Field[] = [];
  const fieldsOfApi: Record<string, string> = {};
  const describeFields = () => {
    const own = [service, ...questions.map((question) => question.field), description, location, address];
    fields.splice(0, fields.length, ...own, ...(place ? [place] : []), ...(contactEmail ? [contactEmail] : []));
    for (const key of Object.keys(fieldsOfApi)) delete fieldsOfApi[key];
    Object.assign(fieldsOfApi, {
      serviceId: service.id,
      attributes: questions[0]?.field.id ?? service.id,
      ...Object.fromEntries(questions.map((question) => [`attributes.${question.code}`, question.field.id])),
      description: description.id,
      location: location.id,
      'location.address': address.id,
      'location.placeId': place?.id ?? location.id,
      ...(contactEmail ? { contactEmail: contactEmail.id } : {}),
    });
  };
  const showQuestions = (serviceId: string, announceThem: boolean) => {
    const chosen = services.find((candidate) => candidate.id === serviceId);
    if (chosen && !questionsByService.has(chosen.id))
      questionsByService.set(chosen.id, attributeFields(chosen, 'complaint-attribute', context));
    questions = chosen ? (questionsByService.get(chosen.id) ?? []) : [];
    for (const question of questions) question.field.setError(null);
    attributesSlot.replaceChildren(...questions.map((question) => question.field.root));
    describeFields();
    if (announceThem && questions.length > 0) announce(t('complaints:new.attributes.added', { count: questions.length }));
  };

  const locationOf = (): ComplaintLocation | null => {
    const text = address.input.value.trim();
    const placeId = place?.select.value ?? '';
    if (text !== '' && placeId === '') return { address: text };
    if (text === '' && placeId !== '') return { placeId };
    if (text === '' && placeId === '' && pick.point) return pick.point;
    return null;
  };

  const followedWithoutAccount = (complaint: NearbyComplaint, token: string) => {
    const panel = followedConfirmation(complaint, token, context);
    page.replaceChildren(panel);
    panel.querySelector('h1')?.focus();
    window.scrollTo(0, 0);
    announce(t('complaints:nearby.following.announced', { caseNumber: complaint.caseNumber }));
  };
  const nearby = nearbySuggestions(context, { onTrackingToken: followedWithoutAccount });
  const lookForNearby = () => {
    const placeId = address.input.value.trim() === '' ? (place?.select.value ?? '') : '';
    nearby.update(service.value(), placeId);
  };

  const submit = h('button', { type: 'submit', class: 'button', id: 'complaint-submit' }, t('complaints:new.submit'));
  const form = h(
    'form',
    { class: 'form', id: 'complaint-form' },
    service.root,
    attributesSlot,
    description.root,
    location.root,
    contactEmail?.root,
    nearby.element,
    // Photos are added once the complaint has its case number, so a slow or refused photo never costs the complaint.
    h(
      'p',
      { class: 'field__hint', id: 'complaint-photos-hint' },
      t(context.person ? 'complaints:photos.afterSending' : 'complaints:photos.signInToAdd'),
    ),
    h('div', { class: 'form__actions' }, submit),
  );
  page.append(heading, h('p', { class: 'lead' }, t('complaints:new.intro')));
  if (context.person) page.append(h('p', { id: 'complaint-signed-in' }, t('complaints:new.signedInAs')));
  page.append(form);

  service.root.addEventListener('change', () => {
    showQuestions(service.value(), true);
    lookForNearby();
  });
  place?.select.addEventListener('change', lookForNearby);
  address.input.addEventListener('change', lookForNearby);
  showQuestions(service.value(), false);

  const handle = wireForm({
    form,
    fields,
    submit,
    summarySlot: page,
    marksTitle: true,
    validate: () => {
      const problems: Problem[] = [];
      if (!service.value()) problems.push({ field: service.id, rule: 'required' });
      for (const question of questions) {
        const rule = question.check();
        if (rule) problems.push({ field: question.field.id, rule });
      }
      const descriptionRule = checkComplaintDescription(description.input.value);
      if (descriptionRule) problems.push({ field: description.id, rule: descriptionRule });
      const text = address.input.value.trim();
      const placeId = place?.select.value ?? '';
      if (text === '' && placeId === '' && !pick.point) problems.push({ field: location.id, rule: 'required' });
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
          attributes: answersOf(questions),
          ...(email ? { contactEmail: email } : {}),
        },
        { language },
      );
      handle.clearProblems();
      const panel = filedConfirmation(filed, context);
      page.replaceChildren(panel, ...(context.person ? [complaintPhotos(filed.complaint, context)] : []));
      panel.querySelector('h1')?.focus();
      window.scrollTo(0, 0);
      announce(t('complaints:new.sent.announced', { caseNumber: filed.complaint.caseNumber }));
    },
    problemMap: { fields: fieldsOfApi, codes: { COMPLAINT_UNKNOWN_SERVICE: service.id } },
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
