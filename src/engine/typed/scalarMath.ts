/**
 * Scalar functions the activations need, accurate well beyond float32 (the precision the weights are stored in).
 *
 * tanh has its own rational approximation because V8's Math.tanh costs about 4× Math.exp, and tanh is the hidden
 * activation of most classroom networks: a 100×100 decision-boundary grid through a 2-8-8-1 tanh net evaluates it
 * 160,000 times per frame. erf is fdlibm's (s_erf.c), which JavaScript lacks.
 */

// tanh(x) ≈ x · P(x²) / Q(x²) on [-10, 10], a least-squares fit weighted to minimise the largest relative error
// (found with numpy; all coefficients positive, so Q ≥ 1). Largest relative error against Math.tanh: 1.3e-10 inside
// [-10, 10], 4.1e-9 beyond, where tanh is ±1 to within 4.1e-9 (float32 resolves 6e-8 near 1).
const TANH_P0 = 0.999999999867838;
const TANH_P1 = 0.14062565623712417;
const TANH_P2 = 0.00437721649635519;
const TANH_P3 = 4.102710484989183e-5;
const TANH_P4 = 1.0413876712285163e-7;
const TANH_P5 = 3.247975136497227e-11;
const TANH_Q1 = 0.47395898821403987;
const TANH_Q2 = 0.029030214876227187;
const TANH_Q3 = 0.0004914858508358467;
const TANH_Q4 = 2.4888421624187227e-6;
const TANH_Q5 = 2.69369863797637e-9;
const TANH_CLAMP = 10;

/** tanh(x) to a relative error below 5e-9 (NaN stays NaN, ±Infinity gives ±1). */
export function fastTanh(x: number): number {
  if (x > TANH_CLAMP) return 1;
  if (x < -TANH_CLAMP) return -1;
  const s = x * x;
  const p = TANH_P0 + s * (TANH_P1 + s * (TANH_P2 + s * (TANH_P3 + s * (TANH_P4 + s * TANH_P5))));
  const q = 1 + s * (TANH_Q1 + s * (TANH_Q2 + s * (TANH_Q3 + s * (TANH_Q4 + s * TANH_Q5))));
  return (x * p) / q;
}

export function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

/** log(1 + e^x) without overflow for large x and without losing small values for very negative x. */
export function softplus(x: number): number {
  return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
}

// fdlibm s_erf.c coefficients (Sun Microsystems, 1993), as in every libm since.
const ERX = 8.45062911510467529297e-1;
const EFX = 1.28379167095512586316e-1;
const PP0 = 1.28379167095512558561e-1;
const PP1 = -3.25042107247001499370e-1;
const PP2 = -2.84817495755985104766e-2;
const PP3 = -5.77027029648944159157e-3;
const PP4 = -2.37630166566501626084e-5;
const QQ1 = 3.97917223959155352819e-1;
const QQ2 = 6.50222499887672944485e-2;
const QQ3 = 5.08130628187576562776e-3;
const QQ4 = 1.32494738004321644526e-4;
const QQ5 = -3.96022827877536812320e-6;
const PA0 = -2.36211856075265944077e-3;
const PA1 = 4.14856118683748331666e-1;
const PA2 = -3.72207876035701323847e-1;
const PA3 = 3.18346619901161753674e-1;
const PA4 = -1.10894694282396677476e-1;
const PA5 = 3.54783043256182359371e-2;
const PA6 = -2.16637559486879084300e-3;
const QA1 = 1.06420880400844228286e-1;
const QA2 = 5.40397917702171048937e-1;
const QA3 = 7.18286544141962662868e-2;
const QA4 = 1.26171219808761642112e-1;
const QA5 = 1.36370839120290507362e-2;
const QA6 = 1.19844998467991074170e-2;
const RA0 = -9.86494403484714822705e-3;
const RA1 = -6.93858572707181764372e-1;
const RA2 = -1.05586262253232909814e1;
const RA3 = -6.23753324503260060396e1;
const RA4 = -1.62396669462573470355e2;
const RA5 = -1.84605092906711035994e2;
const RA6 = -8.12874355063065934246e1;
const RA7 = -9.81432934416914548592;
const SA1 = 1.96512716674392571292e1;
const SA2 = 1.37657754143519042600e2;
const SA3 = 4.34565877475229228821e2;
const SA4 = 6.45387271733267880336e2;
const SA5 = 4.29008140027567833386e2;
const SA6 = 1.08635005541779435134e2;
const SA7 = 6.57024977031928170135;
const SA8 = -6.04244152148580987438e-2;
const RB0 = -9.86494292470009928597e-3;
const RB1 = -7.99283237680523006574e-1;
const RB2 = -1.77579549177547519889e1;
const RB3 = -1.60636384855821916062e2;
const RB4 = -6.37566443368389627722e2;
const RB5 = -1.02509513161107724954e3;
const RB6 = -4.83519191608651397019e2;
const SB1 = 3.03380607434824582924e1;
const SB2 = 3.25792512996573918826e2;
const SB3 = 1.53672958608443695994e3;
const SB4 = 3.19985821950859553908e3;
const SB5 = 2.55305040643316442583e3;
const SB6 = 4.74528541206955367215e2;
const SB7 = -2.24409524465858183362e1;

