/**
 * Share links: a whole project in the URL fragment, `#p=1.<data>`.
 *
 * `<data>` is the project's file text (exactly what `serializeProject` writes, so a link opens byte for byte the
 * project a Save would have written), UTF-8 encoded, zlib-compressed at level 9 and base64url-encoded without
 * padding. `1` is the link format: a later LayerLab that changes the encoding writes `2.` and this one says so
 * instead of reporting a damaged link. Browsers do not send the fragment to the server that serves LayerLab.
 *
 * Decoding treats the link as untrusted input: it is capped in length before anything is done, decompressed in
 * small steps that stop as soon as the output passes the project-file cap (a few kB of link can otherwise unpack
 * to gigabytes), checked against zlib's Adler-32 checksum (fflate does not check it), and finally read with
 * `parseProject` like any file. Nothing here throws; every refusal is a {@link Problem} a student can read.
 *
 * Pure: no DOM (TextEncoder/TextDecoder exist in browsers, workers and Node), no React.
 */
import { Unzlib, zlibSync } from 'fflate';
import type { Problem } from '../../core/problems/problem.ts';
import type { LayerLabProject } from '../../core/project/index.ts';
import { MAX_PROJECT_FILE_BYTES, parseProject, serializeProject } from '../../core/project/index.ts';
import { formatFieldErrors } from './fieldErrors.ts';

/** The link format this LayerLab writes and the only one it reads. */
export const SHARE_FORMAT = 1;

/** The fragment parameter that holds the project: `#p=…`. */
export const SHARE_PARAM = 'p';

export const SHARE_LIMITS = Object.freeze({
  /**
   * Links up to this many characters (the fragment, `#p=1.` included) carry the trained weights; longer ones are
   * made without them. Browsers open much longer URLs (Chrome about 2 MB), but links travel through chat apps,
   * mail, learning platforms and URL fields that cap or wrap messages at a few thousand to a few tens of
   * thousands of characters, and a link that is cut off opens nothing. A trained weight costs about 12.5
   * characters of link (float32 values written as 17-digit doubles, compressed, in base64), so 64,000 characters
   * hold about 5,000 weights: every classroom network on the 2-D datasets (XOR 2-4-1 with weights: 1,060
   * characters), but not an MNIST-sized 784-16-16-10 (13,002 weights: 163,355 characters). The network and its
   * settings alone take well under 2,000 characters (XOR: 669).
   */
  maxFragmentWithWeights: 64_000,
  /**
   * Longer fragments are refused before any decoding. Far above what {@link encodeShareFragment} writes for any
   * network without weights, and it bounds the work a crafted link can cause (4,000,000 base64 characters are 3 MB of data).
   */
  maxFragmentChars: 4_000_000,
  /** Decompressed project text above this is refused, the same cap as a project file on disk. */
  maxProjectBytes: MAX_PROJECT_FILE_BYTES,
});

export interface ShareEncodeOptions {
  /** Put the trained weights in the link when they fit (default true). */
  includeWeights?: boolean;
  /** Overrides {@link SHARE_LIMITS.maxFragmentWithWeights} (tests, or an app setting). */
  maxFragmentWithWeights?: number;
}

export type ShareEncodeResult =
  | {
      ok: true;
      /** `#p=1.<base64url>`, ready to put after the page address. */
      fragment: string;
      /** Whether the trained weights are in the link (false also when the project has none). */
      withWeights: boolean;
      /** `fragment.length`, in characters. */
      length: number;
      /** Why the trained weights were left out, in words for the student; absent when nothing was left out. */
      note?: string;
    }
  | { ok: false; problem: Problem };

export type ShareDecodeResult =
  | { ok: true; none: false; project: LayerLabProject; warnings: string[] }
  /** The fragment holds no project (empty, or some other anchor): open the app as usual. */
  | { ok: true; none: true }
  | { ok: false; problem: Problem };

const UNTOUCHED = 'Your current work was left untouched.';
const DAMAGED =
  'This link is damaged or incomplete: its project data does not unpack, so it was probably cut off or changed when it was copied.';
const RECOPY = 'Ask for the link again, or copy the whole link in one piece (some apps cut long links off).';

