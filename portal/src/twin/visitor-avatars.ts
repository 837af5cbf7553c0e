import {
  BillboardCollection,
  Cartesian3,
  Color,
  ColorBlendMode,
  HeadingPitchRoll,
  Math as CesiumMath,
  Matrix4,
  Model,
  type Scene,
  Transforms,
} from 'cesium';
import { AVATAR_URL } from './official-avatars';
import { type LabelLine, labelsOf } from './text-labels';

/** A visitor as the 3D view draws them: where (already kept out of your bubble by the page) and their label. */
export interface DrawnVisitor {
  visitorId: string;
  label: LabelLine;
  lat: number;
  lon: number;
  headingDegrees: number;
  /** You: the same figure, outlined. */
  own: boolean;
}

/** One colour for every visitor: uniform and anonymous, and unlike any official's state colour. */
const VISITOR = Color.fromCssColorString('#4f7cac');
const OWN_OUTLINE = Color.WHITE;
/** The hall's floor is this high (see city-model.ts). */
const FLOOR_METRES = 0.3;

function placement(visitor: DrawnVisitor): Matrix4 {
  return Transforms.headingPitchRollToFixedFrame(
    Cartesian3.fromDegrees(visitor.lon, visitor.lat, FLOOR_METRES),
    // As the officials' avatars: the model faces its +x, east at heading 0.
    new HeadingPitchRoll(CesiumMath.toRadians(visitor.headingDegrees - 90), 0, 0),
  );
}

/** The other visitors in the hall (and you), as the officials' figure in a neutral colour, labelled "Visitor N". */
export class VisitorAvatars {
  private readonly models = new Map<string, Promise<Model>>();
  private labels: BillboardCollection | null = null;
  /** What was last asked to be drawn, for the tests. */
  drawn: readonly DrawnVisitor[] = [];

  constructor(private readonly scene: Scene) {}

  show(visitors: readonly DrawnVisitor[]): void {
    this.drawn = visitors;
    const wanted = new Map(visitors.map((visitor) => [visitor.visitorId, visitor]));
    for (const [visitorId, loading] of this.models) {
      if (wanted.has(visitorId)) continue;
      this.models.delete(visitorId);
      void loading.then((model) => this.scene.primitives.remove(model));
    }
    for (const visitor of visitors) {
      const loading = this.models.get(visitor.visitorId) ?? this.load(visitor);
      this.models.set(visitor.visitorId, loading);
      void loading.then((model) => {
        if (this.models.get(visitor.visitorId) !== loading) return;
        model.modelMatrix = placement(visitor);
        model.silhouetteColor = OWN_OUTLINE;
        model.silhouetteSize = visitor.own ? 2 : 0;
        this.scene.requestRender();
      });
    }
    if (this.labels) this.scene.primitives.remove(this.labels);
    this.labels = this.scene.primitives.add(
      labelsOf(
        visitors.map((visitor) => ({
          key: `visitor:${visitor.visitorId}`,
          position: { lat: visitor.lat, lon: visitor.lon, height: FLOOR_METRES },
          lines: [visitor.label],
          raise: 2,
          within: 45,
        })),
      ),
    ) as BillboardCollection;
    this.scene.requestRender();
  }

  private async load(visitor: DrawnVisitor): Promise<Model> {
    const model = await Model.fromGltfAsync({
      url: AVATAR_URL,
      id: `visitor:${visitor.visitorId}`,
      modelMatrix: placement(visitor),
      color: VISITOR,
      colorBlendMode: ColorBlendMode.MIX,
      colorBlendAmount: 0.9,
      minimumPixelSize: 24,
      maximumScale: 40,
    });
    // Removed while it loaded: never shown.
    if (!this.models.has(visitor.visitorId)) {
      model.destroy();
      return model;
    }
    return this.scene.primitives.add(model) as Model;
  }
}
