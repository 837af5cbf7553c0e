import type { CityPack, GeoPoint, HeritageSite, LocalizedText, TourismZone } from '../../../../api/src/city/city-pack.types';

/**
 * The points of interest of the twin, from the city pack: one list that the 3D view and the text twin share, so
 * arrow keys in the canvas and the "Places in this view" panel walk the same places in the same order.
 */
export type PlaceKind = 'counter' | 'official' | 'landmark' | 'site' | 'stop';

/** Where the camera stands and how it looks: degrees clockwise from north; pitch below the horizon is negative. */
export interface CameraView {
  position: GeoPoint;
  headingDegrees: number;
  pitchDegrees: number;
}

export interface Place {
  /** `<kind>:<pack id>`: unique across kinds (an official and a counter may share a pack id). */
  key: string;
  kind: PlaceKind;
  /** The pack's id of the counter, official, building, site or tour stop. */
  id: string;
  name: LocalizedText;
  /** What the place is (an official's role, a counter's hall); shown under the name. */
  detail?: LocalizedText;
  /** Where the thing stands (an official: where the avatar stands). */
  position: GeoPoint;
  /** Which way it faces (counters and officials), degrees clockwise from north. */
  facingDegrees?: number;
  camera: CameraView;
  /** Heading of the text twin under which the place is listed: the hall's id, "landmarks" or a zone's id. */
  group: string;
  /** For a tour stop, its site; for a site, its zone. */
  parentId?: string;
}

const METRES_PER_DEGREE = 111_320;

/** The point `metres` away from `from` along `bearingDegrees` (flat-earth step: places here are metres apart). */
export function offset(from: GeoPoint, bearingDegrees: number, metres: number, height = from.height ?? 0): GeoPoint {
  const bearing = (bearingDegrees * Math.PI) / 180;
  const lat = from.lat + (metres * Math.cos(bearing)) / METRES_PER_DEGREE;
  const lon = from.lon + (metres * Math.sin(bearing)) / (METRES_PER_DEGREE * Math.cos((from.lat * Math.PI) / 180));
  return { lat, lon, height };
}

/** A view of `target` from `distance` metres along `bearing`, `height` metres up, looking back at it. */
export function viewOf(target: GeoPoint, bearing: number, distance: number, height: number): CameraView {
  const pitch = -(Math.atan2(height - (target.height ?? 0), distance) * 180) / Math.PI;
  return { position: offset(target, bearing, distance, height), headingDegrees: (bearing + 180) % 360, pitchDegrees: pitch };
}

export function centreOf(points: readonly GeoPoint[]): GeoPoint {
  const mean = (pick: (point: GeoPoint) => number) => points.reduce((sum, point) => sum + pick(point), 0) / Math.max(points.length, 1);
  return { lat: mean((point) => point.lat), lon: mean((point) => point.lon) };
}

/** Officials sharing a counter stand side by side, this far apart. */
const SIDE_STEP_METRES = 1.6;

function hallPlaces(city: CityPack): Place[] {
  const hall = city.cityHall;
  const places: Place[] = [];
  for (const counter of hall.counters) {
    const facing = counter.headingDegrees;
    places.push({
      key: `counter:${counter.id}`,
      kind: 'counter',
      id: counter.id,
      name: counter.name,
      detail: hall.name,
      position: { ...counter.position, height: 0 },
      facingDegrees: facing,
      camera: viewOf({ ...counter.position, height: 1 }, facing, 14, 7),
      group: hall.id,
    });
    const staff = city.officials.filter((official) => official.counterId === counter.id);
    staff.forEach((official, index) => {
      // Behind the desk, side by side when several share it.
      const behind = offset(counter.position, facing + 180, 1.2, 0);
      const side = (index - (staff.length - 1) / 2) * SIDE_STEP_METRES;
      const position = offset(behind, facing + 90, side, 0);
      places.push({
        key: `official:${official.id}`,
        kind: 'official',
        id: official.id,
        name: official.name,
        detail: official.role,
        position,
        facingDegrees: facing,
        camera: viewOf({ ...position, height: 1.6 }, facing, 7, 3.5),
        group: hall.id,
        parentId: counter.id,
      });
    });
  }
  return places;
}

function sitePlaces(zone: TourismZone, site: HeritageSite): Place[] {
  const first = site.tourStops[0];
  const sitePlace: Place = {
    key: `site:${site.id}`,
    kind: 'site',
    id: site.id,
    name: site.name,
    position: site.position,
    camera: first?.camera ?? viewOf(site.position, 180, 120, 60),
    group: zone.id,
    parentId: zone.id,
  };
  return [
    sitePlace,
    ...site.tourStops.map((stop) => ({
      key: `stop:${stop.id}`,
      kind: 'stop' as const,
      id: stop.id,
      name: stop.title,
      detail: site.name,
      position: stop.camera.position,
      camera: stop.camera,
      group: zone.id,
      parentId: site.id,
    })),
  ];
}

/** Every point of interest of the pack, in the order the text twin lists them and the arrow keys visit them. */
export function placesOf(city: CityPack): Place[] {
  const landmarks: Place[] = city.buildings
    .filter((building) => building.landmark)
    .map((building) => {
      const centre = centreOf(building.footprint);
      return {
        key: `landmark:${building.id}`,
        kind: 'landmark',
        id: building.id,
        name: building.name,
        position: { ...centre, height: building.heightMetres },
        camera: viewOf({ ...centre, height: building.heightMetres / 2 }, 200, building.heightMetres * 3 + 60, building.heightMetres + 50),
        group: 'landmarks',
      };
    });
  const zones = city.tourismZones.flatMap((zone) => zone.sites.flatMap((site) => sitePlaces(zone, site)));
  return [...hallPlaces(city), ...landmarks, ...zones];
}

/** The overview: the hall and its blocks from the south-west, high enough to see the landmarks around it. */
export function overviewOf(city: CityPack): CameraView {
  return viewOf({ ...centreOf(city.cityHall.footprint), height: 0 }, 200, 420, 320);
}
