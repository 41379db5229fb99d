/**
 * The fixed fields of a registration (the ones every event asks; the event's own questions are `answers`), one
 * declaration each. Everything else derives from this table:
 * - the contract (`contract.ts`): each field's rule, required or optional, in the request body;
 * - the form (`components/registration-form/`): control, label and hint (catalogue keys), `autocomplete` token,
 *   layout, and the body it sends;
 * - the draft store (`draft-store.ts`): a string per text field, a boolean per checkbox;
 * - the server: the storage column and the CSV export column.
 *
 * Adding a fixed field is one declaration here, its label in the form's catalogues (the compiler points there:
 * `RegistrationFormMessages` requires every `label` and `hint` key) and a storage migration for its column.
 * Field names are the request body's keys (camelCase); columns are snake_case.
 */

/** The contract rules a fixed field can follow (each one is defined once, in `contract.ts`). */
export type FieldRule =
  /** A person's given or family name: text, no control or bidirectional control characters, ≤ 100. */
  | 'personName'
  /** An organisation's name or a job title: text, no control or bidirectional control characters, ≤ 200. */
  | 'organisationName'
  /** An e-mail address (RFC 5321/6531: internationalized domains accepted), ≤ 254. */
  | 'email'
  /** A phone number as people write it (digits, spaces, `+ . ( ) -`), 6–30 characters. */
  | 'phone'
  /** Must be ticked (`true`). */
  | 'consent'
  /** A yes/no choice. */
  | 'flag';

/**
 * HTML autofill detail tokens (HTML Living Standard, "Autofill") that the fixed fields use.
 * @see https://html.spec.whatwg.org/multipage/form-control-infrastructure.html#autofill-detail-tokens
 */
export type AutocompleteToken =
  'given-name' | 'family-name' | 'email' | 'tel' | 'organization' | 'organization-title';

interface FieldBase {
  /** Catalogue key of the field's label (also how error messages name it). */
  readonly label: string;
  /** Storage column (snake_case), also the CSV export's column header; absent when the value is not stored. */
  readonly column?: string;
  /** `members-only`: asked (and sent) only for members-only events. */
  readonly askedFor?: 'members-only';
  /**
   * `members-only`: required for members-only events, even when `required` is false (the contract's rule, which
   * knows no event). `isRequired` gives the one answer the form's label, its checks and the server all use.
   */
  readonly requiredFor?: 'members-only';
}

/** A one-line text input. Its draft value is a string; an optional one left blank is not sent (nor stored). */
export interface TextFieldDeclaration extends FieldBase {
  readonly kind: 'text';
  readonly rule: Exclude<FieldRule, 'consent' | 'flag'>;
  readonly required: boolean;
  /** The `<input type>`. */
  readonly inputType: 'text' | 'email' | 'tel';
  readonly autocomplete: AutocompleteToken;
  /** Catalogue key of a hint shown under the label. */
  readonly hint?: string;
  /** Spans both columns of the form's grid. */
  readonly wide?: boolean;
  /** `members`: the feed's active member organisations are suggested (a `<datalist>`). */
  readonly suggestions?: 'members';
}

/** A checkbox, after the event's questions. Its draft value is a boolean; it is always sent. */
export interface CheckboxFieldDeclaration extends FieldBase {
  readonly kind: 'checkbox';
  readonly rule: 'consent' | 'flag';
  /** `privacy-policy`: the label ends with a link to the privacy policy, when there is one. */
  readonly link?: 'privacy-policy';
}

export type FixedFieldDeclaration = TextFieldDeclaration | CheckboxFieldDeclaration;

/** The fixed fields, in the order the form shows them (text fields first, checkboxes after the questions). */
export const FIXED_FIELDS = {
  firstName: {
    kind: 'text',
    rule: 'personName',
    required: true,
    inputType: 'text',
    autocomplete: 'given-name',
    label: 'firstName',
    column: 'first_name',
  },
  lastName: {
    kind: 'text',
    rule: 'personName',
    required: true,
    inputType: 'text',
    autocomplete: 'family-name',
    label: 'lastName',
    column: 'last_name',
  },
  email: {
    kind: 'text',
    rule: 'email',
    required: true,
    inputType: 'email',
    autocomplete: 'email',
    label: 'email',
    hint: 'emailHint',
    wide: true,
    column: 'email',
  },
  organisation: {
    kind: 'text',
    rule: 'organisationName',
    required: true,
    inputType: 'text',
    autocomplete: 'organization',
    label: 'organisation',
    column: 'organisation',
  },
  jobTitle: {
    kind: 'text',
    rule: 'organisationName',
    required: true,
    inputType: 'text',
    autocomplete: 'organization-title',
    label: 'jobTitle',
    column: 'job_title',
  },
  phone: {
    kind: 'text',
    rule: 'phone',
    required: false,
    inputType: 'tel',
    autocomplete: 'tel',
    label: 'phone',
    column: 'phone',
  },
  memberOrganisation: {
    kind: 'text',
    rule: 'organisationName',
    // The contract accepts it blank; the event requires it when it is for members only (the server then also checks
    // that it names an active member).
    required: false,
    askedFor: 'members-only',
    requiredFor: 'members-only',
    inputType: 'text',
    autocomplete: 'organization',
    label: 'memberOrganisation',
    hint: 'memberOrganisationHint',
    wide: true,
    suggestions: 'members',
    column: 'member_organisation',
  },
  // Stored registrations all gave consent: nothing to store.
  consent: { kind: 'checkbox', rule: 'consent', label: 'consent', link: 'privacy-policy' },
  newsletter: { kind: 'checkbox', rule: 'flag', label: 'newsletter', column: 'newsletter' },
} as const satisfies Record<string, FixedFieldDeclaration>;

