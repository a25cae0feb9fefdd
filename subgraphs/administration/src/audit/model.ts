import type { AuditActor } from '@postal/events';
import type { ChainBreak } from './chain.js';

/** Where a record sits in the hash chain once sealed. Positions are decimal strings: they outgrow 32 bits. */
export interface AuditSealRecord {
  position: string;
  hash: string;
  previousHash: string;
  sealedAt: Date;
}

/** An audit record as the service hands it to resolvers (the GraphQL `AuditRecord`). */
export interface AuditRecordModel {
  /** The record's id in the trail (a decimal string). */
  id: string;
  eventId: string;
  source: string;
  occurredAt: Date;
  /** occurredAt as stored, to the microsecond: the keyset cursor's first half. */
  occurredAtKey: string;
  recordedAt: Date;
  action: string;
  outcome: 'SUCCESS' | 'FAILURE';
  actor: AuditActor;
  officeCode: string | null;
  officePath: string | null;
  target: { type: string; id: string } | null;
  reason: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  requestId: string | null;
  clientAddress: string | null;
  seal: AuditSealRecord | null;
}

export interface AuditTrailFilter {
  /** The actor's username. */
  actor?: string | null;
  action?: string | null;
  /** The target's id (a staff id, an office code, a money-order number). */
  target?: string | null;
  /** Records at this office and below it. */
  officeCode?: string | null;
  /** Inclusive. */
  from?: Date | null;
  /** Exclusive. */
  to?: Date | null;
}

/** How far sealing has got: the last sealed position, and how many stored records wait for the sealer. */
export interface SealStatus {
  sealedUpTo: { position: string; hash: string; sealedAt: Date } | null;
  pending: number;
}

export interface AuditVerificationModel {
  ok: boolean;
  /** Seals checked (positions), including records of other times that the chain interleaves with the range. */
  checked: number;
  firstBrokenRecord: ChainBreak | null;
  sealedUpTo: SealStatus['sealedUpTo'];
  unsealed: number;
}
