// Compiled validators per questionnaire version. Versions are immutable, so an entry never goes
// stale; the map is bounded to keep memory flat with many versions.
import { type CompiledValidator, compileValidator } from './validator.ts';

export class ValidatorCache {
  readonly #entries = new Map<string, CompiledValidator>();
  constructor(private readonly max = 500) {}

  get(versionId: string, definitionJson: string): CompiledValidator {
    let v = this.#entries.get(versionId);
    if (v) return v;
    v = compileValidator(JSON.parse(definitionJson));
    if (this.#entries.size >= this.max) {
      const oldest = this.#entries.keys().next().value;
      if (oldest !== undefined) this.#entries.delete(oldest);
    }
    this.#entries.set(versionId, v);
    return v;
  }
}
