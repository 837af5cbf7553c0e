import 'cesium/Build/Cesium/Widgets/CesiumWidget/CesiumWidget.css';
import {
  Cartesian2,
  Cartesian3,
  Cartographic,
  CesiumWidget,
  Color,
  Credit,
  CreditDisplay,
  Math as CesiumMath,
  type Primitive,
  SceneTransforms,
  ScreenSpaceEventHandler,
  ScreenSpaceEventType,
} from 'cesium';
import type { CityPack, GeoPoint, LocalizedText } from '../../../api/src/city/city-pack.types';
import type { OfficialState } from '../../../api/src/city/official-view.types';
import type { LocalizedString } from '../i18n/localized';
import type { CameraView, Place } from '../pages/twin/places';
import { addCity, BUILDING_PICK_PREFIX } from './city-model';
import { addHeritage } from './heritage-models';
import { OfficialAvatars } from './official-avatars';
import type { LabelImageInfo, LabelLine } from './text-labels';
import { type DrawnVisitor, VisitorAvatars } from './visitor-avatars';

// Cesium finds its workers, textures and CSS images under this path: copied there by portal/scripts/cesium-assets.ts.
// Set here, in the lazily loaded chunk, and never by an inline script (the CSP allows none).
(globalThis as { CESIUM_BASE_URL?: string }).CESIUM_BASE_URL = '/cesium/';
// Cesium's default credit is ion's logo in markup with an inline style attribute, which the CSP refuses; we use no
// ion, so the credit names the library in plain text.
CreditDisplay.cesiumCredit = new Credit('CesiumJS', true);

/** What a click or tap on the scene hit: a point of interest, or a point on a building or the ground. */
export type TwinPick = { kind: 'place'; key: string } | { kind: 'point'; buildingId: string | null; point: GeoPoint };

export interface TwinOptions {
  city: CityPack;
  places: readonly Place[];
  text: (value: LocalizedText) => LocalizedString;
  /** Lines of an official's label: name and role. */
  officialLabel: (place: Place) => LabelLine[];
  /** Fraction of the canvas's CSS pixels rendered (tests use 0.5). */
  resolutionScale: number;
  initialView: CameraView;
}

const FLIGHT_SECONDS = 1.6;
const LOW_POWER_SCALE = 0.35;

/** The CesiumJS scene of the twin behind a small surface; the page never touches Cesium itself. */
export class TwinView {
  readonly canvas: HTMLCanvasElement;
  private readonly widget: CesiumWidget;
  private readonly avatars: OfficialAvatars;
  private readonly visitors: VisitorAvatars;
  /** Every label image drawn, for the tests. */
  private readonly labels: LabelImageInfo[] = [];
  private readonly heritage: Map<string, Primitive>;
  private readonly handler: ScreenSpaceEventHandler;
  private frames = 0;
  private firstFrame: Promise<number>;
  private fullScale: number;

  constructor(
    container: HTMLElement,
    private readonly options: TwinOptions,
  ) {
    const started = performance.now();
    this.widget = new CesiumWidget(container, {
      // No Cesium ion, no tiles from anywhere: the globe is one plain colour the project chooses.
      baseLayer: false,
      skyBox: false,
      skyAtmosphere: false,
      scene3DOnly: true,
      // Render only when something changed: an idle twin costs (near) nothing.
      requestRenderMode: true,
      maximumRenderTimeChange: Number.POSITIVE_INFINITY,
      msaaSamples: 1,
      // A click puts focus on the canvas (focusable, see twin-page.ts) rather than losing it to <body>.
      blurActiveElementOnCanvasFocus: false,
      showRenderLoopErrors: false,
    });
    this.canvas = this.widget.canvas;
    this.fullScale = options.resolutionScale;
    this.widget.resolutionScale = options.resolutionScale;
    const { scene } = this.widget;
    scene.backgroundColor = Color.fromCssColorString('#b9d3e8');
    scene.globe.baseColor = Color.fromCssColorString('#c9cfbf');
    scene.globe.showGroundAtmosphere = false;
    scene.fog.enabled = false;
    scene.highDynamicRange = false;
    scene.postRender.addEventListener(() => {
      this.frames += 1;
    });
    this.firstFrame = new Promise((resolve) => {
      const remove = scene.postRender.addEventListener(() => {
        remove();
        resolve(performance.now() - started);
      });
    });

    addCity(scene, options.city, options.places, options.text, this.labels);
    this.heritage = addHeritage(
      scene,
      options.city.tourismZones.flatMap((zone) => zone.sites),
    );
    this.avatars = new OfficialAvatars(scene);
    void this.avatars.add(
      options.places.filter((place) => place.kind === 'official'),
      options.officialLabel,
      this.labels,
    );
    this.visitors = new VisitorAvatars(scene);
    this.setView(options.initialView, 0);

    this.handler = new ScreenSpaceEventHandler(this.canvas);
  }

  /** Milliseconds from construction to the first rendered frame. */
  firstFrameMs(): Promise<number> {
    return this.firstFrame;
  }

  framesRendered(): number {
    return this.frames;
  }

