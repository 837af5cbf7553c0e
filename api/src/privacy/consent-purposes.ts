/**
 * What the city asks people's consent for. Delivering the services a person asks for needs no consent (it is
 * the city's public task); these are the optional extras. Each purpose's wording lives in locales/<lang>/account.json
 * under `consents.<purpose>`, and its version changes whenever that wording does.
 */
export const CONSENT_PURPOSES = ['notifications-email', 'satisfaction-survey'] as const;
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];

export const isConsentPurpose = (value: string): value is ConsentPurpose => (CONSENT_PURPOSES as readonly string[]).includes(value);
