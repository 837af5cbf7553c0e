import type { AttributeValue } from '../../api/complaints';
import type { ComplaintAttribute, ComplaintService } from '../../../../api/src/city/city-pack.types';
import { isolate, localized } from '../../dom';
import { characterCount, type Rule } from '../../forms/field-problems';
import { radioGroup, selectField, textAreaField, textField, type Field, type FieldMessages } from '../../forms/fields';
import type { CityPageContext } from '../page';
import { attributeLimits, cityDateTime, numberAnswer } from './attribute-answers';
import { checkboxGroup } from './checkbox-group';

/**
 * The questions a kind of problem asks (the city pack's attributes) as form fields: a list of up to six
 * answers as radio buttons, a longer one as a select, several answers as checkboxes, a date and time, a
 * number, a line or a paragraph of text.
 */
export interface AttributeField {
  readonly code: string;
  readonly field: Field;
  /** The answer to send; undefined when the person gave none. */
  answer(): AttributeValue | undefined;
  /** The browser's check of the answer, null when it is fine. */
  check(): Rule | null;
}

/** A list longer than this is a select: more radio buttons than this are hard to scan. */
const mostRadios = 6;

function messagesFor(attribute: ComplaintAttribute, name: string, { t }: CityPageContext): FieldMessages {
  const question = isolate(name);
  const required = {
    singlevaluelist: t('complaints:new.attributes.choose', { name: question }),
    multivaluelist: t('complaints:new.attributes.chooseSome', { name: question }),
    datetime: t('complaints:new.attributes.dateTime', { name: question }),
  };
  const format = {
    datetime: t('complaints:new.attributes.dateTimeFormat', { name: question }),
    number: t('complaints:new.attributes.numberFormat', { name: question }),
  };
  const max = attribute.datatype === 'text' ? attributeLimits.text : attributeLimits.string;
  return {
    required:
      attribute.datatype in required
        ? required[attribute.datatype as keyof typeof required]
        : t('complaints:new.attributes.enter', { name: question }),
    format:
      attribute.datatype in format
        ? format[attribute.datatype as keyof typeof format]
        : t('complaints:new.attributes.format', { name: question }),
    length: t('complaints:new.attributes.length', { name: question, max }),
    invalid: t('complaints:new.attributes.invalid', { name: question }),
  };
}

/** The question in its own language, then "(required)" in the page's. */
function markLabel(root: HTMLElement, attribute: ComplaintAttribute, context: CityPageContext): void {
  const label = root.querySelector('.field__label, .fieldset__legend');
  label?.replaceChildren(
    localized('span', context.localize(attribute.description), context.language),
    attribute.required ? ` ${context.t('complaints:new.attributes.requiredMark')}` : '',
  );
}

function listOptions(attribute: ComplaintAttribute, context: CityPageContext) {
  return (attribute.values ?? []).map((value) => {
    const name = context.localize(value.name);
    return { value: value.key, label: name.text, lang: name.lang !== context.language ? name.lang : undefined };
  });
}

function emptyRule(attribute: ComplaintAttribute): Rule | null {
  return attribute.required ? 'required' : null;
}

function attributeField(attribute: ComplaintAttribute, idPrefix: string, context: CityPageContext): AttributeField {
  const { t } = context;
  const id = `${idPrefix}-${attribute.code}`;
  const name = `attributes.${attribute.code}`;
  const messages = messagesFor(attribute, context.localize(attribute.description).text, context);
  const label = context.localize(attribute.description).text;
  const { code } = attribute;

  switch (attribute.datatype) {
    case 'singlevaluelist': {
      const options = listOptions(attribute, context);
      if (options.length > mostRadios) {
        const select = selectField({
          id,
          name,
          label,
          options: [{ value: '', label: t('complaints:new.attributes.chooseOne') }, ...options],
          messages,
        });
        markLabel(select.root, attribute, context);
        return {
          code,
          field: select,
          answer: () => select.select.value || undefined,
          check: () => (select.select.value ? null : emptyRule(attribute)),
        };
      }
      const radios = radioGroup({ id, name, legend: label, options, value: '', messages });
      markLabel(radios.root, attribute, context);
      return {
        code,
        field: radios,
        answer: () => radios.value() || undefined,
        check: () => (radios.value() ? null : emptyRule(attribute)),
      };
    }
    case 'multivaluelist': {
      const boxes = checkboxGroup({ id, legend: label, options: listOptions(attribute, context), messages });
      markLabel(boxes.root, attribute, context);
      const chosen = () => boxes.values();
      return {
        code,
        field: boxes,
        answer: () => (chosen().length > 0 ? chosen() : undefined),
        check: () => (chosen().length > 0 ? null : emptyRule(attribute)),
      };
    }
    case 'datetime': {
      const { city } = context;
      const input = textField({
        id,
        name,
        label,
        hint: t('complaints:new.attributes.dateTimeHint', { city: context.localize(city.name).text }),
        autocomplete: 'off',
        messages,
      });
      input.input.type = 'datetime-local';
      markLabel(input.root, attribute, context);
      const answer = () => cityDateTime(input.input.value, city.timeZone) ?? undefined;
      return {
        code,
        field: input,
        answer,
        // A half-typed date leaves the value empty and says so in validity.badInput.
        check: () =>
          input.input.validity.badInput ? 'format' : input.input.value === '' ? emptyRule(attribute) : answer() ? null : 'format',
      };
    }
    case 'number': {
      const input = textField({ id, name, label, autocomplete: 'off', spellcheck: false, messages });
      input.input.inputMode = 'decimal';
      input.input.dir = 'ltr';
      markLabel(input.root, attribute, context);
      const text = () => input.input.value.trim();
      return {
        code,
        field: input,
        answer: () => numberAnswer(text()) ?? undefined,
        check: () => (text() === '' ? emptyRule(attribute) : numberAnswer(text()) ? null : 'format'),
      };
    }
    case 'string':
    case 'text': {
      const max = attributeLimits[attribute.datatype];
      const input =
        attribute.datatype === 'text'
          ? textAreaField({
              id,
              name,
              label,
              rows: 4,
              messages,
              count: {
                max,
                warnAt: 200,
                remaining: (left) => t('complaints:new.description.remaining', { remaining: context.format.number(left) }),
                tooMany: (over) => t('complaints:new.description.tooMany', { over: context.format.number(over) }),
              },
            })
          : textField({ id, name, label, autocomplete: 'off', messages });
      input.input.dir = 'auto';
      markLabel(input.root, attribute, context);
      const text = () => input.input.value.trim();
      return {
        code,
        field: input,
        answer: () => text() || undefined,
        // Markup is refused by the API, as in the description.
        check: () =>
          text() === '' ? emptyRule(attribute) : characterCount(text()) > max ? 'length' : /[<>]/.test(text()) ? 'format' : null,
      };
    }
  }
}

/** The fields of a service's questions, in the city pack's order; ids are `${idPrefix}-${code}`. */
export function attributeFields(service: ComplaintService, idPrefix: string, context: CityPageContext): AttributeField[] {
  return service.attributes.map((attribute) => attributeField(attribute, idPrefix, context));
}

/** The answers given, as the API takes them: `{ code: value | [values] }`, without the unanswered ones. */
export function answersOf(fields: readonly AttributeField[]): Record<string, AttributeValue> {
  const answers: Record<string, AttributeValue> = {};
  for (const field of fields) {
    const answer = field.answer();
    if (answer !== undefined) answers[field.code] = answer;
  }
  return answers;
}
