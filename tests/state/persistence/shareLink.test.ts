import { zlibSync } from 'fflate';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LayerLabProject } from '../../../src/core/project/index.ts';
import { serializeProject } from '../../../src/core/project/index.ts';
import type { ShareDecodeResult } from '../../../src/state/persistence/shareLink.ts';
import {
  SHARE_LIMITS,
  decodeShareFragment,
  encodeShareFragment,
  shareUrl,
} from '../../../src/state/persistence/shareLink.ts';
import {
  XOR_TEXT,
  base64url,
  refusal,
  trainedMnistSized,
  trainedXor,
  weightCount,
  xorProject,
  zeroBomb,
} from './helpers.ts';

const UNTOUCHED = 'Your current work was left untouched.';

function encode(project: LayerLabProject, options = {}): { fragment: string; withWeights: boolean; length: number; note?: string } {
  const result = encodeShareFragment(project, options);
  if (!result.ok) throw new Error(result.problem.message);
  return result;
}

function opened(result: ShareDecodeResult): LayerLabProject {
  if (!result.ok) throw new Error(result.problem.message);
  if (result.none) throw new Error('no project in the link');
  return result.project;
}

function refused(hash: string): string {
  const result = decodeShareFragment(hash);
  if (result.ok) throw new Error(`expected a refusal, got ${result.none ? 'none' : 'a project'}`);
  const message = refusal(result.problem, 'share-link');
  expect(message.endsWith(UNTOUCHED)).toBe(true);
  return message;
}

/** A link in format 1 around any bytes of "project text". */
const linkOf = (text: string | Uint8Array): string =>
  `#p=1.${base64url(zlibSync(typeof text === 'string' ? new TextEncoder().encode(text) : text, { level: 9 }))}`;

