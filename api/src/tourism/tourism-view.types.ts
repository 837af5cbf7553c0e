/**
 * Tourism zones as `GET /api/tourism/zones` lists them. Pure types, shared with the portal; a zone in full
 * (`GET /api/tourism/zones/:id`) is the pack's TourismZone as it stands (sites, histories, narration, tour stops).
 */
import type { GeoPoint, LocalizedText } from '../city/city-pack.types.js';

export interface HeritageSiteSummary {
  id: string;
  name: LocalizedText;
  position: GeoPoint;
  builtYear: number;
  lostYear: number | null;
  tourStopCount: number;
}

export interface TourismZoneSummary {
  id: string;
  name: LocalizedText;
  description: LocalizedText;
  centre: GeoPoint;
  sites: HeritageSiteSummary[];
}
