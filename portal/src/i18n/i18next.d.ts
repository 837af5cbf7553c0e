import 'i18next';
import type common from '../../../locales/en/common.json';

// English is the reference language: keys passed to t() are checked against it at compile time.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
    resources: { common: typeof common };
  }
}
