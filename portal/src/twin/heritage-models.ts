import {
  Cartesian3,
  Color,
  ColorGeometryInstanceAttribute,
  CylinderGeometry,
  GeometryInstance,
  PerInstanceColorAppearance,
  type Primitive,
  type Scene,
  Transforms,
} from 'cesium';
import type { GeoPoint, HeritageSite } from '../../../api/src/city/city-pack.types';
import { offset } from '../pages/twin/places';
import { box, solid } from './city-model';

/**
 * Heritage reconstructions from primitives, after each site's `modelDescription` in the pack. A part is a box
 * (east, north, up offsets and sizes in metres from the site's position) or a round tower. Sites without a recipe
 * get a plain marker block, so a new pack's sites still stand in the scene.
 */
type Part =
  | { shape: 'box'; at: [east: number, north: number, up: number]; size: [number, number, number]; colour: string; facing?: number }
  | { shape: 'tower'; at: [east: number, north: number, up: number]; radius: number; height: number; colour: string };

const GRANITE = '#9a968c';
const ARCH = '#2b2926';
const TIMBER = '#8c3b2d';
const ROOF = '#3f4347';
const CORAL = '#d8c39a';
const TEAK = '#7a5230';

/** A two-roofed timber pavilion on a platform `up` metres high. */
function pavilion(up: number, width: number, depth: number): Part[] {
  return [
    { shape: 'box', at: [0, 0, up], size: [depth, width, 4], colour: TIMBER },
    { shape: 'box', at: [0, 0, up + 4], size: [depth + 3, width + 4, 1.2], colour: ROOF },
    { shape: 'box', at: [0, 0, up + 5.2], size: [depth - 1, width - 4, 1.4], colour: ROOF },
  ];
}

const recipes: Record<string, Part[]> = {
  // The west gate: a granite platform pierced by one arch, a timber pavilion, and the city wall running north and south.
  donuimun: [
    { shape: 'box', at: [0, 0, 0], size: [10, 20, 6], colour: GRANITE },
    { shape: 'box', at: [-5.1, 0, 0], size: [0.4, 4.5, 4.5], colour: ARCH },
    ...pavilion(6, 14, 7),
    { shape: 'box', at: [0, 35, 0], size: [4, 50, 5], colour: GRANITE },
    { shape: 'box', at: [0, -35, 0], size: [4, 50, 5], colour: GRANITE },
  ],
  gwanghwamun: [
    { shape: 'box', at: [0, 0, 0], size: [35, 14, 8], colour: GRANITE },
    { shape: 'box', at: [0, -7.1, 0], size: [5, 0.4, 6], colour: ARCH },
    { shape: 'box', at: [-9, -7.1, 0], size: [3.6, 0.4, 4.6], colour: ARCH },
    { shape: 'box', at: [9, -7.1, 0], size: [3.6, 0.4, 4.6], colour: ARCH },
    { shape: 'box', at: [0, 0, 8], size: [24, 10, 4], colour: TIMBER },
    { shape: 'box', at: [0, 0, 12], size: [28, 13, 1.4], colour: ROOF },
    { shape: 'box', at: [0, 0, 13.4], size: [20, 8, 3], colour: TIMBER },
    { shape: 'box', at: [0, 0, 16.4], size: [24, 10, 1.6], colour: ROOF },
  ],
  deoksugung: [
    { shape: 'box', at: [0, -60, 0], size: [30, 22, 2], colour: GRANITE },
    { shape: 'box', at: [0, -60, 2], size: [24, 14, 8], colour: TIMBER },
    { shape: 'box', at: [0, -60, 10], size: [28, 18, 2], colour: ROOF },
    { shape: 'box', at: [-80, -50, 0], size: [50, 25, 14], colour: '#e8e2d4' },
    { shape: 'box', at: [-30, -10, 0], size: [14, 10, 9], colour: '#b09a7c' },
  ],
  'al-fahidi-historical-neighbourhood': [
    ...[-24, -8, 8, 24].flatMap((east, index): Part[] => [
      { shape: 'box', at: [east, index % 2 === 0 ? 10 : -10, 0], size: [13, 13, index % 2 === 0 ? 7 : 5], colour: CORAL },
      { shape: 'box', at: [east + 3, index % 2 === 0 ? 13 : -7, index % 2 === 0 ? 7 : 5], size: [3, 3, 6], colour: '#c9b083' },
    ]),
  ],
  'al-fahidi-fort': [
    { shape: 'box', at: [0, 0, 0], size: [35, 30, 8], colour: CORAL },
    { shape: 'tower', at: [-16, 14, 0], radius: 4, height: 15, colour: '#cdb68c' },
    { shape: 'box', at: [16, -13, 0], size: [6, 6, 12], colour: '#cdb68c' },
  ],
  'dubai-creek-abra-crossing': [
    { shape: 'box', at: [0, 0, 0], size: [10, 2.6, 1], colour: TEAK, facing: 20 },
    { shape: 'box', at: [0, 0, 2.2], size: [8, 2.4, 0.2], colour: '#e9e1cf', facing: 20 },
  ],
};

const fallback: Part[] = [{ shape: 'box', at: [0, 0, 0], size: [10, 10, 8], colour: GRANITE }];

function positionOf(site: GeoPoint, [east, north, up]: [number, number, number]): GeoPoint {
  const eastward = offset(site, 90, east);
  return offset(eastward, 0, north, (site.height ?? 0) + up);
}

function instanceOf(site: HeritageSite, part: Part): GeometryInstance {
  const id = `site:${site.id}`;
  const at = positionOf(site.position, part.at);
  if (part.shape === 'box') return box(id, at, part.facing ?? 90, part.size, Color.fromCssColorString(part.colour));
  const centre = Cartesian3.fromDegrees(at.lon, at.lat, (at.height ?? 0) + part.height / 2);
  return new GeometryInstance({
    id,
    geometry: new CylinderGeometry({
      length: part.height,
      topRadius: part.radius,
      bottomRadius: part.radius,
      slices: 16,
      vertexFormat: PerInstanceColorAppearance.VERTEX_FORMAT,
    }),
    modelMatrix: Transforms.eastNorthUpToFixedFrame(centre),
    attributes: { color: ColorGeometryInstanceAttribute.fromColor(Color.fromCssColorString(part.colour)) },
  });
}

/** Adds every site's reconstruction; returns them by site id, so "today" can hide a lost one. */
export function addHeritage(scene: Scene, sites: readonly HeritageSite[]): Map<string, Primitive> {
  const added = new Map<string, Primitive>();
  for (const site of sites) {
    const parts = recipes[site.id] ?? fallback;
    added.set(site.id, scene.primitives.add(solid(parts.map((part) => instanceOf(site, part)))) as Primitive);
  }
  return added;
}