export type FixedFields = typeof FIXED_FIELDS;
/** `firstName`, `email`, `consent`… the request body's keys for the fixed fields. */
export type FixedFieldName = keyof FixedFields;
export type TextFieldName = {
  [K in FixedFieldName]: FixedFields[K]['kind'] extends 'text' ? K : never;
}[FixedFieldName];
export type CheckboxFieldName = Exclude<FixedFieldName, TextFieldName>;

/** Every catalogue key a fixed field needs (labels and hints): the form's catalogues must define them all. */
export type FixedFieldMessageKey =
  | FixedFields[FixedFieldName]['label']
  | {
      [K in TextFieldName]: FixedFields[K] extends { hint: infer H extends string } ? H : never;
    }[TextFieldName];

/** The fixed fields' names, in declaration (display) order. */
export const FIXED_FIELD_NAMES = Object.keys(FIXED_FIELDS) as FixedFieldName[];

/** The declaration of `name`, typed as the union (for code that handles any field). */
export function fixedField(name: FixedFieldName): FixedFieldDeclaration {
  return FIXED_FIELDS[name];
}

export function isFixedFieldName(name: string): name is FixedFieldName {
  return Object.hasOwn(FIXED_FIELDS, name);
}

/** A person's values for the fixed fields, as typed: a string per text field, a boolean per checkbox. */
export type FixedFieldValues = { [K in TextFieldName]: string } & { [K in CheckboxFieldName]: boolean };

/** Values of a form nobody has filled yet. */
export function emptyFixedFieldValues(): FixedFieldValues {
  return Object.fromEntries(
    FIXED_FIELD_NAMES.map((name) => [name, FIXED_FIELDS[name].kind === 'checkbox' ? false : '']),
  ) as FixedFieldValues;
}

/** Whether an event asks `field` (`membersOnly`: the event is for members only). */
export function isAsked(field: FixedFieldDeclaration, event: { membersOnly: boolean }): boolean {
  return field.askedFor !== 'members-only' || event.membersOnly;
}

/**
 * Whether `event` requires `field`: the form marks it required (no « facultatif »), refuses it blank before sending,
 * and the server refuses it blank too. A checkbox is required when it is the consent.
 */
export function isRequired(field: FixedFieldDeclaration, event: { membersOnly: boolean }): boolean {
  if (field.kind === 'checkbox') return field.rule === 'consent';
  return field.required || (field.requiredFor === 'members-only' && event.membersOnly);
}

// ── Storage and export (the server's side) ─────────────────────────────────────────────────────────────────────

/** A stored fixed field: its column and the SQL type it needs. */
export interface StoredField {
  name: FixedFieldName;
  column: string;
  /** `text` (NULL when an optional field was left blank) or `flag` (INTEGER 0/1). */
  type: 'text' | 'flag';
  /** False for an optional text field: the column accepts NULL. */
  notNull: boolean;
}

/** The fixed fields that have a storage column, in declaration order (also the CSV's order). */
export const STORED_FIELDS: readonly StoredField[] = FIXED_FIELD_NAMES.flatMap((name) => {
  const field = fixedField(name);
  if (field.column === undefined) return [];
  return [
    {
      name,
      column: field.column,
      type: field.kind === 'checkbox' ? 'flag' : 'text',
      notNull: field.kind === 'checkbox' || field.required,
    } satisfies StoredField,
  ];
});

/**
 * The value a stored field's column gets from a validated request: text as validated (NULL when blank or not
 * asked), a flag as 0 or 1.
 */
export function columnValue(
  field: StoredField,
  request: Partial<Record<FixedFieldName, string | boolean | undefined>>,
): string | number | null {
  const value = request[field.name];
  if (field.type === 'flag') return value === true ? 1 : 0;
  return typeof value === 'string' && value !== '' ? value : null;
}
