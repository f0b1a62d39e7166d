// The Kysely database interface: one table type per table, the single source of row types.
import type { Insertable, Kysely, Selectable, Transaction, Updateable } from 'kysely';

export interface CaissesTable {
  id: string;
  name: string;
  slug: string;
  region: string;
  commune: string;
  territory_type: string;
  target_public: string;
  start_date: string | null;
  stage: string;
  experimenters_count: number | null;
  ssa_collective_member: number;
  pat_involvement: string;
  created_at: string;
  updated_at: string;
}

export interface ObjectivesTable {
  id: string;
  caisse_id: string;
  code: string;
  label: string | null;
  description: string | null;
  priority: number | null;
  dimensions: string;
  position: number;
}

export interface QuestionnairesTable {
  id: string;
  caisse_id: string | null;
  standard_key: string | null;
  title: string;
  level: string;
  /** 'standard' | 'assembled' | 'custom' */
  origin: string;
  created_at: string;
  updated_at: string;
}

export interface QuestionnaireVersionsTable {
  id: string;
  questionnaire_id: string;
  version: number;
  definition: string;
  definition_hash: string;
  question_names: string;
  created_at: string;
  created_by: string | null;
}

export interface WavesTable {
  id: string;
  caisse_id: string;
  questionnaire_version_id: string;
  period: string;
  opens_at: string | null;
  closes_at: string | null;
  status: string;
  is_baseline: number;
  created_at: string;
  updated_at: string;
}

export interface ParticipantsTable {
  id: string;
  caisse_id: string;
  code: string;
  attributes: string;
  consent: string;
  token_hash: string | null;
  token_issued_at: string | null;
  revoked_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface ResponsesTable {
  id: string;
  caisse_id: string;
  wave_id: string;
  participant_id: string | null;
  questionnaire_version_id: string;
  client_id: string;
  data: string;
  /** SHA-256 (hex) of the RFC 8785 canonical JSON of `data` (server/responses/content-hash.ts). */
  content_hash: string;
  revision: number;
  superseded_at: string | null;
  source: string;
  /** self, assisted, paper or import (indicators/taxonomy.ts COLLECTION_MODES). */
  collection_mode: string;
  submitted_at: string;
  created_by: string | null;
}

export interface DraftsTable {
  participant_id: string;
  wave_id: string;
  data: string;
  updated_at: string;
}

export interface UsersTable {
  id: string;
  email: string;
  password_hash: string;
  is_admin: number;
  is_researcher: number;
  created_at: string;
  updated_at: string;
  disabled_at: string | null;
}

export interface MembershipsTable {
  user_id: string;
  caisse_id: string;
  role: string;
  created_at: string;
}

export interface SessionsTable {
  id: string;
  user_id: string;
  csrf_token: string;
  created_at: string;
  expires_at: string;
}

export interface InvitationsTable {
  id: string;
  token_hash: string;
  email: string;
  role: string;
  caisse_id: string | null;
  invited_by: string | null;
  created_at: string;
  expires_at: string;
  accepted_at: string | null;
}

export interface AuditLogTable {
  id: string;
  at: string;
  user_id: string | null;
  role: string;
  caisse_id: string | null;
  action: string;
  target_type: string;
  target_id: string | null;
}

export interface ResponseMeasuresTable {
  response_id: string;
  caisse_id: string;
  wave_id: string;
  participant_id: string | null;
  submitted_at: string;
  /** Catalogue layout the vector was written in (server/indicators/measure-codec.ts). */
  layout: string;
  /** Measures and disaggregation attributes as little-endian doubles. */
  measures: Uint8Array;
}

export interface IndicatorSelectionsTable {
  caisse_id: string;
  indicator_id: string;
  objectives: string;
  baseline: number | null;
  target: number | null;
  periodicity: string | null;
  position: number;
}

export interface AppStateTable {
  key: string;
  value: string;
}

export interface Database {
  caisses: CaissesTable;
  objectives: ObjectivesTable;
  questionnaires: QuestionnairesTable;
  questionnaire_versions: QuestionnaireVersionsTable;
  waves: WavesTable;
  participants: ParticipantsTable;
  responses: ResponsesTable;
  drafts: DraftsTable;
  users: UsersTable;
  memberships: MembershipsTable;
  sessions: SessionsTable;
  invitations: InvitationsTable;
  audit_log: AuditLogTable;
  response_measures: ResponseMeasuresTable;
  indicator_selections: IndicatorSelectionsTable;
  app_state: AppStateTable;
}

export type Caisse = Selectable<CaissesTable>;
export type NewCaisse = Insertable<CaissesTable>;
export type CaisseUpdate = Updateable<CaissesTable>;
export type Objective = Selectable<ObjectivesTable>;
export type Questionnaire = Selectable<QuestionnairesTable>;
export type QuestionnaireVersion = Selectable<QuestionnaireVersionsTable>;
export type Wave = Selectable<WavesTable>;
export type Participant = Selectable<ParticipantsTable>;
export type ResponseRow = Selectable<ResponsesTable>;
export type User = Selectable<UsersTable>;
export type Membership = Selectable<MembershipsTable>;

/** Where a query can run: the database, or a transaction on it. */
export type Queryable = Kysely<Database> | Transaction<Database>;
