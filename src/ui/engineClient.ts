/** The app's one engine worker client, created on first use (and with it the worker and TensorFlow.js). */
import { createEngineClient } from '../worker/client.ts';
import type { EngineClient } from '../worker/client.ts';

let client: EngineClient | null = null;

export function engineClient(): EngineClient {
  client ??= createEngineClient();
  return client;
}
