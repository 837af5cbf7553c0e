import { Cartesian3, Color, ColorBlendMode, HeadingPitchRoll, Math as CesiumMath, Model, type Scene, Transforms } from 'cesium';
import type { OfficialState } from '../../../api/src/city/official-view.types';
import type { Place } from '../pages/twin/places';
import { type LabelImageInfo, type LabelLine, labelsOf } from './text-labels';

/** Made by portal/scripts/generate-avatar.mjs; served from portal/public. */
export const AVATAR_URL = '/twin/official-avatar.glb';

/** Colours of the states, also used (with a word, never colour alone) by the text twin's legend. */
const stateColours: Record<OfficialState, Color> = {
  available: Color.fromCssColorString('#1f8a4c'),
  serving: Color.fromCssColorString('#d08a00'),
  away: Color.fromCssColorString('#7a7f87'),
};

const SELECTED = Color.fromCssColorString('#ffd400');

/** The officials' avatars at their counters, each tinted by its official's live state, with name and role above. */
export class OfficialAvatars {
  private readonly models = new Map<string, Model>();

  constructor(private readonly scene: Scene) {}

  async add(officials: readonly Place[], label: (place: Place) => LabelLine[], drawn: LabelImageInfo[]): Promise<void> {
    this.scene.primitives.add(
      labelsOf(
        officials.map((place) => ({ key: place.key, position: place.position, lines: label(place), raise: 2.1, within: 45 })),
        drawn,
      ),
    );
    await Promise.all(
      officials.map(async (place) => {
        const model = await Model.fromGltfAsync({
          url: AVATAR_URL,
          id: place.key,
          modelMatrix: Transforms.headingPitchRollToFixedFrame(
            Cartesian3.fromDegrees(place.position.lon, place.position.lat, 0.3),
            // The model faces its +x after Cesium's glTF axis correction: heading 0 faces east.
            new HeadingPitchRoll(CesiumMath.toRadians((place.facingDegrees ?? 0) - 90), 0, 0),
          ),
          color: stateColours.away,
          colorBlendMode: ColorBlendMode.MIX,
          colorBlendAmount: 0.9,
          // Still a visible figure from the overview, never a giant up close.
          minimumPixelSize: 24,
          maximumScale: 40,
        });
        this.models.set(place.key, this.scene.primitives.add(model) as Model);
      }),
    );
    this.scene.requestRender();
  }

  setState(key: string, state: OfficialState): void {
    const model = this.models.get(key);
    if (!model) return;
    model.color = stateColours[state];
    this.scene.requestRender();
  }

  select(key: string | null): void {
    for (const [modelKey, model] of this.models) {
      model.silhouetteColor = SELECTED;
      model.silhouetteSize = modelKey === key ? 3 : 0;
    }
    this.scene.requestRender();
  }
}
