// Compiled validators per questionnaire version. Versions are immutable, so an entry never goes
// stale; the cache is bounded to keep memory flat with many versions.
import { LruCache } from '../http/lru.ts';
import { type CompiledValidator, compileValidator } from './validator.ts';

export interface CompiledVersion {
  validator: CompiledValidator;
  /** The questions the version asks: what decides which indicators it can measure. */
  questionNames: ReadonlySet<string>;
}

export class ValidatorCache {
  readonly #entries = new LruCache<CompiledVersion>(500);

  get(versionId: string, definitionJson: string): CompiledVersion {
    let v = this.#entries.get(versionId);
    if (v) return v;
    const validator = compileValidator(JSON.parse(definitionJson));
    v = { validator, questionNames: new Set(validator.questionNames) };
    this.#entries.set(versionId, v);
    return v;
  }
}
