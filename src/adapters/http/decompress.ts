import type { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createBrotliDecompress, createGunzip, createInflate, createInflateRaw } from 'node:zlib';
import { StorydeskError } from '../../core/model/index.js';

/**
 * Read a response body, decoding Content-Encoding (gzip, deflate, br, chained) and gzip bytes
 * served without the header, with `maxBytes` enforced while streaming on both the wire bytes
 * and the decoded bytes: a gzip bomb stops at the cap instead of filling memory.
 * Decoder failures become `decompress`; the cap becomes `too_large`; source errors pass through.
 */
export async function readDecodedBody(
  source: Readable,
  contentEncoding: string | undefined,
  maxBytes: number,
  url: string,
): Promise<Buffer> {
  const iterator = source[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  const first = await iterator.next();
  if (first.done) return Buffer.alloc(0);
  const firstChunk = first.value;
  const decoders = decodersFor(contentEncoding, firstChunk, url);
  let decoderFailed = false;
  for (const decoder of decoders)
    decoder.once('error', () => {
      decoderFailed = true;
    });

  async function* wire(): AsyncGenerator<Buffer> {
    let received = 0;
    for (let chunk: Buffer | undefined = firstChunk; chunk; ) {
      received += chunk.length;
      if (received > maxBytes) throw tooLarge(maxBytes, url);
      yield chunk;
      const next = await iterator.next();
      chunk = next.done ? undefined : next.value;
    }
  }
  const chunks: Buffer[] = [];
  let size = 0;
  async function sink(decoded: AsyncIterable<Buffer>): Promise<void> {
    for await (const chunk of decoded) {
      size += chunk.length;
      if (size > maxBytes) throw tooLarge(maxBytes, url);
      chunks.push(chunk);
    }
  }

  try {
    if (decoders.length === 0) await sink(wire());
    else await pipelineAll([wire, ...decoders, sink]);
  } catch (error) {
    if (error instanceof StorydeskError || !decoderFailed) throw error;
    throw new StorydeskError('decompress', `Cannot decode ${contentEncoding ?? 'gzip'} body of ${url}: ${(error as Error).message}`, {
      cause: error,
    });
  } finally {
    await iterator.return?.();
  }
  return Buffer.concat(chunks);
}

/** The decoders to apply, outermost first: Content-Encoding lists them in the order applied. */
function decodersFor(contentEncoding: string | undefined, firstChunk: Buffer, url: string): Transform[] {
  const codings = (contentEncoding ?? '')
    .toLowerCase()
    .split(',')
    .map((c) => c.trim())
    .filter((c) => c !== '' && c !== 'identity');
  // Some servers gzip a static file and forget the header; the gzip magic number tells.
  if (codings.length === 0) return firstChunk[0] === 0x1f && firstChunk[1] === 0x8b ? [createGunzip()] : [];
  return codings.reverse().map((coding, index) => {
    if (coding === 'gzip' || coding === 'x-gzip') return createGunzip();
    if (coding === 'br') return createBrotliDecompress();
    // "deflate" should be zlib-wrapped, but many servers send raw deflate; the header tells.
    if (coding === 'deflate') return index === 0 && !hasZlibHeader(firstChunk) ? createInflateRaw() : createInflate();
    throw new StorydeskError('decompress', `Unsupported Content-Encoding "${coding}" from ${url}`);
  });
}

// The array form of pipeline() takes any number of decoders; its typings only list fixed arities.
const pipelineAll = pipeline as unknown as (streams: unknown[]) => Promise<void>;

function hasZlibHeader(chunk: Buffer): boolean {
  const [cmf, flg] = chunk;
  return cmf !== undefined && flg !== undefined && (cmf & 0x0f) === 8 && ((cmf << 8) | flg) % 31 === 0;
}

function tooLarge(maxBytes: number, url: string): StorydeskError {
  return new StorydeskError('too_large', `Body of ${url} exceeds ${maxBytes} bytes`, { permanent: true });
}
