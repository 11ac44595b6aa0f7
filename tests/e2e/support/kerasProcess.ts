// Real Keras for the browser tests: one Python process (the repository's .keras-venv) per test file, started as soon
// as the file asks for it, so that importing TensorFlow (about 5 s) overlaps the browser work, and then reused by
// every check in the file.
//
//   const keras = startKeras();                      // at the top of the test file
//   afterAll(() => keras.close());
//   const r = await keras.run<{ params: number }>('m = keras.models.load_model(path)\nresult = {"params": m.count_params()}', file);
//
// `code` runs with `keras`, `np` (numpy), `json` and `path` defined, and sets `result` (anything JSON can hold).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { KERAS_PYTHON } from '../../support/keras.ts';

const SERVER = `
import json, sys, traceback
import keras, numpy as np
for line in sys.stdin:
    request = json.loads(line)
    scope = {"keras": keras, "np": np, "json": json, "path": request["path"], "result": None}
    try:
        exec(request["code"], scope)
        reply = {"id": request["id"], "ok": True, "result": scope["result"]}
    except Exception:
        reply = {"id": request["id"], "ok": False, "error": traceback.format_exc()}
    print("@@reply " + json.dumps(reply), flush=True)
`;

export interface KerasProcess {
  /** Runs `code` on `path` in real Keras; resolves with what it put in `result`, rejects with Python's traceback. */
  run<T>(code: string, path: string, timeoutMs?: number): Promise<T>;
  close(): void;
}

export function startKeras(): KerasProcess {
  if (!existsSync(KERAS_PYTHON)) {
    const missing = new Error(`This test runs real Keras, and ${KERAS_PYTHON} is missing: create it with \`bash scripts/ensure-keras-venv.sh\`.`);
    return { run: () => Promise.reject(missing), close: () => undefined };
  }
  const child = spawn(KERAS_PYTHON, ['-c', SERVER], {
    env: { ...process.env, TF_CPP_MIN_LOG_LEVEL: '3', KERAS_BACKEND: 'tensorflow', PYTHONHASHSEED: '0', PYTHONUNBUFFERED: '1' },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  let stderr = '';
  let exited: string | null = null;
  child.stderr.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString('utf8')).slice(-4000);
  });
  child.stdin.on('error', () => undefined);
  const failAll = (why: string): void => {
    exited = why;
    for (const { reject } of pending.values()) reject(new Error(`${why}\n${stderr}`));
    pending.clear();
  };
  child.on('error', (error) => failAll(`Keras could not be started: ${error.message}`));
  child.on('close', (code, signal) => failAll(`Keras exited (${signal ?? `code ${String(code)}`})`));
  createInterface({ input: child.stdout }).on('line', (line) => {
    if (!line.startsWith('@@reply ')) return; // anything else Keras or TensorFlow print
    const reply = JSON.parse(line.slice('@@reply '.length)) as { id: number; ok: boolean; result?: unknown; error?: string };
    const waiter = pending.get(reply.id);
    pending.delete(reply.id);
    if (reply.ok) waiter?.resolve(reply.result);
    else waiter?.reject(new Error(`Keras raised:\n${reply.error ?? ''}`));
  });
  let nextId = 1;
  return {
    run<T>(code: string, path: string, timeoutMs = 60_000): Promise<T> {
      if (exited !== null) return Promise.reject(new Error(`${exited}\n${stderr}`));
      const id = nextId;
      nextId += 1;
      return new Promise<T>((resolve, reject) => {
        const timer = setTimeout(() => {
          pending.delete(id);
          reject(new Error(`Keras took more than ${timeoutMs} ms on ${path}\n${stderr}`));
        }, timeoutMs);
        pending.set(id, {
          resolve: (value) => {
            clearTimeout(timer);
            resolve(value as T);
          },
          reject: (error) => {
            clearTimeout(timer);
            reject(error);
          },
        });
        child.stdin.write(`${JSON.stringify({ id, code, path })}\n`);
      });
    },
    close() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    },
  };
}