describe('encodeShareFragment / decodeShareFragment round trips', () => {
  it('opens examples/xor.layerlab.json (no weights) exactly as it was saved', () => {
    const project = xorProject();
    const link = encode(project);
    expect(link.fragment).toMatch(/^#p=1\.[A-Za-z0-9_-]+$/);
    expect(link).toMatchObject({ withWeights: false, length: link.fragment.length });
    expect(link.note).toBeUndefined();
    expect(serializeProject(opened(decodeShareFragment(link.fragment)))).toBe(serializeProject(project));
  });

  it('keeps the trained weights of a small network (XOR, 17 values) byte for byte', () => {
    const project = trainedXor();
    expect(weightCount(project)).toBe(17);
    const link = encode(project);
    expect(link.withWeights).toBe(true);
    expect(link.note).toBeUndefined();
    const back = opened(decodeShareFragment(link.fragment));
    expect(back.weights).not.toBeNull();
    expect(serializeProject(back)).toBe(serializeProject(project));
  });

  it('leaves out weights that would make the link too long (784-16-16-10, 13,002 values) and says so', () => {
    const project = trainedMnistSized();
    expect(weightCount(project)).toBe(13_002);
    const full = encode(project, { maxFragmentWithWeights: Number.POSITIVE_INFINITY });
    expect(full.withWeights).toBe(true);
    expect(full.length).toBeGreaterThan(SHARE_LIMITS.maxFragmentWithWeights);
    const link = encode(project);
    expect(link.withWeights).toBe(false);
    expect(link.length).toBeLessThan(2000);
    expect(link.note).toBe(
      `The trained weights were left out: with them the link would be ${Math.ceil(full.length / 1000).toLocaleString('en-US')} kB, ` +
        'too long to share safely (the limit is 64 kB); the network and its settings are all in the link. ' +
        'To share the trained network, use Save and send the file.',
    );
    const back = opened(decodeShareFragment(link.fragment));
    expect(back.weights).toBeNull();
    expect(serializeProject(back)).toBe(serializeProject({ ...project, weights: null }));
    expect(serializeProject(opened(decodeShareFragment(full.fragment)))).toBe(serializeProject(project));
  });

  it('honours a smaller limit and includeWeights: false', () => {
    const project = trainedXor();
    const withWeights = encode(project);
    const tight = encode(project, { maxFragmentWithWeights: withWeights.length - 1 });
    expect(tight.withWeights).toBe(false);
    expect(withWeights.length).toBeLessThan(1500);
    expect(tight.note).toMatch(/^The trained weights were left out: with them the link would be [12] kB, too long to share safely \(the limit is [12] kB\)/);
    const without = encode(project, { includeWeights: false });
    expect(without).toMatchObject({ withWeights: false, fragment: tight.fragment });
    expect(without.note).toBeUndefined();
  });

  it('leaves out NaN weights (training diverged) and says why', () => {
    const project = trainedXor();
    project.weights!.layers.hidden![0]!.values[3] = Number.NaN;
    const link = encode(project);
    expect(link.withWeights).toBe(false);
    expect(link.note).toMatch(/not numbers \(training diverged\).*the network and its settings are all in the link/);
    expect(opened(decodeShareFragment(link.fragment)).weights).toBeNull();
  });

  it('reports a network that cannot be written at all as a problem, not a throw', () => {
    const project = xorProject();
    const broken = { ...project, graph: { ...project.graph, nodes: project.graph.nodes.map((n) => ({ ...n, position: { x: Number.NaN, y: 0 } })) } };
    const result = encodeShareFragment(broken);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(refusal(result.problem, 'share-link')).toMatch(/^LayerLab could not make a link for this network: Cannot save graph\.nodes\[0\]\.position\.x/);
  });

  it('reads the project from location.hash, a bare fragment, a whole URL or among other parameters', () => {
    const { fragment } = encode(xorProject());
    const expected = serializeProject(xorProject());
    for (const hash of [fragment, fragment.slice(1), shareUrl('https://layerlab.example/app/?x=1', fragment), `#lesson=2&${fragment.slice(1)}&step=3`]) {
      expect(serializeProject(opened(decodeShareFragment(hash)))).toBe(expected);
    }
  });

  it('passes on the loader warnings of an older project file', () => {
    const result = decodeShareFragment(linkOf(XOR_TEXT));
    expect(result).toMatchObject({ ok: true, none: false, warnings: [] });
  });
});

describe('shareUrl', () => {
  it('puts the fragment after the page address, replacing any fragment already there', () => {
    expect(shareUrl('https://x.org/app', '#p=1.abc')).toBe('https://x.org/app#p=1.abc');
    expect(shareUrl('https://x.org/app?lesson=2#p=1.old', '#p=1.new')).toBe('https://x.org/app?lesson=2#p=1.new');
    expect(shareUrl('https://x.org/', 'p=1.abc')).toBe('https://x.org/#p=1.abc');
  });
});

describe('decodeShareFragment: no project in the link', () => {
  it.each(['', '#', '#top', '#section-2', '#lesson=3&step=1', '#pp=1.abc', 'https://layerlab.example/', '#x=p=1.abc'])(
    '%j holds none',
    (hash) => {
      expect(decodeShareFragment(hash)).toEqual({ ok: true, none: true });
    },
  );
});

describe('decodeShareFragment refusals (each message is what the student reads)', () => {
  it('a link from a newer LayerLab', () => {
    expect(refused('#p=2.eNrLSM3JyVcozy_KSQEAGgQEXQ')).toBe(
      'This link was made by a newer LayerLab (link format 2); this LayerLab reads links of format 1. ' + UNTOUCHED,
    );
  });

  it('a format tag LayerLab never wrote', () => {
    for (const hash of ['#p=abc', '#p=x.abc', '#p=1abc', '#p=01.abc']) {
      expect(refused(hash)).toBe(
        'This link is not in a form LayerLab knows: it may have been changed when it was copied, or made by a newer LayerLab. ' + UNTOUCHED,
      );
    }
  });

  it('an empty project part', () => {
    expect(refused('#p=')).toMatch(/^This link holds no project: the part after "#p=" is empty/);
    expect(refused('#p=1.')).toMatch(/^This link holds no project: it ends right after "#p=1\."/);
  });

  it('characters that are not base64url, or a length no encoder writes', () => {
    const { fragment } = encode(xorProject());
    expect(refused(`${fragment.slice(0, 40)}$${fragment.slice(40)}`)).toBe(
      'This link is damaged: its project data contains "$", a character LayerLab links never contain, so it was probably changed when it was copied. ' +
        UNTOUCHED,
    );
    expect(refused('#p=1.abc+def')).toMatch(/contains "\+"/);
    expect(refused('#p=1.ab%20cd')).toMatch(/contains "%"/);
    expect(refused('#p=1.abcde')).toMatch(/^This link is damaged or incomplete: /); // 5 characters: no whole byte count
  });

  it('data that does not unpack: random bytes, a link cut short, a changed character', () => {
    const damaged = /^This link is damaged or incomplete: its project data does not unpack, so it was probably cut off or changed when it was copied\. /;
    expect(refused('#p=1.SGVsbG8sIHdvcmxkIQ')).toMatch(damaged);
    const { fragment } = encode(trainedXor());
    for (const cut of [10, 100, fragment.length - 10, fragment.length - 1]) expect(refused(fragment.slice(0, cut))).toMatch(damaged);
    // A changed character in the middle: inflate fails, or its output no longer matches the Adler-32 checksum.
    for (const at of [30, Math.floor(fragment.length / 2), fragment.length - 3]) {
      const swapped = fragment[at] === 'A' ? 'B' : 'A';
      expect(refused(`${fragment.slice(0, at)}${swapped}${fragment.slice(at + 1)}`)).toMatch(damaged);
    }
    // Extra data after a complete stream.
    expect(refused(`${fragment}AAAA`)).toMatch(damaged);
  });

  it('unpacked bytes that are not UTF-8 text', () => {
    expect(refused(linkOf(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d])))).toBe('This link is damaged: its project data is not text. ' + UNTOUCHED);
  });

  it('a fragment longer than SHARE_LIMITS.maxFragmentChars, before decoding anything', () => {
    const started = performance.now();
    expect(refused(`#p=1.${'A'.repeat(SHARE_LIMITS.maxFragmentChars)}`)).toBe(
      "This link is too long to be a LayerLab link: it is 4,001 kB, and LayerLab's links are at most 4,000 kB. " + UNTOUCHED,
    );
    expect(performance.now() - started).toBeLessThan(500);
  });

  it('a decompression bomb (1 GiB of zeros in ~1 MB) is refused after unpacking little more than 50 MB', () => {
    const bomb = zeroBomb(1024);
    expect(bomb.length).toBeLessThan(1_200_000);
    const hash = `#p=1.${base64url(bomb)}`;
    expect(hash.length).toBeLessThan(SHARE_LIMITS.maxFragmentChars);
    const started = performance.now();
    expect(refused(hash)).toBe(
      "This link's project unpacks to more than 50 MB, more than LayerLab opens, so it was not unpacked. " + UNTOUCHED,
    );
    expect(performance.now() - started).toBeLessThan(5_000); // inflating all of it would take far longer and 1 GiB
  });

  it('the bomb builder makes a valid stream (a small one unpacks and only fails as a project)', () => {
    expect(refused(`#p=1.${base64url(zeroBomb(1))}`)).toMatch(/^This link does not hold a LayerLab project that can be opened:\nThe file is not valid JSON/);
  });

  it('text that is not a LayerLab project, with the loader field errors', () => {
    expect(refused(linkOf('{"hello": "world"}'))).toBe(
      'This link does not hold a LayerLab project that can be opened:\n' +
        'format: This is not a LayerLab project file: it has no "format": "layerlab-project" field.\n' +
        UNTOUCHED,
    );
    const broken = XOR_TEXT.replace('"units": 4', '"units": "four"').replace('"learningRate": 0.5', '"learningRate": -1');
    const message = refused(linkOf(broken));
    expect(message.split('\n')[0]).toBe('This link does not hold a LayerLab project that can be opened:');
    expect(message).toMatch(/\ngraph\.nodes\[1\]\.params\.units: /);
    expect(message).toMatch(/\ntraining\.learningRate: /);
    expect(refused(linkOf(XOR_TEXT.replace('"version": 3', '"version": 7')))).toMatch(/saved by a newer LayerLab \(version 7\)/);
  });

  it('lists at most ten field errors', () => {
    const file = JSON.parse(XOR_TEXT) as { graph: { nodes: { id: string }[] } };
    file.graph.nodes.forEach((node) => (node.id = '9 bad id'));
    const manyBad = JSON.stringify({ ...file, name: 1, training: { optimizer: 'x', learningRate: 'y', batchSize: 0, epochs: 0, loss: 'z', validationSplit: 7, seed: 'q' } });
    const message = refused(linkOf(manyBad));
    const lines = message.split('\n');
    expect(lines.length).toBe(13); // heading, 10 errors, "…and N more problems.", untouched
    expect(lines[11]).toMatch(/^…and \d+ more problems?\.$/);
  });
});

