/**
 * The city pack: one JSON file per city (api/city-packs/<id>.json), validated when loaded.
 * docs/city-pack.md documents every field; keep the two in step.
 *
 * Text that belongs to the city (names of places, departments, services, heritage histories) is city
 * data and travels in the pack as LocalizedText. Text of the product itself lives in locales/.
 */

/**
 * Language code (BCP 47 primary tag as used in locales/, e.g. "en", "ko", "ar") → text. Holds every language the
 * portal ships (each folder of locales/), whatever the pack's `languages`, and no other key.
 */
export type LocalizedText = Record<string, string>;

/** WGS84 position. Height in metres above the ellipsoid where given. */
export interface GeoPoint {
  lat: number;
  lon: number;
  height?: number;
}

/** A closed ring of WGS84 positions (first point not repeated), 3 to 100 points. */
export type Footprint = GeoPoint[];

export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';

/** Opening hours of one weekday, local time in the city's time zone, "HH:MM" 24-hour; start < end, no overlap on a day. */
export interface WorkingHours {
  day: Weekday;
  start: string;
  end: string;
}

export interface Department {
  id: string;
  name: LocalizedText;
  description: LocalizedText;
}

export type ServiceKind = 'complaint' | 'appointment' | 'document';

export interface ComplaintAttribute {
  /** Open311 attribute code. */
  code: string;
  datatype: 'string' | 'number' | 'datetime' | 'text' | 'singlevaluelist' | 'multivaluelist';
  required: boolean;
  description: LocalizedText;
  values?: { key: string; name: LocalizedText }[];
}

export interface RequiredDocument {
  id: string;
  name: LocalizedText;
  /** Allowed MIME types, e.g. "application/pdf", "image/png". */
  mimeTypes: string[];
  maxSizeBytes: number;
}

export interface Fee {
  amount: number;
  /** ISO 4217 code, e.g. "KRW", "AED". */
  currency: string;
}

interface ServiceBase {
  id: string;
  kind: ServiceKind;
  departmentId: string;
  name: LocalizedText;
  description: LocalizedText;
  fee?: Fee;
}

export interface ComplaintService extends ServiceBase {
  kind: 'complaint';
  /** Open311 service_code. */
  open311Code: string;
  keywords: string[];
  expectedDays: number;
  attributes: ComplaintAttribute[];
}

export interface AppointmentService extends ServiceBase {
  kind: 'appointment';
  durationMinutes: number;
  /** Whether citizens may meet the official's avatar instead of coming in person. */
  virtualAllowed: boolean;
}

export interface DocumentService extends ServiceBase {
  kind: 'document';
  requiredDocuments: RequiredDocument[];
  expectedDays: number;
}

export type CityService = ComplaintService | AppointmentService | DocumentService;

export interface ServiceCounter {
  id: string;
  name: LocalizedText;
  /** Position of the counter; must lie inside the hall's footprint. */
  position: GeoPoint;
  /** Heading the official faces, degrees clockwise from north. */
  headingDegrees: number;
  serviceIds: string[];
}

export interface CityHall {
  id: string;
  name: LocalizedText;
  footprint: Footprint;
  heightMetres: number;
  counters: ServiceCounter[];
}

export interface Official {
  id: string;
  name: LocalizedText;
  role: LocalizedText;
  departmentId: string;
  counterId: string;
  weeklySchedule: WorkingHours[];
}

export interface Building {
  id: string;
  name: LocalizedText;
  footprint: Footprint;
  heightMetres: number;
  /** CSS hex colour, "#rrggbb". */
  colour: string;
  landmark: boolean;
}

export interface TourStop {
  id: string;
  title: LocalizedText;
  caption: LocalizedText;
  /** Where the camera looks from. */
  camera: { position: GeoPoint; headingDegrees: number; pitchDegrees: number };
}

export interface HeritageSite {
  id: string;
  name: LocalizedText;
  position: GeoPoint;
  /**
   * Year the original was built (for a place rather than a structure, the year it is dated from) and, for lost
   * sites, the year it was lost.
   */
  builtYear: number;
  lostYear?: number;
  /** What the reconstruction is modelled from (primitives, proportions), for the twin and for the text twin. */
  modelDescription: LocalizedText;
  history: LocalizedText;
  narration: LocalizedText;
  tourStops: TourStop[];
}

export interface TourismZone {
  id: string;
  name: LocalizedText;
  description: LocalizedText;
  centre: GeoPoint;
  sites: HeritageSite[];
}

export interface CityPack {
  /** Lower-case kebab-case id, equal to the file name: "seoul" for seoul.json. */
  id: string;
  name: LocalizedText;
  /** IANA time zone, e.g. "Asia/Seoul". */
  timeZone: string;
  centre: GeoPoint;
  /** Languages the city offers, no repeats; each must exist in locales/. The first is the city's default. */
  languages: string[];
  /** Prefix of case numbers, three upper-case letters: "SEL" → SEL-2026-000123. */
  caseNumberPrefix: string;
  departments: Department[];
  services: CityService[];
  cityHall: CityHall;
  officials: Official[];
  buildings: Building[];
  tourismZones: TourismZone[];
}
