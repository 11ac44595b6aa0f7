/** Keras names written in camelCase (GlorotUniform, hardSigmoid) as snake_case (glorot_uniform, hard_sigmoid). */

export function camelToSnake(text: string): string {
  return text.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
}