const problem = (message: string, fix?: string): Problem => ({
  severity: 'error',
  nodeId: null,
  message,
  ...(fix === undefined ? {} : { fix }),
  source: 'share-link',
});

/** A list of field errors ends in a line of its own; a sentence is followed on the same line. */
const refused = (message: string, fix?: string): ShareDecodeResult => ({
  ok: false,
  problem: problem(`${message}${message.includes('\n') ? '\n' : ' '}${UNTOUCHED}`, fix),
});

/** "1,234 kB" (1 kB = 1,000 characters, rounded up so a link just over a limit never reads as equal to it). */
const kilobytes = (chars: number): string => `${Math.ceil(chars / 1000).toLocaleString('en-US')} kB`;

/** "50 MB" in MiB, rounded up to one decimal. */
const megabytes = (bytes: number): string => `${Math.ceil((bytes / (1024 * 1024)) * 10) / 10} MB`;

export { formatFieldErrors } from './fieldErrors.ts';

// ---------------------------------------------------------------------------
// base64url (RFC 4648 §5), no padding
// ---------------------------------------------------------------------------

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const DIGIT_OF = new Int8Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i += 1) DIGIT_OF[ALPHABET.charCodeAt(i)] = i;

function toBase64Url(bytes: Uint8Array): string {
  const parts: string[] = [];
  let line = '';
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = ((bytes[i] ?? 0) << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    line += ALPHABET[n >>> 18]! + ALPHABET[(n >>> 12) & 63]! + ALPHABET[(n >>> 6) & 63]! + ALPHABET[n & 63]!;
    if (line.length >= 8192) {
      parts.push(line);
      line = '';
    }
  }
  const rest = bytes.length - i;
  if (rest === 1) {
    const n = (bytes[i] ?? 0) << 16;
    line += ALPHABET[n >>> 18]! + ALPHABET[(n >>> 12) & 63]!;
  } else if (rest === 2) {
    const n = ((bytes[i] ?? 0) << 16) | ((bytes[i + 1] ?? 0) << 8);
    line += ALPHABET[n >>> 18]! + ALPHABET[(n >>> 12) & 63]! + ALPHABET[(n >>> 6) & 63]!;
  }
  parts.push(line);
  return parts.join('');
}

type Base64Result = { ok: true; bytes: Uint8Array } | { ok: false; badChar: string | null };

/** Strict base64url; up to two trailing '=' are tolerated (some tools pad). `badChar` null: a length no encoder writes. */
function fromBase64Url(text: string): Base64Result {
  let end = text.length;
  if (text.endsWith('==')) end -= 2;
  else if (text.endsWith('=')) end -= 1;
  const bytes = new Uint8Array(Math.floor((end * 3) / 4));
  let out = 0;
  let acc = 0;
  let bits = 0;
  for (let i = 0; i < end; i += 1) {
    const code = text.charCodeAt(i);
    const digit = code < 128 ? (DIGIT_OF[code] ?? -1) : -1;
    if (digit < 0) return { ok: false, badChar: String.fromCodePoint(text.codePointAt(i) ?? code) };
    acc = ((acc << 6) | digit) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes[out] = (acc >>> bits) & 0xff;
      out += 1;
    }
  }
  if (end % 4 === 1) return { ok: false, badChar: null };
  return { ok: true, bytes: bytes.subarray(0, out) };
}

// ---------------------------------------------------------------------------
// zlib with a size cap
// ---------------------------------------------------------------------------

/** Compressed input is fed in steps of this size; one step unpacks to at most ~1,032× its size (deflate's limit). */
const INFLATE_STEP = 4096;

type InflateResult = { ok: true; bytes: Uint8Array } | { ok: false; reason: 'damaged' | 'too-large' };

function adler32(chunks: readonly Uint8Array[]): number {
  let a = 1;
  let b = 0;
  for (const chunk of chunks) {
    for (let i = 0; i < chunk.length; ) {
      const end = Math.min(i + 3800, chunk.length); // sums stay exact below 2^53 long before 3,800 bytes
      for (; i < end; i += 1) {
        a += chunk[i] ?? 0;
        b += a;
      }
      a %= 65521;
      b %= 65521;
    }
  }
  return ((b << 16) | a) >>> 0;
}