  onPick(listener: (pick: TwinPick | null) => void): void {
    this.handler.setInputAction((event: ScreenSpaceEventHandler.PositionedEvent) => {
      listener(this.pick(event.position));
    }, ScreenSpaceEventType.LEFT_CLICK);
  }

  /** The camera to a place's view: a flight, or a cut when the person prefers reduced motion. */
  show(view: CameraView, reducedMotion: boolean): void {
    this.setView(view, reducedMotion ? 0 : FLIGHT_SECONDS);
  }

  select(key: string | null): void {
    this.avatars.select(key);
  }

  setOfficialState(key: string, state: OfficialState): void {
    this.avatars.setState(key, state);
  }

  /** The visitors present in the hall, you among them (see pages/twin/presence.ts). */
  showVisitors(visitors: readonly DrawnVisitor[]): void {
    this.visitors.show(visitors);
  }

  /** Which way the camera looks, degrees clockwise from north: the keys that walk you go that way. */
  headingDegrees(): number {
    return CesiumMath.toDegrees(this.widget.scene.camera.heading);
  }

  /** The visitors' figures now in the scene (you included), for the tests. */
  visitorsDrawn(): DrawnVisitor[] {
    return [...this.visitors.drawn];
  }

  labelImages(): LabelImageInfo[] {
    return [...this.labels];
  }

  /** Today's view of a lost site (its reconstruction hidden) or the reconstruction. */
  showReconstruction(siteId: string, shown: boolean): void {
    const primitive = this.heritage.get(siteId);
    if (!primitive) return;
    primitive.show = shown;
    this.widget.scene.requestRender();
  }

  /** Fewer pixels and no labels' far detail: for slow devices and batteries. */
  setLowPower(on: boolean): void {
    this.widget.resolutionScale = on ? Math.min(LOW_POWER_SCALE, this.fullScale) : this.fullScale;
    this.widget.scene.globe.maximumScreenSpaceError = on ? 8 : 2;
    this.widget.scene.requestRender();
  }

  /** Where a place appears on the canvas, in CSS pixels from its top left corner; null when off screen. */
  screenPositionOf(key: string): { x: number; y: number } | null {
    const place = this.options.places.find((candidate) => candidate.key === key);
    if (!place) return null;
    // An official's chest, above the desk in front of them.
    const lift = place.kind === 'official' ? 1.45 : 0.5;
    const world = Cartesian3.fromDegrees(place.position.lon, place.position.lat, (place.position.height ?? 0) + lift);
    const position = SceneTransforms.worldToWindowCoordinates(this.widget.scene, world);
    return position ? { x: position.x, y: position.y } : null;
  }

  /** How many different colours the next frame has (sampled on a 64 × 64 grid): a blank canvas has one. */
  distinctColours(): Promise<number> {
    const { scene } = this.widget;
    return new Promise((resolve) => {
      const remove = scene.postRender.addEventListener(() => {
        remove();
        // Read within the frame's own task, before the browser may clear the drawing buffer.
        const sample = document.createElement('canvas');
        sample.width = 64;
        sample.height = 64;
        const context = sample.getContext('2d', { willReadFrequently: true });
        if (!context) return resolve(0);
        context.drawImage(this.canvas, 0, 0, 64, 64);
        const { data } = context.getImageData(0, 0, 64, 64);
        const colours = new Set<number>();
        for (let index = 0; index < data.length; index += 4)
          colours.add(((data[index] ?? 0) << 16) | ((data[index + 1] ?? 0) << 8) | (data[index + 2] ?? 0));
        resolve(colours.size);
      });
      scene.requestRender();
    });
  }

  destroy(): void {
    this.handler.destroy();
    this.widget.destroy();
  }

  private setView(view: CameraView, duration: number): void {
    const destination = Cartesian3.fromDegrees(view.position.lon, view.position.lat, view.position.height ?? 0);
    const orientation = { heading: CesiumMath.toRadians(view.headingDegrees), pitch: CesiumMath.toRadians(view.pitchDegrees), roll: 0 };
    const { camera } = this.widget.scene;
    camera.cancelFlight();
    if (duration === 0) camera.setView({ destination, orientation });
    else camera.flyTo({ destination, orientation, duration });
    this.widget.scene.requestRender();
  }

  private pick(position: Cartesian2): TwinPick | null {
    const { scene } = this.widget;
    const picked: unknown = scene.pick(position);
    const id = typeof picked === 'object' && picked !== null ? (picked as { id?: unknown }).id : undefined;
    if (typeof id === 'string' && this.options.places.some((place) => place.key === id)) return { kind: 'place', key: id };
    const world = scene.pickPositionSupported ? scene.pickPosition(position) : undefined;
    const ground = world ?? scene.camera.pickEllipsoid(position);
    if (!ground) return null;
    const where = Cartographic.fromCartesian(ground);
    const buildingId = typeof id === 'string' && id.startsWith(BUILDING_PICK_PREFIX) ? id.slice(BUILDING_PICK_PREFIX.length) : null;
    return {
      kind: 'point',
      buildingId,
      point: { lat: CesiumMath.toDegrees(where.latitude), lon: CesiumMath.toDegrees(where.longitude), height: Math.max(where.height, 0) },
    };
  }
}
