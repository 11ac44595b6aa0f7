/**
 * Does this browser have a real graphics card for TensorFlow.js's WebGL backend? A software renderer (SwiftShader in
 * headless Chromium, llvmpipe in a Linux VM, Microsoft's Basic Render Driver) runs WebGL on the CPU, slower than
 * WebAssembly, so it counts as no GPU.
 */

export type GpuCheck = { ok: true; renderer: string } | { ok: false; reason: string };

/** Renderer names of WebGL implementations that run on the CPU. */
const SOFTWARE_RENDERER = /swiftshader|llvmpipe|softpipe|software|basic render|mesa offscreen/i;

/** The WEBGL_debug_renderer_info constant; older browsers hide the real name behind gl.RENDERER without it. */
const UNMASKED_RENDERER_WEBGL = 0x9246;

type GlContext = WebGLRenderingContext | WebGL2RenderingContext;

function createContext(): GlContext | null {
  // A worker has no document but has OffscreenCanvas; the main thread has both.
  if (typeof OffscreenCanvas !== 'undefined') {
    const canvas = new OffscreenCanvas(1, 1);
    return canvas.getContext('webgl2') ?? canvas.getContext('webgl');
  }
  if (typeof document !== 'undefined') {
    const canvas = document.createElement('canvas');
    return canvas.getContext('webgl2') ?? canvas.getContext('webgl');
  }
  return null;
}

/** Reads the WebGL renderer string and says whether it is a real GPU; never throws. */
export function checkGpu(): GpuCheck {
  let gl: GlContext | null;
  try {
    gl = createContext();
  } catch {
    gl = null;
  }
  if (gl === null) return { ok: false, reason: 'WebGL is not available here' };
  try {
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    const raw: unknown = gl.getParameter(info === null ? gl.RENDERER : UNMASKED_RENDERER_WEBGL);
    const renderer = typeof raw === 'string' && raw !== '' ? raw : 'an unnamed renderer';
    if (SOFTWARE_RENDERER.test(renderer)) {
      return { ok: false, reason: `WebGL runs in software here (${renderer}), which is slower than WebAssembly` };
    }
    return { ok: true, renderer };
  } finally {
    // Browsers allow only a few live WebGL contexts: give this one back at once.
    gl.getExtension('WEBGL_lose_context')?.loseContext();
  }
}
