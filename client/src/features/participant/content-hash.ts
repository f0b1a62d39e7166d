// The browser's fingerprint of a submission: SHA-256 (hex, Web Crypto) of the RFC 8785 canonical
// JSON of its answers, with the serializer the server uses (surveys/canonical-json.ts), so that a
// receipt whose contentHash equals it proves the server stored exactly these answers.
import { canonicalJson } from '../../../../surveys/canonical-json.ts';
import type { SurveyData } from './api.ts';

export async function contentHashOf(data: SurveyData): Promise<string> {
  const bytes = new TextEncoder().encode(canonicalJson(data) ?? 'null');
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}
