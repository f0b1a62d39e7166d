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

  /** The compiled version if it is cached (versions are immutable: no need to read the definition again). */
  peek(versionId: string): CompiledVersion | undefined {
    return this.#entries.get(versionId);
  }

  get(versionId: string, definitionJson: string): CompiledVersion {
    let v = this.#entries.get(versionId);
    if (v) return v;
    const validator = compileValidator(JSON.parse(definitionJson));
    v = { validator, questionNames: new Set(validator.questionNames) };
    this.#entries.set(versionId, v);
    return v;
  }
}
