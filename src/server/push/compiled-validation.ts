// The record schemas, compiled into plain functions for the server's push: valibot runs each
// field through a dataset object, an issue list and a pipe loop, a quarter of a push's planning.
// A compiled check answers only "valid, and this is valibot's output" or "not valid": every
// refusal is then worded by valibot itself (validateShape), so reasons, codes and issues stay.
// The compiler inlines the very tests of valibot's runs (read from valibot 1.5's source), in
// valibot's order, building the same output; a schema or action it does not know leaves its
// record type on valibot.
import { RECORD_SCHEMAS, type RecordMap, type RecordType } from '../../domain/record-types';
import { unfitEntryIn } from '../../domain/reserved-names';
import { splitFields, type Validation, validateRecord, validateShape } from '../../domain/validation';
import { isPlainObject } from '../../protocol/wire';

/** What a compiled check answers for an input valibot refuses. */
const FAIL: unique symbol = Symbol('refused');
type Check = (value: unknown) => unknown;

interface SchemaNode {
  kind: string;
  type: string;
  pipe?: SchemaNode[];
  entries?: Record<string, SchemaNode>;
  item?: SchemaNode;
  key?: SchemaNode;
  value?: SchemaNode;
  wrapped?: SchemaNode;
  options?: SchemaNode[];
  default?: unknown;
  fallback?: unknown;
  requirement?: unknown;
}

/** Validation actions whose requirement valibot calls with the value (`this` the action). */
const CALLED: ReadonlySet<string> = new Set(['check', 'integer', 'url', 'partial_check']);
/** Validation actions whose requirement is a regular expression valibot tests the value with. */
const TESTED: ReadonlySet<string> = new Set(['regex', 'iso_timestamp', 'iso_date', 'email']);

/**
 * Writes the source of one function per schema: the checks of valibot's runs, inlined, with
 * `return F` where valibot would add an issue. Throws on a schema or action it does not know
 * exactly: that record type stays on valibot.
 */
class Compiler {
  readonly constants: unknown[] = [];
  private names = 0;

  constant(value: unknown): string {
    this.constants.push(value);
    return `c[${this.constants.length - 1}]`;
  }

  fresh(): string {
    this.names += 1;
    return `v${this.names}`;
  }

  /** Code that checks the variable `at` and leaves valibot's output in it. */
  schema(node: SchemaNode, at: string): string {
    if (node.fallback !== undefined) throw new Error(`fallback of ${node.type}`);
    if (node.pipe) return this.pipe(node.pipe, at);
    switch (node.type) {
      case 'string':
      case 'boolean':
        return `if (typeof ${at} !== '${node.type}') return F;`;
      case 'number':
        return `if (typeof ${at} !== 'number' || isNaN(${at})) return F;`;
      case 'literal':
        return `if (!(${at} === ${this.constant((node as { literal?: unknown }).literal)} || (Number.isNaN(${at}) && Number.isNaN(${this.constant((node as { literal?: unknown }).literal)})))) return F;`;
      case 'picklist':
        return `if (!${this.constant(node)}.options.includes(${at})) return F;`;
      case 'custom':
        return `if (!${this.constant(node)}.check(${at})) return F;`;
      case 'unknown':
        return '';
      case 'object':
      case 'strict_object':
        return this.object(node, at);
      case 'array':
        return this.array(node, at);
      case 'record':
        return this.record(node, at);
      case 'optional':
      case 'nullable':
        return this.wrapped(node, at);
      case 'union':
        return this.union(node, at);
      default:
        throw new Error(`schema ${node.type}`);
    }
  }

  private pipe(pipe: readonly SchemaNode[], at: string): string {
    return pipe
      .filter((item) => item.kind !== 'metadata')
      .map((item) => (item.kind === 'schema' ? this.schema(item, at) : this.action(item, at)))
      .join('\n');
  }

  private action(item: SchemaNode, at: string): string {
    const { kind, type } = item;
    if (kind === 'transformation' && type === 'trim') return `${at} = ${at}.trim();`;
    if (kind !== 'validation') throw new Error(`action ${kind} ${type}`);
    const requirement = item.requirement;
    if (type === 'max_length' && typeof requirement === 'number') return `if (${at}.length > ${requirement}) return F;`;
    if (type === 'min_length' && typeof requirement === 'number') return `if (${at}.length < ${requirement}) return F;`;
    if (type === 'max_value' && typeof requirement === 'number') return `if (!(${at} <= ${requirement})) return F;`;
    if (type === 'min_value' && typeof requirement === 'number') return `if (!(${at} >= ${requirement})) return F;`;
    if (CALLED.has(type) && typeof requirement === 'function')
      return `if (!${this.constant(item)}.requirement(${at})) return F;`;
    if (TESTED.has(type) && requirement instanceof RegExp)
      return `if (!${this.constant(item)}.requirement.test(${at})) return F;`;
    throw new Error(`action ${type}`);
  }

