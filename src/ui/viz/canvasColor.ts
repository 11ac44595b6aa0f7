/**
 * Canvas strokes need real colours, but series colours may be CSS ("currentColor", "var(--pos)"): resolved against an
 * element's computed style, so they follow the theme like the SVG around them.
 */
export function resolveCssColor(color: string | undefined, style: CSSStyleDeclaration): string {
  if (color === undefined || color === 'currentColor') return style.color;
  const variable = /^var\(\s*(--[\w-]+)\s*\)$/.exec(color);
  if (variable) return style.getPropertyValue(variable[1] ?? '').trim() || style.color;
  return color;
}