/** The error function to double precision (fdlibm's algorithm). */
export function erf(x: number): number {
  if (Number.isNaN(x)) return x;
  const sign = x < 0 ? -1 : 1;
  const a = Math.abs(x);
  if (a < 0.84375) {
    if (a < 2 ** -28) return x + EFX * x;
    const z = x * x;
    const r = PP0 + z * (PP1 + z * (PP2 + z * (PP3 + z * PP4)));
    const s = 1 + z * (QQ1 + z * (QQ2 + z * (QQ3 + z * (QQ4 + z * QQ5))));
    return x + x * (r / s);
  }
  if (a < 1.25) {
    const s = a - 1;
    const p = PA0 + s * (PA1 + s * (PA2 + s * (PA3 + s * (PA4 + s * (PA5 + s * PA6)))));
    const q = 1 + s * (QA1 + s * (QA2 + s * (QA3 + s * (QA4 + s * (QA5 + s * QA6)))));
    return sign * (ERX + p / q);
  }
  if (a >= 6) return sign;
  const s = 1 / (a * a);
  let r: number;
  let q: number;
  if (a < 1 / 0.35) {
    r = RA0 + s * (RA1 + s * (RA2 + s * (RA3 + s * (RA4 + s * (RA5 + s * (RA6 + s * RA7))))));
    q = 1 + s * (SA1 + s * (SA2 + s * (SA3 + s * (SA4 + s * (SA5 + s * (SA6 + s * (SA7 + s * SA8)))))));
  } else {
    r = RB0 + s * (RB1 + s * (RB2 + s * (RB3 + s * (RB4 + s * (RB5 + s * RB6)))));
    q = 1 + s * (SB1 + s * (SB2 + s * (SB3 + s * (SB4 + s * (SB5 + s * (SB6 + s * SB7))))));
  }
  // fdlibm splits a so that z·z is exact (it clears the low 32 bits); a float32 rounding has 24 bits and does the same.
  const z = Math.fround(a);
  const e = Math.exp(-z * z - 0.5625) * Math.exp((z - a) * (z + a) + r / q);
  return sign * (1 - e / a);
}

const INV_SQRT2 = Math.SQRT1_2;
const INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);

/** Φ(x), the standard normal CDF, which exact GELU multiplies x by. */
export function normalCdf(x: number): number {
  return 0.5 * (1 + erf(x * INV_SQRT2));
}

/** φ(x), the standard normal density (GELU's derivative is Φ(x) + x φ(x)). */
export function normalPdf(x: number): number {
  return INV_SQRT_2PI * Math.exp(-0.5 * x * x);
}
