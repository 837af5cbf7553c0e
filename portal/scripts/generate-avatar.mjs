// Writes portal/public/twin/official-avatar.glb: the low-poly humanoid that stands for an official at a counter.
// Our own model, made of boxes, so the twin ships no third-party art. glTF 2.0, y up, metres, feet at the origin,
// facing +z. White, so that the twin tints it by the official's state (Model.color). Run: node portal/scripts/generate-avatar.mjs
import { writeFileSync } from 'node:fs';

/** [centreX, centreY, centreZ, width, height, depth] of each part, in metres. */
const parts = [
  [-0.11, 0.42, 0, 0.16, 0.84, 0.18], // left leg
  [0.11, 0.42, 0, 0.16, 0.84, 0.18], // right leg
  [0, 1.13, 0, 0.46, 0.62, 0.24], // torso
  [-0.3, 1.1, 0, 0.12, 0.62, 0.14], // left arm
  [0.3, 1.1, 0, 0.12, 0.62, 0.14], // right arm
  [0, 1.52, 0, 0.12, 0.12, 0.12], // neck
  [0, 1.68, 0.01, 0.24, 0.26, 0.26], // head
  [0, 1.66, 0.15, 0.16, 0.06, 0.04], // visor: shows which way the avatar faces
];

/** The six faces of a box: outward normal and the two axes spanning the face. */
const faces = [
  [
    [1, 0, 0],
    [0, 1, 0],
    [0, 0, 1],
  ],
  [
    [-1, 0, 0],
    [0, 0, 1],
    [0, 1, 0],
  ],
  [
    [0, 1, 0],
    [0, 0, 1],
    [1, 0, 0],
  ],
  [
    [0, -1, 0],
    [1, 0, 0],
    [0, 0, 1],
  ],
  [
    [0, 0, 1],
    [1, 0, 0],
    [0, 1, 0],
  ],
  [
    [0, 0, -1],
    [0, 1, 0],
    [1, 0, 0],
  ],
];

const positions = [];
const normals = [];
const indices = [];
for (const [cx, cy, cz, w, hgt, d] of parts) {
  const half = [w / 2, hgt / 2, d / 2];
  for (const [normal, u, v] of faces) {
    const base = positions.length / 3;
    for (const [su, sv] of [
      [-1, -1],
      [1, -1],
      [1, 1],
      [-1, 1],
    ]) {
      const corner = [0, 1, 2].map((axis) => (normal[axis] + su * u[axis] + sv * v[axis]) * half[axis]);
      positions.push(cx + corner[0], cy + corner[1], cz + corner[2]);
      normals.push(...normal);
    }
    indices.push(base, base + 1, base + 2, base, base + 2, base + 3);
  }
}

const positionBytes = Buffer.from(new Float32Array(positions).buffer);
const normalBytes = Buffer.from(new Float32Array(normals).buffer);
const indexBytes = Buffer.from(new Uint16Array(indices).buffer);
const pad = (buffer, fill) => Buffer.concat([buffer, Buffer.alloc((4 - (buffer.length % 4)) % 4, fill)]);
const binary = pad(Buffer.concat([positionBytes, normalBytes, indexBytes]), 0);

const min = [0, 1, 2].map((axis) => Math.min(...positions.filter((_, i) => i % 3 === axis)));
const max = [0, 1, 2].map((axis) => Math.max(...positions.filter((_, i) => i % 3 === axis)));
const gltf = {
  asset: { version: '2.0', generator: 'civicverse portal/scripts/generate-avatar.mjs' },
  scene: 0,
  scenes: [{ nodes: [0] }],
  nodes: [{ mesh: 0, name: 'official' }],
  meshes: [{ primitives: [{ attributes: { POSITION: 0, NORMAL: 1 }, indices: 2, material: 0 }] }],
  materials: [{ name: 'body', pbrMetallicRoughness: { baseColorFactor: [1, 1, 1, 1], metallicFactor: 0, roughnessFactor: 0.9 } }],
  accessors: [
    { bufferView: 0, componentType: 5126, count: positions.length / 3, type: 'VEC3', min, max },
    { bufferView: 1, componentType: 5126, count: normals.length / 3, type: 'VEC3' },
    { bufferView: 2, componentType: 5123, count: indices.length, type: 'SCALAR' },
  ],
  bufferViews: [
    { buffer: 0, byteOffset: 0, byteLength: positionBytes.length, target: 34962 },
    { buffer: 0, byteOffset: positionBytes.length, byteLength: normalBytes.length, target: 34962 },
    { buffer: 0, byteOffset: positionBytes.length + normalBytes.length, byteLength: indexBytes.length, target: 34963 },
  ],
  buffers: [{ byteLength: binary.length }],
};
const json = pad(Buffer.from(JSON.stringify(gltf)), 0x20);
const chunk = (type, data) => {
  const header = Buffer.alloc(8);
  header.writeUInt32LE(data.length, 0);
  header.write(type, 4, 'ascii');
  return Buffer.concat([header, data]);
};
const body = Buffer.concat([chunk('JSON', json), chunk('BIN\0', binary)]);
const header = Buffer.alloc(12);
header.write('glTF', 0, 'ascii');
header.writeUInt32LE(2, 4);
header.writeUInt32LE(12 + body.length, 8);
const target = new URL('../public/twin/official-avatar.glb', import.meta.url);
writeFileSync(target, Buffer.concat([header, body]));
process.stdout.write(`wrote ${target.pathname} (${12 + body.length} bytes, ${indices.length / 3} triangles)\n`);
