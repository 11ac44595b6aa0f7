/**
 * Server-renders a React element once everything lazy inside it has loaded (react-dom/static waits for every
 * Suspense boundary, where renderToStaticMarkup would print the fallback): the markup a student sees after the
 * lazily loaded parts (the live card views, the neuron inspector) arrive.
 */
import type { ReactElement } from 'react';
import { prerenderToNodeStream } from 'react-dom/static';

export async function renderSettled(element: ReactElement): Promise<string> {
  const { prelude } = await prerenderToNodeStream(element);
  const chunks: Buffer[] = [];
  for await (const chunk of prelude) chunks.push(Buffer.from(chunk as Uint8Array));
  // The streaming renderer marks Suspense boundaries with comments; the static renderer prints none.
  return Buffer.concat(chunks).toString('utf8').replace(/<!--[^>]*-->/g, '');
}
