/** The shapes of the API's JSON bodies the app uses (see the *Records.java files and /q/openapi). */

export type Role = 'OWNER' | 'EDITOR' | 'CONTRIBUTOR' | 'OBSERVER';
export const ROLES: readonly Role[] = ['OWNER', 'EDITOR', 'CONTRIBUTOR', 'OBSERVER'];
export type SectionKind = 'NARRATIVE' | 'PROPOSAL' | 'ANNEX' | 'LETTER';
export const SECTION_KINDS: readonly SectionKind[] = ['NARRATIVE', 'PROPOSAL', 'ANNEX', 'LETTER'];
export type StakeholderGroup =
  | 'TECH_INDUSTRY'
  | 'GOVERNMENT_POLICY'
  | 'CIVIL_SOCIETY'
  | 'ACADEMIA'
  | 'MULTILATERAL'
  | 'OTHER';
export const STAKEHOLDER_GROUPS: readonly StakeholderGroup[] = [
  'TECH_INDUSTRY',
  'GOVERNMENT_POLICY',
  'CIVIL_SOCIETY',
  'ACADEMIA',
  'MULTILATERAL',
  'OTHER',
];
export type Attribution = 'NAMED' | 'ORGANISATION_ONLY' | 'ANONYMOUS';
export const ATTRIBUTIONS: readonly Attribution[] = ['NAMED', 'ORGANISATION_ONLY', 'ANONYMOUS'];
export type Stance = 'ENDORSE' | 'ENDORSE_WITH_RESERVATIONS' | 'OBJECT';
export const STANCES: readonly Stance[] = ['ENDORSE', 'ENDORSE_WITH_RESERVATIONS', 'OBJECT'];

export interface Page<T> {
  readonly items: readonly T[];
  readonly page: number;
  readonly size: number;
  readonly total: number;
}

export interface Profile {
  readonly id: number;
  readonly handle: string;
  readonly displayName: string;
  readonly kind: string;
  readonly organisation: string | null;
  readonly stakeholderGroup: StakeholderGroup | null;
  readonly country: string | null;
  readonly attribution: Attribution;
  readonly email: string | null;
  readonly emailNotifications: boolean;
  readonly platformAdmin: boolean;
}

export interface SessionView {
  readonly token: string;
  readonly expiresAt: string;
  readonly account: Profile;
}

export interface Author {
  readonly id: number | null;
  readonly handle: string | null;
  readonly displayName: string;
  readonly organisation: string | null;
  readonly stakeholderGroup: StakeholderGroup | null;
  readonly identified: boolean;
}

export interface Paper {
  readonly id: number;
  readonly slug: string;
  readonly title: string;
  readonly subtitle: string | null;
  readonly summary: string | null;
  readonly language: string;
  readonly status: string;
  readonly archived: boolean;
  readonly updatedAt: string;
  readonly initiative?: string | null;
  readonly keywords?: readonly string[];
  readonly signatories?: readonly Signatory[];
}

export interface Signatory {
  readonly name: string;
  readonly title: string | null;
  readonly organisation: string | null;
}

export interface Section {
  readonly id: number;
  readonly paperId: number;
  readonly position: number | null;
  readonly heading: string;
  readonly kind: SectionKind;
  readonly proposalNumber: number | null;
  readonly proposalSummary: string | null;
  readonly currentRevision: number;
  readonly etag: string;
  readonly deleted: boolean;
  readonly updatedAt: string;
}

export interface Content {
  readonly sectionId: number;
  readonly revision: number;
  readonly etag: string;
  readonly body: string;
  readonly author: Author | null;
  readonly summary: string | null;
  readonly createdAt: string;
}

export interface RevisionSummary {
  readonly number: number;
  readonly author: Author | null;
  readonly summary: string | null;
  readonly restoredFrom: number | null;
  readonly length: number;
  readonly createdAt: string;
}

