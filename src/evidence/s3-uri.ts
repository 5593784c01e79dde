import * as z from 'zod/mini';

/**
 * S3 locations and the pointer format, kept apart from the S3 client so that
 * parsing inputs never loads the AWS SDK.
 */

export interface S3Location {
  bucket: string;
  /** Key or key prefix, without leading or trailing slashes; may be empty. */
  key: string;
}

const S3_URI = /^s3:\/\/([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])(?:\/(.*))?$/;

/** Parses `s3://bucket/prefix`; undefined when the text is not one. */
export function parseS3Uri(uri: string): S3Location | undefined {
  const m = S3_URI.exec(uri.trim());
  if (!m) return undefined;
  const key = (m[2] ?? '').replace(/^\/+|\/+$/g, '');
  if (key.split('/').some((part) => part === '.' || part === '..')) return undefined;
  return { bucket: m[1]!, key };
}

export function formatS3Uri(loc: S3Location): string {
  return `s3://${loc.bucket}${loc.key ? `/${loc.key}` : ''}`;
}

/** Joins key parts with `/`, skipping empty ones (an empty prefix is the bucket root). */
export function joinKey(...parts: string[]): string {
  return parts.filter((p) => p !== '').join('/');
}

export const POINTER_SCHEMA = 'drloop.evidence-pointer/v1';
export const POINTER_NAME = 'current.json';

/**
 * `<prefix>/current.json`: the latest verified bundle. It is written only
 * after the bundle it names was read back and matched, so it never names a
 * missing or partial bundle.
 */
export const pointerSchema = z.looseObject({
  schema: z.optional(z.literal(POINTER_SCHEMA)),
  bundle_uri: z.string().check(z.refine((s) => parseS3Uri(s) !== undefined, 'expected an s3://bucket/key URI')),
  bundle_sha256: z.string().check(z.regex(/^[0-9a-f]{64}$/, 'expected 64 hex digits')),
  bundle_size: z.optional(z.number().check(z.int(), z.gte(0))),
  created_at: z.string(),
  git_sha: z.nullable(z.string()),
  run_id: z.nullable(z.string()),
});
export type EvidencePointer = z.output<typeof pointerSchema>;
