/**
 * The network diagram (networkDiagramSvg) as a PNG, for slides: the SVG drawn into a canvas at `scale` times its size
 * (2 by default, sharp on high-density screens and projectors). Browser only (Image, canvas, object URLs).
 */

/** The largest canvas side browsers reliably allow; bigger diagrams are drawn at a smaller scale. */
const MAX_CANVAS_SIDE = 16_384;

function svgSize(svg: string): { width: number; height: number } | null {
  const open = /<svg\b[^>]*>/.exec(svg)?.[0] ?? '';
  const width = Number(/\swidth="([\d.]+)"/.exec(open)?.[1]);
  const height = Number(/\sheight="([\d.]+)"/.exec(open)?.[1]);
  return width > 0 && height > 0 ? { width, height } : null;
}

function loadImage(url: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const image = new Image();
    image.onload = () => resolve(image);
    image.onerror = () => reject(new Error('The diagram could not be drawn as an image.'));
    image.src = url;
  });
}

export async function svgToPng(svg: string, scale = 2): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const image = await loadImage(url);
    const size = svgSize(svg) ?? { width: image.naturalWidth, height: image.naturalHeight };
    if (!(size.width > 0 && size.height > 0)) throw new Error('The diagram has no size to draw.');
    const factor = Math.min(scale, MAX_CANVAS_SIDE / size.width, MAX_CANVAS_SIDE / size.height);
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.round(size.width * factor));
    canvas.height = Math.max(1, Math.round(size.height * factor));
    const context = canvas.getContext('2d');
    if (context === null) throw new Error('This browser cannot draw the diagram as an image.');
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) => {
      canvas.toBlob((blob) => (blob === null ? reject(new Error('The diagram could not be saved as a PNG.')) : resolve(blob)), 'image/png');
    });
  } finally {
    URL.revokeObjectURL(url);
  }
}
