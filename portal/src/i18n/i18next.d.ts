import 'i18next';
import type account from '../../../locales/en/account.json';
import type appointments from '../../../locales/en/appointments.json';
import type common from '../../../locales/en/common.json';
import type complaints from '../../../locales/en/complaints.json';
import type consoleTexts from '../../../locales/en/console.json';
import type consultations from '../../../locales/en/consultations.json';
import type documents from '../../../locales/en/documents.json';
import type queues from '../../../locales/en/queues.json';
import type twin from '../../../locales/en/twin.json';

// English is the reference language: keys passed to t() are checked against it at compile time.
// Feature namespaces are written "account:profile.heading".
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
    resources: {
      common: typeof common;
      account: typeof account;
      complaints: typeof complaints;
      console: typeof consoleTexts;
      queues: typeof queues;
      twin: typeof twin;
      documents: typeof documents;
      appointments: typeof appointments;
      consultations: typeof consultations;
    };
  }
}
