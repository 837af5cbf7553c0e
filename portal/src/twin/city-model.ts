import {
  BoxGeometry,
  Cartesian3,
  Color,
  ColorGeometryInstanceAttribute,
  GeometryInstance,
  HeadingPitchRoll,
  Math as CesiumMath,
  PerInstanceColorAppearance,
  PolygonGeometry,
  PolygonHierarchy,
  Primitive,
  type Scene,
  Transforms,
} from 'cesium';
import type { CityPack, Footprint, GeoPoint, LocalizedText } from '../../../api/src/city/city-pack.types';
import type { LocalizedString } from '../i18n/localized';
import type { Place } from '../pages/twin/places';
import { centreOf } from '../pages/twin/places';
import { type LabelImageInfo, labelsOf } from './text-labels';

/** The id a picked building's geometry carries: `building:<pack id>`. */
export const BUILDING_PICK_PREFIX = 'building:';

function hierarchyOf(footprint: Footprint): PolygonHierarchy {
  return new PolygonHierarchy(Cartesian3.fromDegreesArray(footprint.flatMap((point) => [point.lon, point.lat])));
}

function extruded(id: string, footprint: Footprint, from: number, to: number, colour: Color, closeBottom = true): GeometryInstance {
  return new GeometryInstance({
    id,
    geometry: new PolygonGeometry({
      polygonHierarchy: hierarchyOf(footprint),
      height: from,
      extrudedHeight: to,
      closeBottom,
      vertexFormat: PerInstanceColorAppearance.VERTEX_FORMAT,
    }),
    attributes: { color: ColorGeometryInstanceAttribute.fromColor(colour) },
  });
}

/** A box of `size` metres (east, north, up) standing on `at`, turned to face `facingDegrees`. */
export function box(id: string, at: GeoPoint, facingDegrees: number, size: [number, number, number], colour: Color): GeometryInstance {
  const base = Cartesian3.fromDegrees(at.lon, at.lat, (at.height ?? 0) + size[2] / 2);
  return new GeometryInstance({
    id,
    geometry: BoxGeometry.fromDimensions({ dimensions: new Cartesian3(...size), vertexFormat: PerInstanceColorAppearance.VERTEX_FORMAT }),
    // Cesium's heading turns a model's +x (east at 0) clockwise: a box faces its +x along the bearing.
    modelMatrix: Transforms.headingPitchRollToFixedFrame(base, new HeadingPitchRoll(CesiumMath.toRadians(facingDegrees - 90), 0, 0)),
    attributes: { color: ColorGeometryInstanceAttribute.fromColor(colour) },
  });
}

export function solid(instances: GeometryInstance[], options: { pickable?: boolean; translucent?: boolean } = {}): Primitive {
  return new Primitive({
    geometryInstances: instances,
    appearance: new PerInstanceColorAppearance({ translucent: options.translucent ?? false, closed: true }),
    allowPicking: options.pickable ?? true,
    // Geometry is built in Cesium's web workers (served from /cesium/Workers, see docs/twin.md).
    asynchronous: true,
  });
}

const HALL_FLOOR = Color.fromCssColorString('#d9d4c7');
const HALL_WALLS = Color.fromCssColorString('#9fb7c9').withAlpha(0.28);
const DESK = Color.fromCssColorString('#6b4f3a');

/**
 * The blocks around the city hall as extruded footprints in their pack colours, the hall as a glass shell over a
 * floor you can look into (the shell is not pickable, so clicks reach the officials inside), and one desk per counter.
 */
export function addCity(
  scene: Scene,
  city: CityPack,
  places: readonly Place[],
  text: (value: LocalizedText) => LocalizedString,
  drawn: LabelImageInfo[],
): void {
  scene.primitives.add(
    solid(
      city.buildings.map((building) =>
        extruded(
          `${BUILDING_PICK_PREFIX}${building.id}`,
          building.footprint,
          0,
          building.heightMetres,
          Color.fromCssColorString(building.colour),
        ),
      ),
    ),
  );
  const hall = city.cityHall;
  scene.primitives.add(solid([extruded(`hall-floor:${hall.id}`, hall.footprint, 0, 0.3, HALL_FLOOR)]));
  scene.primitives.add(
    solid([extruded(`hall:${hall.id}`, hall.footprint, 0.3, hall.heightMetres, HALL_WALLS, false)], { pickable: false, translucent: true }),
  );
  scene.primitives.add(
    solid(
      hall.counters.map((counter) =>
        box(`counter:${counter.id}`, { ...counter.position, height: 0.3 }, counter.headingDegrees, [0.8, 2.6, 1.1], DESK),
      ),
    ),
  );

  const labelled = places.filter((place) => place.kind === 'landmark' || place.kind === 'counter' || place.kind === 'site');
  scene.primitives.add(
    labelsOf(
      [
        {
          key: `hall:${hall.id}`,
          position: { ...centreOf(hall.footprint), height: hall.heightMetres },
          lines: [text(hall.name)],
          raise: 4,
          within: 3000,
        },
        ...labelled.map((place) => ({
          key: place.key,
          position: place.position,
          lines: [text(place.name)],
          // Above the officials' own labels (name and role) at the counter.
          raise: place.kind === 'counter' ? 4.2 : 6,
          within: place.kind === 'counter' ? 60 : 3000,
        })),
      ],
      drawn,
    ),
  );
}