describe('decodeShareFragment never throws', () => {
  const shapes = (result: ShareDecodeResult): boolean =>
    result.ok ? result.none || typeof result.project === 'object' : typeof result.problem.message === 'string';

  it('on any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (hash) => shapes(decodeShareFragment(hash))),
      { numRuns: 1000 },
    );
  });

  it('on strings that look like links', () => {
    const base64 = fc.string({ unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_=.'), maxLength: 400 });
    fc.assert(
      fc.property(fc.constantFrom('#p=1.', 'p=1.', '#p=', '#a=1&p=1.', '#p=2.'), base64, (prefix, data) => shapes(decodeShareFragment(prefix + data))),
      { numRuns: 2000 },
    );
  });

  it('on real links with bytes changed, cut or added', () => {
    const { fragment } = encode(trainedXor());
    const data = fragment.slice('#p=1.'.length);
    fc.assert(
      fc.property(
        fc.nat({ max: data.length - 1 }),
        fc.nat({ max: data.length }),
        fc.string({ maxLength: 8 }),
        (at, cut, insert) => {
          const changed = `${data.slice(0, at)}${insert}${data.slice(Math.min(at + insert.length, data.length), cut < at ? undefined : cut)}`;
          return shapes(decodeShareFragment(`#p=1.${changed}`));
        },
      ),
      { numRuns: 1000 },
    );
  });
});
