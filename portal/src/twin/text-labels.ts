import { BillboardCollection, Cartesian2, Cartesian3, DistanceDisplayCondition, VerticalOrigin } from 'cesium';
import type { GeoPoint } from '../../../api/src/city/city-pack.types';
import { directionOf } from '../i18n/language-tags';

/**
 * Labels in the 3D view as billboards of canvas images. Cesium's LabelCollection lays text out glyph by glyph, which
 * breaks Arabic joining and right-to-left order (and Korean syllable blocks in some fonts); the browser's own
 * `fillText`, with `direction` set from the text's language, shapes the whole string as the page would.
 */

/** One line of a label and the language it is written in (city data may fall back to English). */
export interface LabelLine {
  text: string;
  lang: string;
}

export interface LabelText {
  key: string;
  position: GeoPoint;
  lines: LabelLine[];
  /** Metres above the position. */
  raise: number;
  /** Farthest camera distance at which the label is drawn (metres). */
  within: number;
}

/** What a drawn label image is, for the tests (`window.__twin.labelImages`). */
export interface LabelImageInfo {
  key: string;
  text: string;
  direction: 'ltr' | 'rtl';
  width: number;
  height: number;
}

const FONT_PX = 15;
const LINE_PX = 19;
const OUTLINE_PX = 4;
/** Drawn at twice the size and shown at half: sharp on high-density screens. */
const DENSITY = 2;

/** Images by their lines: the same text is drawn once per page, however many times it appears. */
const images = new Map<string, HTMLCanvasElement>();

function fontOf(): string {
  return `600 ${FONT_PX * DENSITY}px system-ui, "Noto Sans Arabic", "Noto Sans KR", sans-serif`;
}

export function labelImage(lines: readonly LabelLine[]): HTMLCanvasElement {
  const id = JSON.stringify(lines);
  const cached = images.get(id);
  if (cached) return cached;
  const canvas = document.createElement('canvas');
  const measure = canvas.getContext('2d');
  if (!measure) return canvas;
  measure.font = fontOf();
  const widths = lines.map((line) => {
    measure.direction = directionOf(line.lang);
    return measure.measureText(line.text).width;
  });
  const pad = OUTLINE_PX * DENSITY;
  canvas.width = Math.ceil(Math.max(1, ...widths) + pad * 2);
  canvas.height = Math.ceil(lines.length * LINE_PX * DENSITY + pad);
  // Resizing a canvas resets its state: the font and alignment are set again for drawing.
  const draw = canvas.getContext('2d');
  if (!draw) return canvas;
  draw.font = fontOf();
  draw.textAlign = 'center';
  draw.textBaseline = 'middle';
  draw.lineJoin = 'round';
  draw.lineWidth = OUTLINE_PX * DENSITY;
  draw.strokeStyle = '#1b1f24';
  draw.fillStyle = '#ffffff';
  lines.forEach((line, index) => {
    draw.direction = directionOf(line.lang);
    const y = pad / 2 + (index + 0.5) * LINE_PX * DENSITY;
    draw.strokeText(line.text, canvas.width / 2, y);
    draw.fillText(line.text, canvas.width / 2, y);
  });
  canvas.dataset.text = lines.map((line) => line.text).join('\n');
  canvas.dataset.direction = directionOf(lines[0]?.lang ?? 'en');
  images.set(id, canvas);
  return canvas;
}

/** Billboards for the labels; `drawn` collects what each shows, for the tests. */
export function labelsOf(texts: readonly LabelText[], drawn?: LabelImageInfo[]): BillboardCollection {
  const billboards = new BillboardCollection();
  for (const text of texts) {
    const lines = text.lines.filter((line) => line.text.length > 0);
    if (lines.length === 0) continue;
    const image = labelImage(lines);
    billboards.add({
      id: text.key,
      position: Cartesian3.fromDegrees(text.position.lon, text.position.lat, (text.position.height ?? 0) + text.raise),
      image,
      scale: 1 / DENSITY,
      verticalOrigin: VerticalOrigin.BOTTOM,
      pixelOffset: new Cartesian2(0, -4),
      distanceDisplayCondition: new DistanceDisplayCondition(0, text.within),
      disableDepthTestDistance: Number.POSITIVE_INFINITY,
    });
    drawn?.push({
      key: text.key,
      text: image.dataset.text ?? '',
      direction: image.dataset.direction === 'rtl' ? 'rtl' : 'ltr',
      width: image.width,
      height: image.height,
    });
  }
  return billboards;
}
