// A response's stored measures: the library computes them (indicators/codec.ts); the drivers want a Buffer.
import { storedMeasures as libraryStoredMeasures } from '../../indicators/index.ts';
import type { CollectionMode } from '../../indicators/taxonomy.ts';
import type { Attributes } from '../participants/index.ts';

export function storedMeasures(
  answers: Record<string, unknown>,
  questionNames: ReadonlySet<string>,
  participantAttrs: Attributes | null,
  collectionMode: CollectionMode,
): { layout: string; measures: Buffer } {
  const { layout, measures } = libraryStoredMeasures(
    answers,
    questionNames,
    participantAttrs,
    collectionMode,
  );
  return { layout, measures: Buffer.from(measures.buffer, measures.byteOffset, measures.byteLength) };
}
