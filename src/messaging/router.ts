import * as v from 'valibot';
import { err, ok, type Result } from '../model/result';
import type { Answers } from './protocol';

/** A map of message names to payload schemas, one per direction. */
export type SchemaMap = Record<string, v.GenericSchema>;

/** Who sent a message, as the runtime reports it. */
export interface Sender {
  tab?: { id?: number; url?: string; windowId?: number; incognito?: boolean };
  frameId?: number;
  documentId?: string;
  url?: string;
  id?: string;
}

/** One handler per message of a map, each receiving the validated payload. */
export type Handlers<M extends SchemaMap> = {
  [K in keyof M & keyof Answers]: (payload: v.InferOutput<M[K]>, sender: Sender) => Answers[K] | Promise<Answers[K]>;
};

/** Reads `{type, payload}` from an unknown value without trusting it. */
export function readEnvelope(message: unknown): { type: string; payload: unknown } | null {
  if (typeof message !== 'object' || message === null) return null;
  const { type, payload } = message as { type?: unknown; payload?: unknown };
  if (typeof type !== 'string' || type.length > 64) return null;
  return { type, payload };
}

/**
 * Builds a dispatcher for one direction: validates the envelope and payload, runs the handler, and turns
 * anything thrown into an error result. The handler is called synchronously, so a handler that needs the
 * user's gesture (sidePanel.open) still has it.
 */
export function createRouter<M extends SchemaMap>(schemas: M, handlers: Handlers<M>) {
  return (message: unknown, sender: Sender): Promise<Result<unknown>> => {
    const envelope = readEnvelope(message);
    if (!envelope) return Promise.resolve(err('Malformed message: expected {type, payload}.'));
    if (!Object.hasOwn(schemas, envelope.type)) {
      return Promise.resolve(err(`Unknown message type: ${envelope.type.slice(0, 64)}`));
    }
    const type = envelope.type as keyof M & keyof Answers;
    const parsed = v.safeParse(schemas[type] as v.GenericSchema, envelope.payload ?? {});
    if (!parsed.success) {
      return Promise.resolve(err(`Invalid ${String(type)} message: ${v.summarize(parsed.issues).slice(0, 500)}`));
    }
    try {
      const handler = handlers[type] as (payload: unknown, sender: Sender) => unknown;
      return Promise.resolve(handler(parsed.output, sender)).then(
        (value) => ok(value),
        (error: unknown) => err(describeError(error)),
      );
    } catch (error) {
      return Promise.resolve(err(describeError(error)));
    }
  };
}

/** A readable message for anything thrown. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return error.message;
  return typeof error === 'string' ? error : 'Unexpected error';
}