export type DiffOp = 'EQUAL' | 'INSERT' | 'DELETE';
export interface ParagraphDiff {
  readonly status: 'EQUAL' | 'CHANGED' | 'INSERTED' | 'DELETED';
  readonly runs: readonly { readonly op: DiffOp; readonly text: string }[];
}
export interface DiffStats {
  readonly wordsInserted: number;
  readonly wordsDeleted: number;
}
export interface DiffView {
  readonly identical: boolean;
  readonly stats: DiffStats;
  readonly paragraphs: readonly ParagraphDiff[];
}

export interface Member {
  readonly accountId: number;
  readonly handle: string;
  readonly displayName: string;
  readonly organisation: string | null;
  readonly role: Role;
}

export interface Invitation {
  readonly id: number;
  readonly role: Role;
  readonly note: string | null;
  readonly expiresAt: string;
  readonly maxUses: number;
  readonly uses: number;
  readonly revoked: boolean;
  readonly token: string | null;
  readonly link: string | null;
}

export interface InvitationPreview {
  readonly paperTitle: string;
  readonly role: Role;
  readonly expiresAt: string;
  readonly invitedBy: string | null;
}

export type DraftStatus = 'DRAFT' | 'OPEN' | 'MERGED' | 'REJECTED' | 'WITHDRAWN';
export interface Draft {
  readonly id: number;
  readonly paperId: number;
  readonly sectionId: number;
  readonly author: Author;
  readonly status: DraftStatus;
  readonly outdated: boolean;
  readonly etag: string;
  readonly baseRevision: number;
  readonly sectionRevision: number;
  readonly body: string;
  readonly rationale: string | null;
  readonly decisionReason: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface Region {
  readonly kind: string;
  readonly conflict: number | null;
  readonly text: string | null;
  readonly base: string | null;
  readonly ours: string | null;
  readonly theirs: string | null;
}
export interface MergePreview {
  readonly currentRevision: number;
  readonly currentEtag: string;
  readonly clean: boolean;
  readonly conflicts: number;
  readonly regions: readonly Region[];
  readonly text: string | null;
}

export interface AnchorView {
  readonly status: 'SECTION' | 'ATTACHED' | 'CHANGED' | 'OUTDATED';
  readonly exact: string | null;
  readonly start: number | null;
  readonly end: number | null;
  readonly text: string | null;
}
export interface CommentView {
  readonly id: number;
  readonly author: Author;
  readonly body: string | null;
  readonly edited: boolean;
  readonly deleted: boolean;
  readonly hidden: boolean;
  readonly hiddenReason: string | null;
  /** How many flags it has: editors only (null for others). */
  readonly flags?: number | null;
  readonly flaggedByMe: boolean;
  readonly version: number;
  readonly mine: boolean;
  readonly createdAt: string;
}

export interface CommentVersion {
  readonly number: number;
  readonly body: string;
  readonly createdAt: string;
}

export interface SearchHit {
  readonly sectionId: number;
  readonly heading: string;
  readonly revision: number;
  /** Escaped Markdown source with matches in mark (read with snippet.ts, never as HTML). */
  readonly snippetHtml: string;
  readonly rank: number;
}

export interface SearchResults {
  readonly query: string;
  readonly hits: readonly SearchHit[];
}

export interface AuditEntry {
  readonly id: number;
  readonly at: string;
  readonly actor: { readonly id: number | null; readonly handle: string | null; readonly displayName: string | null } | null;
  readonly type: string;
  readonly objectType: string | null;
  readonly objectId: number | null;
  readonly payload: Readonly<Record<string, unknown>> | null;
  readonly address: string | null;
}
export interface Thread {
  readonly id: number;
  readonly sectionId: number;
  readonly anchor: AnchorView;
  readonly resolved: boolean;
  readonly comment: CommentView;
  readonly replies: readonly CommentView[];
}
export interface Mentionable {
  readonly handle: string;
  readonly displayName: string;
  readonly organisation: string | null;
}

export interface GroupTally {
  readonly group: StakeholderGroup | null;
  readonly endorse: number;
  readonly withReservations: number;
  readonly object: number;
  readonly total: number;
}
export interface Tally {
  readonly total: number;
  readonly endorse: number;
  readonly withReservations: number;
  readonly object: number;
  readonly onEarlierVersion: number;
  readonly supportingGroups: number;
  readonly singleSector: boolean;
  readonly byGroup: readonly GroupTally[];
}
export interface StanceView {
  readonly id: number;
  readonly endorser: Author;
  readonly stance: Stance;
  readonly statement: string | null;
  readonly onCurrentVersion: boolean;
}
export interface Endorsements {
  readonly sectionId: number | null;
  readonly proposalNumber: number | null;
  readonly heading: string | null;
  readonly frozen: boolean;
  readonly tally: Tally;
  readonly stances: readonly StanceView[];
  readonly mine: StanceView | null;
}
export interface PaperEndorsements {
  readonly paper: Endorsements;
  readonly proposals: readonly {
    readonly sectionId: number;
    readonly proposalNumber: number | null;
    readonly heading: string;
    readonly tally: Tally;
    readonly mine: StanceView | null;
  }[];
}

export interface Group {
  readonly id: number;
  readonly workshopId: number;
  readonly name: string;
  readonly facilitatorId: number | null;
  readonly memberIds: readonly number[];
  readonly sectionIds: readonly number[];
}
export interface Workshop {
  readonly id: number;
  readonly title: string;
  readonly startsAt: string;
  readonly endsAt: string;
  readonly timeZone: string;
  readonly place: string | null;
  readonly onlineLink: string | null;
  readonly agenda: string | null;
  readonly groups: readonly Group[];
}
export interface GroupProgress {
  readonly groupId: number;
  readonly name: string;
  readonly members: number;
  readonly words: number;
  readonly revisions: number;
  readonly lastActivity: string | null;
  readonly sections: readonly {
    readonly sectionId: number;
    readonly heading: string;
    readonly words: number;
    readonly revisions: number;
    readonly revisionsByGroup: number;
  }[];
}

export interface Job {
  readonly id: number;
  readonly state: 'QUEUED' | 'RUNNING' | 'DONE' | 'FAILED';
  readonly stage: string | null;
  readonly percent: number;
  readonly edition: number | null;
  readonly error: string | null;
}
export interface Artifact {
  readonly format: string;
  readonly mediaType: string;
  readonly filename: string;
  readonly size: number;
  readonly href: string;
}
export interface Edition {
  readonly number: number;
  readonly status: string;
  readonly fingerprint: string;
  readonly createdBy: Author | null;
  readonly createdAt: string;
  readonly publishedAt: string | null;
  readonly artifacts: readonly Artifact[];
}
export interface Changelog {
  readonly from: number;
  readonly to: number;
  readonly sectionsAdded: number;
  readonly sectionsRemoved: number;
  readonly sectionsChanged: number;
  readonly wordsAdded: number;
  readonly wordsRemoved: number;
  readonly sections: readonly {
    readonly sectionId: number;
    readonly heading: string;
    readonly change: string;
    readonly wordsAdded: number;
    readonly wordsRemoved: number;
  }[];
}
export interface ShareLink {
  readonly id: number;
  readonly edition: number;
  readonly label: string | null;
  readonly url: string | null;
  readonly expiresAt: string | null;
  readonly revokedAt: string | null;
  readonly downloads: number;
}

export interface Notification {
  readonly id: number;
  readonly reason: string;
  readonly type: string;
  readonly paperId: number | null;
  readonly paperTitle: string | null;
  readonly sectionId: number | null;
  readonly sectionHeading: string | null;
  readonly threadId: number | null;
  readonly draftId: number | null;
  readonly excerpt: string | null;
  readonly actor: Author | null;
  readonly at: string;
  readonly read: boolean;
}
export interface NotificationPage {
  readonly items: readonly Notification[];
  readonly unread: number;
  readonly next: number | null;
}
