/**
 * Training linear models over sparse features: multinomial logistic regression (softmax) for the
 * kind, binary logistic regression for each rule. AdaGrad SGD with L2, a seeded shuffle, so the
 * same data and settings always give the same weights.
 */
import type { FeatureVector } from "../core/learned/features";

export interface TrainingSettings {
  epochs: number;
  learningRate: number;
  l2: number;
  seed: number;
}

export interface TrainedLinear {
  classes: number;
  size: number;
  weights: Float64Array;
  bias: Float64Array;
}

/** mulberry32: a small seeded PRNG, so the shuffle is reproducible. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffled(n: number, random: () => number): number[] {
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order;
}

export interface Example {
  x: FeatureVector;
  /** Extra cue buckets that apply to this example only (weight 1). */
  extra?: readonly number[];
  /** How much this example counts in training (default 1). */
  weight?: number;
}

function rowScore(model: TrainedLinear, c: number, ex: Example): number {
  const row = c * model.size;
  let s = model.bias[c]!;
  const { index, value } = ex.x;
  for (let i = 0; i < index.length; i++) s += model.weights[row + index[i]!]! * value[i]!;
  for (const k of ex.extra ?? []) s += model.weights[row + k]!;
  return s;
}

/** Probabilities per class (softmax), or [p] of the positive class for a binary model. */
export function predict(model: TrainedLinear, ex: Example): number[] {
  if (model.classes === 1) return [1 / (1 + Math.exp(-rowScore(model, 0, ex)))];
  const s = Array.from({ length: model.classes }, (_, c) => rowScore(model, c, ex));
  const max = Math.max(...s);
  const e = s.map((v) => Math.exp(v - max));
  const sum = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / sum);
}

/**
 * Trains on examples with labels in [0, classes) (softmax), or 0/1 with `classes = 1` (binary).
 * `weightOf` lets rare classes count more.
 */
export function train(examples: readonly Example[], labels: readonly number[], classes: number, bits: number, settings: TrainingSettings, weightOf: (label: number) => number = () => 1): TrainedLinear {
  const size = 1 << bits;
  const model: TrainedLinear = { classes, size, weights: new Float64Array(classes * size), bias: new Float64Array(classes) };
  const squares = new Float64Array(classes * size);
  const biasSquares = new Float64Array(classes);
  const random = prng(settings.seed);
  const eps = 1e-8;
  for (let epoch = 0; epoch < settings.epochs; epoch++) {
    for (const n of shuffled(examples.length, random)) {
      const ex = examples[n]!;
      const label = labels[n]!;
      const p = predict(model, ex);
      const w = weightOf(label) * (ex.weight ?? 1);
      for (let c = 0; c < classes; c++) {
        const target = classes === 1 ? label : label === c ? 1 : 0;
        const err = (p[c]! - target) * w;
        if (err === 0) continue;
        const row = c * size;
        const update = (k: number, x: number) => {
          const at = row + k;
          const g = err * x + settings.l2 * model.weights[at]!;
          squares[at] = squares[at]! + g * g;
          model.weights[at] = model.weights[at]! - (settings.learningRate * g) / Math.sqrt(squares[at]! + eps);
        };
        const { index, value } = ex.x;
        for (let i = 0; i < index.length; i++) update(index[i]!, value[i]!);
        for (const k of ex.extra ?? []) update(k, 1);
        biasSquares[c] = biasSquares[c]! + err * err;
        model.bias[c] = model.bias[c]! - (settings.learningRate * err) / Math.sqrt(biasSquares[c]! + eps);
      }
    }
  }
  return model;
}

/**
 * Models side by side as one feature-major matrix (bucket × output), each output quantised to 16
 * bits with its own scale, base64-encoded: the layout the core reads (src/core/learned/model.ts).
 */
export function pack(models: readonly TrainedLinear[]): { bias: number[]; scales: number[]; weights: string } {
  const columns: Array<{ model: TrainedLinear; row: number }> = models.flatMap((model) => Array.from({ length: model.classes }, (_, row) => ({ model, row })));
  const size = models[0]!.size;
  const scales = columns.map(({ model, row }) => {
    let max = 0;
    for (let k = 0; k < size; k++) max = Math.max(max, Math.abs(model.weights[row * size + k]!));
    return max > 0 ? max / 32767 : 1;
  });
  const bytes = Buffer.alloc(size * columns.length * 2);
  for (let k = 0; k < size; k++) {
    columns.forEach(({ model, row }, o) => bytes.writeInt16LE(Math.round(model.weights[row * size + k]! / scales[o]!), 2 * (k * columns.length + o)));
  }
  return {
    bias: columns.map(({ model, row }) => Number(model.bias[row]!.toFixed(6))),
    scales,
    weights: bytes.toString("base64"),
  };
}
