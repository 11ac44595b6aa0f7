#!/usr/bin/env node
// The layerlab command. Runs the TypeScript CLI through tsx, so no build step is needed.
import { register } from 'tsx/esm/api';

// `layerlab train … | head` closes the pipe early: stop quietly, as Unix tools do.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
}

register();
const { main } = await import('../src/cli/main.ts');
const { processIO } = await import('../src/cli/io.ts');
process.exitCode = await main(process.argv.slice(2), processIO);