/**
 * Decompresses a zlib stream, giving up as soon as more than `maxBytes` come out (without unpacking the rest),
 * and checks the Adler-32 trailer, which catches a changed or cut-off link that still inflates.
 */
function inflateCapped(data: Uint8Array, maxBytes: number): InflateResult {
  if (data.length < 6) return { ok: false, reason: 'damaged' }; // 2-byte header + 4-byte checksum at the least
  const chunks: Uint8Array[] = [];
  let total = 0;
  let tooLarge = false;
  const inflater = new Unzlib((chunk) => {
    if (tooLarge) return;
    total += chunk.length;
    if (total > maxBytes) tooLarge = true;
    else if (chunk.length > 0) chunks.push(chunk);
  });
  try {
    for (let offset = 0; offset < data.length && !tooLarge; offset += INFLATE_STEP) {
      const end = Math.min(offset + INFLATE_STEP, data.length);
      inflater.push(data.subarray(offset, end), end === data.length);
    }
  } catch {
    return { ok: false, reason: tooLarge ? 'too-large' : 'damaged' };
  }
  if (tooLarge) return { ok: false, reason: 'too-large' };
  const n = data.length;
  const stored = (((data[n - 4] ?? 0) << 24) | ((data[n - 3] ?? 0) << 16) | ((data[n - 2] ?? 0) << 8) | (data[n - 1] ?? 0)) >>> 0;
  if (adler32(chunks) !== stored) return { ok: false, reason: 'damaged' };
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.length;
  }
  return { ok: true, bytes };
}

// ---------------------------------------------------------------------------
// Encoding
// ---------------------------------------------------------------------------

type Serialized = { ok: true; text: string } | { ok: false; reason: string };

