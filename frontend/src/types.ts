/**
 * The API's JSON bodies, as the server's OpenAPI document describes them: `src/generated/api.d.ts`
 * is written from `openapi.json` by `npm run generate` (before every build and test run), so a
 * field the server renames or drops fails the type check.
 *
 * The document is exact about presence (every record component is always written) and cautious
 * about null (every component that is not a Java primitive may be null). Where the app relies on a
 * value being set, `Known` says so for the fields named, in one place per body: the names are
 * checked against the document, the non-null claim is the app's.
 */
import type { components } from './generated/api';

type S = components['schemas'];

/** `T` with the fields `K` known to be set and the nested bodies `O` replaced by their known shapes. */
type Known<T, K extends keyof T, O extends { readonly [P in keyof O]: P extends keyof T ? T[P] : never } = {}> =
  Omit<T, K | keyof O> & { readonly [P in K]-?: NonNullable<T[P]> } & { readonly [P in keyof O]: O[P] };

export type Role = S['PaperRole'];
export type SectionKind = S['SectionKind'];
export type StakeholderGroup = S['StakeholderGroup'];
export type Attribution = S['Attribution'];
export type Stance = S['Stance'];
export type DraftStatus = S['Status'];

// The order the app offers choices in (the document's enums list every value, in the server's order).
export const ROLES = ['OWNER', 'EDITOR', 'CONTRIBUTOR', 'OBSERVER'] as const satisfies readonly Role[];
export const SECTION_KINDS = ['NARRATIVE', 'PROPOSAL', 'ANNEX', 'LETTER'] as const satisfies readonly SectionKind[];
export const STAKEHOLDER_GROUPS = [
  'TECH_INDUSTRY',
  'GOVERNMENT_POLICY',
  'CIVIL_SOCIETY',
  'ACADEMIA',
  'MULTILATERAL',
  'OTHER',
] as const satisfies readonly StakeholderGroup[];
export const ATTRIBUTIONS = ['NAMED', 'ORGANISATION_ONLY', 'ANONYMOUS'] as const satisfies readonly Attribution[];
export const STANCES = ['ENDORSE', 'ENDORSE_WITH_RESERVATIONS', 'OBJECT'] as const satisfies readonly Stance[];

/** One page of a list (`PageOf…` in the document). */
export interface Page<T> {
  readonly items: readonly T[];
  readonly page: number;
  readonly size: number;
  readonly total: number;
}

export type Profile = Known<S['Profile'], 'handle' | 'displayName' | 'kind' | 'attribution'>;
export type SessionView = Known<S['Session'], 'token' | 'expiresAt', { account: Profile }>;
export type Author = Known<S['AuthorView'], 'displayName'>;
export type Signatory = Known<S['SignatoryView'], 'name'>;
export type Paper = Known<
  S['PaperView'],
  'slug' | 'title' | 'language' | 'status' | 'updatedAt' | 'keywords',
  { signatories: readonly Signatory[] }
>;
export type ImportNoteKind = NonNullable<S['ImportNote']['kind']>;
export type ImportNote = Known<S['ImportNote'], 'kind' | 'count'>;
export type ImportPreview = Known<S['ImportPreview'], 'format' | 'level', { sections: readonly ImportPreviewSection[]; notes: readonly ImportNote[] }>;
export type ImportPreviewSection = Known<S['PreviewSection'], 'heading' | 'body' | 'words'>;
export type ImportResult = Known<S['ImportResult'], 'filename', { sections: readonly Section[]; notes: readonly ImportNote[] }>;
export type PaperImportResult = Known<S['PaperImportResult'], 'paper', { sections: readonly Section[]; notes: readonly ImportNote[] }>;
export type Section = Known<S['SectionView'], 'heading' | 'kind' | 'etag' | 'updatedAt'>;
export type Content = Known<S['ContentView'], 'etag' | 'body' | 'createdAt'>;
/** GET /api/papers/{id}/html: every current section's text as safe HTML, in outline order. */
export type RenderedPaper = Known<S['RenderedPaper'], never, { sections: readonly Known<S['RenderedSection'], 'html'>[] }>;
export type RevisionSummary = Known<S['RevisionSummary'], 'createdAt'>;
/** POST …/live/checkpoint ("Save version"): the revision, whether it is new, who wrote it. */
export type Checkpoint = S['CheckpointView'];

