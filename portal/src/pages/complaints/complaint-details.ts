import type { AttributeValue, Complaint } from '../../api/complaints';
import type { ComplaintAttribute } from '../../../../api/src/city/city-pack.types';
import { h, localized } from '../../dom';
import type { CityPageContext } from '../page';

/** Where the problem is, in words: the address, the place or building of the city's list, or coordinates. */
export function locationOf(complaint: Complaint, context: CityPageContext): HTMLElement {
  const { t, format, language, city } = context;
  const { location } = complaint;
  const building = (id: string | null) => (id ? city.buildings.find((candidate) => candidate.id === id) : undefined);
  if (location.address) return h('span', { dir: 'auto' }, location.address);
  const place = building(location.placeId) ?? building(location.buildingId);
  if (place) {
    const name = localized('span', context.localize(place.name), language);
    return location.floor === null
      ? name
      : h('span', null, name, ', ', t('complaints:case.floor', { floor: format.number(location.floor) }));
  }
  if (location.lat !== null && location.long !== null) {
    return h('span', { dir: 'ltr' }, `${format.number(location.lat)}, ${format.number(location.long)}`);
  }
  return h('span', null, t('complaints:case.locationUnknown'));
}

/** An answer in words: the names of the chosen values, a date and time in the city's zone, or the text as given. */
function answerOf(attribute: ComplaintAttribute, value: AttributeValue, context: CityPageContext): HTMLElement {
  const { format, language } = context;
  const valueName = (key: string) => {
    const known = attribute.values?.find((candidate) => candidate.key === key);
    return known ? localized('span', context.localize(known.name), language) : h('span', { dir: 'ltr' }, key);
  };
  if (Array.isArray(value)) return h('ul', { class: 'answer-list' }, ...value.map((key) => h('li', null, valueName(key))));
  if (attribute.datatype === 'singlevaluelist') return valueName(value);
  if (attribute.datatype === 'datetime' && !Number.isNaN(Date.parse(value))) {
    return h('time', { datetime: value }, format.dateTime(new Date(value)));
  }
  if (attribute.datatype === 'number' && Number.isFinite(Number(value))) return h('span', null, format.number(Number(value)));
  return h('span', { class: 'answer-text', dir: 'auto' }, value);
}

/** The answers to the kind of problem's questions, named by their questions, in the city pack's order. */
export function answerRows(complaint: Complaint, context: CityPageContext): HTMLElement[] {
  const service = context.city.services.find((candidate) => candidate.id === complaint.serviceId);
  const answers = complaint.attributes;
  if (!service || service.kind !== 'complaint') return [];
  return service.attributes.flatMap((attribute) => {
    const value = Object.hasOwn(answers, attribute.code) ? answers[attribute.code] : undefined;
    if (value === undefined) return [];
    return [
      h(
        'div',
        { class: 'details__row', 'data-attribute': attribute.code },
        h('dt', null, localized('span', context.localize(attribute.description), context.language)),
        h('dd', { id: `case-attribute-${attribute.code}` }, answerOf(attribute, value, context)),
      ),
    ];
  });
}