/** serializeProject throws a RangeError for NaN/Infinity (diverged training); that becomes a value here. */
function trySerialize(project: LayerLabProject): Serialized {
  try {
    return { ok: true, text: serializeProject(project) };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
}

function fragmentOf(text: string): string {
  const packed = zlibSync(new TextEncoder().encode(text), { level: 9 });
  return `#${SHARE_PARAM}=${SHARE_FORMAT}.${toBase64Url(packed)}`;
}

/**
 * The project as a link fragment `#p=1.<data>`. The trained weights go in when the fragment stays within
 * `maxFragmentWithWeights` characters; otherwise the link holds the network and settings only and `note` says why.
 * Fails (as a problem, never a throw) only when the network itself cannot be written, e.g. a node position is NaN.
 */
export function encodeShareFragment(project: LayerLabProject, options: ShareEncodeOptions = {}): ShareEncodeResult {
  const limit = options.maxFragmentWithWeights ?? SHARE_LIMITS.maxFragmentWithWeights;
  let note: string | undefined;
  if ((options.includeWeights ?? true) && project.weights !== null) {
    const full = trySerialize(project);
    if (full.ok) {
      const fragment = fragmentOf(full.text);
      if (fragment.length <= limit) return { ok: true, fragment, withWeights: true, length: fragment.length };
      note =
        `The trained weights were left out: with them the link would be ${kilobytes(fragment.length)}, too long to ` +
        `share safely (the limit is ${kilobytes(limit)}); the network and its settings are all in the link. ` +
        'To share the trained network, use Save and send the file.';
    } else {
      note =
        'The trained weights were left out: some of them are not numbers (training diverged), which a link cannot ' +
        'hold; the network and its settings are all in the link.';
    }
  }
  const bare = trySerialize({ ...project, weights: null });
  if (!bare.ok) {
    return {
      ok: false,
      problem: problem(`LayerLab could not make a link for this network: ${bare.reason}`, 'Use Save to keep your work as a file.'),
    };
  }
  const fragment = fragmentOf(bare.text);
  if (fragment.length > SHARE_LIMITS.maxFragmentChars) {
    return {
      ok: false,
      problem: problem(
        `This network is too large to share as a link (the link would be ${kilobytes(fragment.length)}).`,
        'Use Save and send the .layerlab.json file instead.',
      ),
    };
  }
  return { ok: true, fragment, withWeights: false, length: fragment.length, ...(note === undefined ? {} : { note }) };
}

/** `baseUrl` with its own fragment (if any) replaced by `fragment` ("#p=…"; a missing "#" is added). */
export function shareUrl(baseUrl: string, fragment: string): string {
  const hashAt = baseUrl.indexOf('#');
  const base = hashAt < 0 ? baseUrl : baseUrl.slice(0, hashAt);
  return `${base}${fragment.startsWith('#') ? fragment : `#${fragment}`}`;
}

// ---------------------------------------------------------------------------
// Decoding
// ---------------------------------------------------------------------------

/** The value of the `p` parameter in `a=1&p=…&b=2`, or null when there is none. */
function projectParam(fragment: string): string | null {
  const key = `${SHARE_PARAM}=`;
  let start: number;
  if (fragment.startsWith(key)) start = 0;
  else {
    const at = fragment.indexOf(`&${key}`);
    if (at < 0) return null;
    start = at + 1;
  }
  const end = fragment.indexOf('&', start);
  return fragment.slice(start + key.length, end < 0 ? fragment.length : end);
}

/**
 * Reads a project from a URL fragment: `location.hash` ("#p=1.…"), the same without "#", or a whole URL.
 * `none` when the fragment holds no project; a problem (never a throw) for anything that cannot be opened.
 */
export function decodeShareFragment(hash: string): ShareDecodeResult {
  if (typeof hash !== 'string') return { ok: true, none: true };
  const hashAt = hash.indexOf('#');
  const fragment = hashAt < 0 ? hash : hash.slice(hashAt + 1);
  const value = projectParam(fragment);
  if (value === null) return { ok: true, none: true };

  if (fragment.length > SHARE_LIMITS.maxFragmentChars) {
    return refused(
      `This link is too long to be a LayerLab link: it is ${kilobytes(fragment.length)}, and LayerLab's links are at most ${kilobytes(SHARE_LIMITS.maxFragmentChars)}.`,
      'Ask for the project as a .layerlab.json file and open it with Open.',
    );
  }
  const dot = value.indexOf('.');
  const tag = dot < 0 ? '' : value.slice(0, dot);
  const data = dot < 0 ? '' : value.slice(dot + 1);
  if (tag !== String(SHARE_FORMAT)) {
    if (/^[0-9]{1,6}$/.test(tag) && Number(tag) > SHARE_FORMAT) {
      return refused(
        `This link was made by a newer LayerLab (link format ${Number(tag)}); this LayerLab reads links of format ${SHARE_FORMAT}.`,
        'Reload the page to get the newest LayerLab, or ask for the project as a .layerlab.json file.',
      );
    }
    if (value === '') return refused('This link holds no project: the part after "#p=" is empty, so it was probably cut off.', RECOPY);
    return refused(
      'This link is not in a form LayerLab knows: it may have been changed when it was copied, or made by a newer LayerLab.',
      RECOPY,
    );
  }
  if (data === '') return refused('This link holds no project: it ends right after "#p=1.", so it was probably cut off.', RECOPY);

  const decoded = fromBase64Url(data);
  if (!decoded.ok && decoded.badChar !== null) {
    return refused(
      `This link is damaged: its project data contains ${JSON.stringify(decoded.badChar)}, a character LayerLab links never contain, so it was probably changed when it was copied.`,
      RECOPY,
    );
  }
  if (!decoded.ok) return refused(DAMAGED, RECOPY); // a length no encoder writes: cut off, most likely

  const inflated = inflateCapped(decoded.bytes, SHARE_LIMITS.maxProjectBytes);
  if (!inflated.ok) {
    if (inflated.reason === 'too-large') {
      return refused(
        `This link's project unpacks to more than ${megabytes(SHARE_LIMITS.maxProjectBytes)}, more than LayerLab opens, so it was not unpacked.`,
        'Ask for the project as a .layerlab.json file instead.',
      );
    }
    return refused(DAMAGED, RECOPY);
  }

  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(inflated.bytes);
  } catch {
    return refused('This link is damaged: its project data is not text.', RECOPY);
  }
  const parsed = parseProject(text);
  if (!parsed.ok) {
    return refused(
      `This link does not hold a LayerLab project that can be opened:\n${formatFieldErrors(parsed.errors)}`,
      'Ask whoever sent it for a new link or for the .layerlab.json file.',
    );
  }
  return { ok: true, none: false, project: parsed.project, warnings: parsed.warnings };
}