export type DiffOp = S['Op'];
export type ParagraphDiff = Known<S['ParagraphDiff'], 'status', { runs: readonly Known<S['Run'], 'op' | 'text'>[] }>;
export type DiffView = Known<S['DiffView'], 'stats', { paragraphs: readonly ParagraphDiff[] }>;

export type Member = Known<S['MemberView'], 'handle' | 'displayName' | 'role'>;
export type Invitation = Known<S['InvitationView'], 'role' | 'expiresAt'>;
export type InvitationPreview = Known<S['InvitationPreview'], 'paperTitle' | 'role' | 'expiresAt'>;
export type Draft = Known<S['DraftView'], 'author' | 'status' | 'etag' | 'body' | 'createdAt' | 'updatedAt', { author: Author }>;

export type Region = Known<S['RegionView'], 'kind'>;
export type MergePreview = Known<S['MergePreview'], 'currentEtag', { regions: readonly Region[] }>;

export type AnchorView = Known<S['AnchorView'], 'status'>;
export type CommentView = Known<S['CommentView'], 'createdAt', { author: Author }>;
export type CommentVersion = Known<S['VersionView'], 'body' | 'createdAt'>;
/** `snippetHtml` is escaped Markdown source with matches in mark (read with snippet.ts, never as HTML). */
export type SearchHit = Known<S['Hit'], 'heading' | 'snippetHtml'>;
export type SearchResults = Known<S['Results'], 'query', { hits: readonly SearchHit[] }>;
export type AuditEntry = Known<S['Entry'], 'at' | 'type'>;
export type Thread = Known<S['ThreadView'], never, { anchor: AnchorView; comment: CommentView; replies: readonly CommentView[] }>;
export type Mentionable = Known<S['Mentionable'], 'handle' | 'displayName'>;

export type GroupTally = S['GroupTally'];
export type Tally = Known<S['Tally'], 'byGroup'>;
export type StanceView = Known<S['StanceView'], 'stance', { endorser: Author }>;
export type Endorsements = Known<S['Endorsements'], never, { tally: Tally; stances: readonly StanceView[]; mine: StanceView | null }>;
export type PaperEndorsements = Known<
  S['PaperEndorsements'],
  never,
  { paper: Endorsements; proposals: readonly Known<S['ProposalTally'], 'heading', { tally: Tally; mine: StanceView | null }>[] }
>;

export type Group = Known<S['GroupView'], 'name' | 'memberIds' | 'sectionIds'>;
export type Workshop = Known<S['WorkshopView'], 'title' | 'startsAt' | 'endsAt' | 'timeZone', { groups: readonly Group[] }>;
export type GroupProgress = Known<S['GroupProgress'], 'name', { sections: readonly Known<S['SectionProgress'], 'heading'>[] }>;

/** A compile job's states (the server sends a string; these are the ones it writes). */
export const JOB_STATES = ['QUEUED', 'RUNNING', 'DONE', 'FAILED'] as const;
export type JobState = (typeof JOB_STATES)[number];
export type Job = Known<S['JobView'], 'state'>;
export type Artifact = Known<S['ArtifactView'], 'format' | 'mediaType' | 'filename' | 'href'>;
export type Edition = Known<S['EditionView'], 'status' | 'fingerprint' | 'createdAt', { artifacts: readonly Artifact[] }>;
export type Changelog = Known<S['Changelog'], never, { sections: readonly Known<S['SectionChange'], 'heading' | 'change'>[] }>;
export type ShareLink = Known<S['ShareLinkView'], never>;

export type Notification = Known<S['NotificationView'], 'reason' | 'type' | 'at'>;
export type NotificationPage = Known<S['NotificationPage'], never, { items: readonly Notification[] }>;
