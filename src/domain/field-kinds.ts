// Whether a record's fields hold values of the kinds its type's schema names (a text, a number,
// a list of texts, an object of answers…), the values themselves left unjudged: what a pulled
// record must pass before a device keeps it. A server of a later release may send values this
// release's rules refuse (a longer text, a new choice, a field it added), and the device keeps
// them; a value of another kind is no release's. A hostile or broken server sending one
// (`services: 5` on a visit) stopped every pull at that page: the index writes threw.
import { RECORD_SCHEMAS, type RecordType } from './record-types';

/** The parts of a valibot schema this reads (its `type` names the rest). */
interface SchemaNode {
  type: string;
  wrapped?: SchemaNode;
  entries?: Record<string, SchemaNode>;
  item?: SchemaNode;
  value?: SchemaNode;
  options?: readonly unknown[];
  literal?: unknown;
  check?: (value: unknown) => boolean;
}

type KindCheck = (value: unknown) => boolean;

const ANY: KindCheck = () => true;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A check of the value's kind as `node` names it; a schema of no fixed kind (unknown) takes any. */
function kindCheck(node: SchemaNode): KindCheck {
  switch (node.type) {
    case 'string':
    case 'number':
    case 'boolean': {
      const kind = node.type;
      return (value) => typeof value === kind;
    }
    case 'literal': {
      const kind = typeof node.literal;
      return (value) => typeof value === kind;
    }
    case 'picklist': {
      // A choice this release does not know is still a text (open picklists, domain/vocabulary.ts).
      const kinds = new Set((node.options ?? []).map((option) => typeof option));
      return (value) => kinds.has(typeof value);
    }
    case 'optional':
    case 'exact_optional':
    case 'undefinedable':
      return orAlso(undefined, node);
    case 'nullable':
      return orAlso(null, node);
    case 'nullish': {
      const inner = kindCheck(node.wrapped as SchemaNode);
      return (value) => value === undefined || value === null || inner(value);
    }
    case 'array': {
      const item = kindCheck(node.item as SchemaNode);
      return (value) => Array.isArray(value) && value.every(item);
    }
    case 'object':
    case 'strict_object':
    case 'loose_object':
      return objectCheck(node.entries ?? {});
    case 'record': {
      const entry = kindCheck(node.value as SchemaNode);
      return (value) => isObject(value) && Object.values(value).every(entry);
    }
    case 'union':
    case 'variant': {
      const options = (node.options as SchemaNode[]).map(kindCheck);
      return (value) => options.some((option) => option(value));
    }
    case 'custom':
      // The open picklists (fields.ts): a text shaped as a value key, which a later release's
      // new values are too (src/protocol/README.md, Compatibility).
      return node.check ?? ANY;
    default:
      return ANY;
  }
}

function orAlso(allowed: null | undefined, node: SchemaNode): KindCheck {
  const inner = kindCheck(node.wrapped as SchemaNode);
  return (value) => value === allowed || inner(value);
}

/** An object with these fields: its other keys (a later release's fields) are not looked at. */
function objectCheck(entries: Record<string, SchemaNode>): KindCheck {
  const fields = Object.entries(entries).map(([key, entry]) => [key, kindCheck(entry)] as const);
  return (value) =>
    isObject(value) && fields.every(([key, check]) => check(Object.hasOwn(value, key) ? value[key] : undefined));
}

const checks = new Map<RecordType, readonly (readonly [string, KindCheck])[]>();

/**
 * The first field of `data` whose value is not of the kind `type`'s schema names, or null when
 * every field is. A field left out is not judged: the screens read every record loosely (a text
 * that is not there shows nothing), where a value of another kind threw.
 */
export function fieldOfWrongKind(type: RecordType, data: Record<string, unknown>): string | null {
  let fields = checks.get(type);
  if (!fields) {
    const schema = RECORD_SCHEMAS[type] as unknown as SchemaNode & { pipe?: SchemaNode[] };
    const entries = schema.entries ?? schema.pipe?.[0]?.entries ?? {};
    fields = Object.entries(entries).map(([key, entry]) => [key, kindCheck(entry)] as const);
    checks.set(type, fields);
  }
  for (const [key, check] of fields) {
    const value = Object.hasOwn(data, key) ? data[key] : undefined;
    if (value !== undefined && !check(value)) return key;
  }
  return null;
}