  private object(node: SchemaNode, at: string): string {
    const entries = node.entries as Record<string, SchemaNode>;
    const output = this.fresh();
    const lines = [`if (!${at} || typeof ${at} !== 'object') return F;`, `const ${output} = {};`];
    for (const key of Object.keys(entries)) {
      const schema = entries[key] as SchemaNode;
      if (schema.fallback !== undefined || typeof schema.default === 'function') throw new Error(`entry ${key}`);
      if (schema.type === 'nullish' || schema.type === 'exact_optional') throw new Error(schema.type);
      const name = JSON.stringify(key);
      const value = this.fresh();
      const check = this.schema(schema, value);
      const optional = schema.type === 'optional';
      if (optional && schema.default !== undefined) {
        // An absent key runs its schema on the default, as valibot's object does.
        lines.push(
          `{ let ${value} = ${name} in ${at} ? ${at}[${name}] : ${this.constant(schema.default)};`,
          check,
          `${output}[${name}] = ${value}; }`,
        );
      } else {
        lines.push(`if (${name} in ${at}) { let ${value} = ${at}[${name}];`, check, `${output}[${name}] = ${value}; }`);
        if (!optional) lines.push('else return F;');
      }
    }
    if (node.type === 'strict_object') {
      const key = this.fresh();
      lines.push(`for (const ${key} in ${at}) if (!Object.hasOwn(${this.constant(entries)}, ${key})) return F;`);
    }
    lines.push(`${at} = ${output};`);
    return lines.join('\n');
  }

  private array(node: SchemaNode, at: string): string {
    const [output, index, item] = [this.fresh(), this.fresh(), this.fresh()];
    return [
      `if (!Array.isArray(${at})) return F;`,
      `{ const ${output} = [];`,
      `for (let ${index} = 0; ${index} < ${at}.length; ${index}++) { let ${item} = ${at}[${index}];`,
      this.schema(node.item as SchemaNode, item),
      `${output}.push(${item}); }`,
      `${at} = ${output}; }`,
    ].join('\n');
  }

  private record(node: SchemaNode, at: string): string {
    const [output, key, name, value] = [this.fresh(), this.fresh(), this.fresh(), this.fresh()];
    return [
      `if (!${at} || typeof ${at} !== 'object') return F;`,
      `{ const ${output} = {};`,
      `for (const ${key} in ${at}) {`,
      `if (!Object.prototype.hasOwnProperty.call(${at}, ${key}) || ${key} === '__proto__' || ${key} === 'prototype' || ${key} === 'constructor') continue;`,
      `let ${name} = ${key};`,
      this.schema(node.key as SchemaNode, name),
      `let ${value} = ${at}[${key}];`,
      this.schema(node.value as SchemaNode, value),
      `${output}[${name}] = ${value}; }`,
      `${at} = ${output}; }`,
    ].join('\n');
  }

  private wrapped(node: SchemaNode, at: string): string {
    if (typeof node.default === 'function') throw new Error('default computed');
    const empty = node.type === 'optional' ? 'undefined' : 'null';
    const byDefault =
      node.default === undefined ? '' : `if (${at} === ${empty}) ${at} = ${this.constant(node.default)};\n`;
    // valibot gives the default itself (not a copy) to the wrapped schema.
    return `${byDefault}if (${at} !== ${empty}) {\n${this.schema(node.wrapped as SchemaNode, at)}\n}`;
  }

  /** Each option its own function: a refused option goes on to the next, as in valibot. */
  private union(node: SchemaNode, at: string): string {
    const options = (node.options as SchemaNode[]).map((option) => this.constant(build(option)));
    const result = this.fresh();
    return `{ let ${result} = F;\nfor (const option of [${options.join(', ')}]) { ${result} = option(${at}); if (${result} !== F) break; }\nif (${result} === F) return F; ${at} = ${result}; }`;
  }
}

/** The compiled check of one schema: its output, or FAIL. */
function build(node: SchemaNode): Check {
  const compiler = new Compiler();
  const body = compiler.schema(node, 'input');
  // The source is written above from the app's own schemas, never from input.
  const make = new Function('c', 'F', `return function check(input) {\n${body}\nreturn input;\n};`);
  return make(compiler.constants, FAIL) as Check;
}

const compiled = new Map<RecordType, Check | null>();

function compiledOf(type: RecordType): Check | null {
  let check = compiled.get(type);
  if (check === undefined) {
    try {
      check = build(RECORD_SCHEMAS[type] as unknown as SchemaNode);
    } catch {
      check = null;
    }
    compiled.set(type, check);
  }
  return check;
}

/** validateShape, answered by the compiled schema when the record is valid. */
export function validateShapeFast<K extends RecordType>(type: K, input: unknown): Validation<RecordMap[K]> {
  const check = compiledOf(type);
  if (check && isPlainObject(input)) {
    const { known, unknown } = splitFields(type, input);
    const output = check(known);
    if (output !== FAIL) {
      const value = output as RecordMap[K];
      return { ok: true, value: unknown ? Object.assign(value, unknown) : value };
    }
  }
  return validateShape(type, input);
}

/** validateRecord, answered by the compiled schema when the record is valid. */
export function validateRecordFast<K extends RecordType>(type: K, input: unknown): Validation<RecordMap[K]> {
  if (unfitEntryIn(input) !== null) return validateRecord(type, input);
  return validateShapeFast(type, input);
}
